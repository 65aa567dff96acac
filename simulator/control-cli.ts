// `npm run simctl -- <command>`: drives a running simulator through its loopback control
// endpoint (plain Node). The endpoint's URL comes from --control or the file the simulator wrote.
import { readFile } from 'node:fs/promises';
import { parseControlArgs, SIMCTL_HELP } from './control-args.js';
import { CONTROL_FILE } from './control-server.js';

async function controlUrl(explicit: string | undefined): Promise<string> {
  if (explicit) return explicit;
  try {
    const { url } = JSON.parse(await readFile(CONTROL_FILE, 'utf8')) as { url: string };
    return url;
  } catch {
    throw new Error(
      `No running simulator found (${CONTROL_FILE} is missing); start one with npm run simulator.`,
    );
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv.includes('--help')) {
    console.log(SIMCTL_HELP);
    return;
  }
  const { command, control } = parseControlArgs(argv);
  const url = await controlUrl(control);
  const response = await fetch(`${url}/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  }).catch((error: unknown) => {
    throw new Error(`The simulator at ${url} does not answer (${(error as Error).message}).`, {
      cause: error,
    });
  });
  const body = (await response.json()) as { ok: boolean; result?: unknown; error?: string };
  if (!body.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  console.log(body.result === undefined ? 'ok' : JSON.stringify(body.result, null, 2));
}

main().catch((error: unknown) => {
  console.error(`simctl: ${(error as Error).message}`);
  process.exit(1);
});
