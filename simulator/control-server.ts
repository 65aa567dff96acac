// The simulator's control endpoint (plain Node): a small JSON-over-HTTP door on 127.0.0.1 that
// `npm run simctl` uses to drive a running simulator. Its URL is written to a file in the OS
// temp directory so the command finds it without flags.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlCommand, runCommand, type ControlState } from './control-commands.js';
import { GatewayError } from './rest-error.js';
import type { Simulator } from './simulator.js';

export const CONTROL_FILE = join(tmpdir(), 'o2g-simulator-control.json');
const MAX_COMMAND_BYTES = 64 * 1024;

export interface ControlServer {
  url: string;
  stop(): Promise<void>;
}

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readCommand(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_COMMAND_BYTES) throw new Error('command too large');
  }
  return JSON.parse(text) as unknown;
}

async function answer(
  sim: Simulator,
  state: ControlState,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
) {
  // Only this machine's own clients: refuse a Host a web page could rebind to us.
  const host = (req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return reply(res, 403, { ok: false, error: 'The control endpoint only answers 127.0.0.1.' });
  }
  if (req.url !== '/command') {
    return reply(res, 404, { ok: false, error: 'POST your command as JSON to /command.' });
  }
  if (req.method !== 'POST') return reply(res, 405, { ok: false, error: 'Use POST.' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return reply(res, 415, { ok: false, error: 'Send Content-Type: application/json.' });
  }
  let body: unknown;
  try {
    body = await readCommand(req);
  } catch (error) {
    return reply(res, 400, { ok: false, error: `Not a JSON command: ${(error as Error).message}` });
  }
  const parsed = controlCommand.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || 'command'}: ${i.message}`,
    );
    return reply(res, 400, { ok: false, error: `Invalid command (${problems.join('; ')}).` });
  }
  try {
    const result = await runCommand(sim, parsed.data, state);
    return reply(res, 200, { ok: true, ...(result === undefined ? {} : { result }) });
  } catch (error) {
    const status = error instanceof GatewayError ? error.status : 400;
    return reply(res, status === 404 ? 404 : 400, { ok: false, error: (error as Error).message });
  }
}

export async function startControlServer(
  sim: Simulator,
  options: { port?: number; file?: string | null } = {},
): Promise<ControlServer> {
  let port = 0;
  const state: ControlState = {};
  const server = createServer((req, res) => {
    answer(sim, state, port, req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, { ok: false, error: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const file = options.file === undefined ? CONTROL_FILE : options.file;
  if (file) {
    await writeFile(file, JSON.stringify({ url, pid: process.pid, restUrl: sim.restUrl }));
  }
  return {
    url,
    async stop() {
      state.stopDemo?.();
      state.stopScenario?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Another simulator may have taken the file over since; leave its entry alone.
      const current = file ? await readFile(file, 'utf8').catch(() => '') : '';
      if (file && current.includes(`"${url}"`)) await rm(file, { force: true });
    },
  };
}
