/**
 * The baseline reader of the socket benchmarks (plain Node, bench process): logs in with plain
 * fetch, subscribes, and reads the polling URL with node:http, handing on each complete line
 * with the time its last byte arrived. It shares no code with the engine, and does no more work
 * than any client must do (HTTP framing, line splitting), so the engine is compared with it.
 */
import { request, type ClientRequest } from 'node:http';
import type { Simulator, SimulatorUser } from '../simulator/index.js';

export interface PlainStream {
  /** Resolves when the response headers came back 200 and the first line arrived. */
  readonly opened: Promise<void>;
  close(): void;
}

const PACKAGES = ['telephony', 'eventSummary', 'routingManagement', 'user'];

/** Authenticates, opens a session and subscribes; returns the polling URL. */
export async function plainSubscription(sim: Simulator, user: SimulatorUser): Promise<string> {
  const basic = Buffer.from(`${user.loginName}:${user.password}`).toString('base64');
  const auth = await fetch(`${sim.restUrl}/api/rest/authenticate?version=1.0`, {
    headers: { authorization: `Basic ${basic}` },
  });
  if (auth.status !== 200) throw new Error(`bench baseline: authenticate answered ${auth.status}`);
  const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { publicUrl } = (await auth.json()) as { publicUrl: string };
  const json = { cookie, 'content-type': 'application/json' };
  const opened = await fetch(publicUrl, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ applicationName: 'o2g-bench-baseline' }),
  });
  const session = (await opened.json()) as {
    publicBaseUrl: string;
    services: Array<{ serviceName: string; relativeUrl: string }>;
  };
  const service = session.services.find((s) => s.serviceName.toLowerCase() === 'subscriptions');
  if (!service) throw new Error('bench baseline: the session lists no subscriptions service');
  const answer = await fetch(`${session.publicBaseUrl}${service.relativeUrl}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      filter: { selectors: PACKAGES.map((name) => ({ ids: [], names: [name] })) },
      version: '1.0',
      timeout: 0,
    }),
  });
  const body = (await answer.json()) as { status: string; publicPollingUrl: string };
  if (body.status !== 'ACCEPTED') throw new Error(`bench baseline: subscription ${body.status}`);
  return body.publicPollingUrl;
}

/** POSTs to the polling URL and calls `onLine` for every complete line (terminator dropped). */
export function openPlainStream(
  pollingUrl: string,
  onLine: (line: Buffer, arrivedAt: number) => void,
): PlainStream {
  let req: ClientRequest | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    req = request(pollingUrl, { method: 'POST', agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`bench baseline: polling URL answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let rest: Buffer = Buffer.alloc(0);
      let first = true;
      res.on('data', (chunk: Buffer) => {
        const arrivedAt = performance.now();
        let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
        for (let end = data.indexOf(10); end >= 0; end = data.indexOf(10)) {
          const stop = end > 0 && data[end - 1] === 13 ? end - 1 : end;
          onLine(data.subarray(0, stop), arrivedAt);
          data = data.subarray(end + 1);
          if (first) {
            first = false;
            resolve();
          }
        }
        rest = data;
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
    req.end();
  });
  return { opened, close: () => req?.destroy() };
}
