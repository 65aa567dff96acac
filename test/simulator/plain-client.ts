// A deliberately plain O2G client for the simulator tests (Node, global fetch + raw sockets):
// it shares no code with the app's gateway client, so the two cannot share a misunderstanding.
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { Simulator } from '../../simulator/index.js';

export interface LoggedIn {
  cookie: string;
  base: string;
  sessionsUrl: string;
  session: Record<string, unknown> & {
    services: Array<{ serviceName: string; relativeUrl: string }>;
  };
}

export function basic(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`, 'utf8').toString('base64')}`;
}

/** A simulator in this process, or just the address of one running elsewhere. */
export type Target = Pick<Simulator, 'restUrl'> & Partial<Pick<Simulator, 'users'>>;

export async function login(
  sim: Target,
  loginName = 'oxe19141',
  password?: string,
): Promise<LoggedIn> {
  const user = sim.users?.().find((u) => u.loginName === loginName);
  const discovery = (await (await fetch(`${sim.restUrl}/api/rest`)).json()) as {
    versions: Array<{ publicUrl: string }>;
  };
  const authUrl = discovery.versions[0]?.publicUrl ?? '';
  const auth = await fetch(authUrl, {
    headers: { authorization: basic(loginName, password ?? user?.password ?? '') },
  });
  if (auth.status !== 200) throw new Error(`authenticate answered ${auth.status}`);
  const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { publicUrl } = (await auth.json()) as { publicUrl: string };
  const opened = await fetch(publicUrl, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ applicationName: 'plain-test-client' }),
  });
  if (opened.status !== 200) throw new Error(`open session answered ${opened.status}`);
  const session = (await opened.json()) as LoggedIn['session'];
  return { cookie, base: String(session.publicBaseUrl), sessionsUrl: publicUrl, session };
}

/** URL of a service by case-insensitive name, as a correct client finds it. */
export function serviceUrl(who: LoggedIn, name: string): string {
  const entry = who.session.services.find((s) => s.serviceName.toLowerCase() === name);
  if (!entry) throw new Error(`no service ${name}`);
  return `${who.base}${entry.relativeUrl}`;
}

export async function call(
  who: LoggedIn,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
  const response = await fetch(url, {
    method,
    headers: {
      cookie: who.cookie,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the test looks at `text`.
  }
  return { status: response.status, json, text, headers: response.headers };
}

export const ALL_PACKAGES = ['telephony', 'eventSummary', 'routingManagement', 'user'];

export async function subscribe(
  who: LoggedIn,
  options: { names?: string[]; timeout?: number } = {},
): Promise<{ id: string; pollingUrl: string }> {
  const names = options.names ?? ALL_PACKAGES;
  const answer = await call(who, 'POST', serviceUrl(who, 'subscriptions'), {
    filter: { selectors: names.map((name) => ({ ids: [], names: [name] })) },
    version: '1.0',
    timeout: options.timeout ?? 0,
  });
  const body = answer.json as { status: string; subscriptionId: string; publicPollingUrl: string };
  if (body.status !== 'ACCEPTED') throw new Error(`subscription ${body.status}`);
  return { id: body.subscriptionId, pollingUrl: body.publicPollingUrl };
}

/**
 * Reads an event stream over a raw socket and decodes the chunked framing itself, so a test sees
 * exactly which bytes the simulator put in each HTTP chunk.
 */
export class RawStream {
  status = 0;
  readonly headers = new Map<string, string>();
  readonly chunks: Buffer[] = [];
  /** How the stream ended: terminal chunk, socket closed (FIN) or reset. */
  outcome: 'open' | 'ended' | 'closed' | 'reset' = 'open';
  private buffer = Buffer.alloc(0);
  private headDone = false;
  private body = Buffer.alloc(0);
  private readonly socket: Socket;

  constructor(url: string, method: 'GET' | 'POST' = 'POST', ca?: string) {
    const target = new URL(url);
    const port = Number(target.port);
    this.socket =
      target.protocol === 'https:'
        ? connectTls({
            host: target.hostname,
            port,
            ca: ca ? [ca] : undefined,
            servername: 'localhost',
          })
        : connectTcp({ host: target.hostname, port });
    const request =
      `${method} ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
      `Accept: */*\r\n${method === 'POST' ? 'Content-Length: 0\r\n' : ''}\r\n`;
    this.socket.write(request);
    this.socket.on('data', (data: Buffer) => this.onData(data));
    this.socket.on('error', (error: NodeJS.ErrnoException) => {
      if (this.outcome === 'open') this.outcome = error.code === 'ECONNRESET' ? 'reset' : 'closed';
    });
    this.socket.on('close', () => {
      if (this.outcome === 'open') this.outcome = 'closed';
    });
  }

  /** All body bytes so far, decoded. */
  get text(): string {
    return this.body.toString('utf8');
  }

  /** Complete lines (terminators removed), in order. */
  get lines(): string[] {
    const parts = this.text.split('\n');
    parts.pop();
    return parts.map((line) => line.replace(/\r$/, ''));
  }

  get events(): Array<Record<string, unknown>> {
    return this.lines
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  async until(
    check: (stream: RawStream) => boolean,
    what: string,
    timeoutMs = 3000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this)) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}; got ${JSON.stringify(this.text)} (${this.outcome})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  untilLines(count: number): Promise<void> {
    return this.until((s) => s.lines.length >= count, `${count} lines`);
  }

  untilEnd(timeoutMs = 3000): Promise<void> {
    return this.until((s) => s.outcome !== 'open', 'the end of the stream', timeoutMs);
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    if (!this.headDone) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...headerLines] = this.buffer
        .subarray(0, end)
        .toString('latin1')
        .split('\r\n');
      this.status = Number(statusLine?.split(' ')[1]);
      for (const header of headerLines) {
        const colon = header.indexOf(':');
        this.headers.set(
          header.slice(0, colon).trim().toLowerCase(),
          header.slice(colon + 1).trim(),
        );
      }
      this.buffer = this.buffer.subarray(end + 4);
      this.headDone = true;
    }
    if (this.headers.get('transfer-encoding') !== 'chunked') {
      this.body = Buffer.concat([this.body, this.buffer]);
      this.buffer = Buffer.alloc(0);
      const length = Number(this.headers.get('content-length') ?? Number.NaN);
      if (this.body.length >= length) this.outcome = 'ended';
      return;
    }
    for (;;) {
      const lineEnd = this.buffer.indexOf('\r\n');
      if (lineEnd < 0) return;
      const size = parseInt(this.buffer.subarray(0, lineEnd).toString('latin1'), 16);
      if (this.buffer.length < lineEnd + 2 + size + 2) return;
      const chunk = this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size);
      this.buffer = this.buffer.subarray(lineEnd + 2 + size + 2);
      if (size === 0) {
        this.outcome = 'ended';
        return;
      }
      this.chunks.push(Buffer.from(chunk));
      this.body = Buffer.concat([this.body, chunk]);
    }
  }
}
