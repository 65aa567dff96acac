// One listening turn over a real loopback socket: events that arrive while the state is re-read
// are held and applied after it, in order; a superseded stream's late events are dropped; a
// failed re-read cuts the stream as a REST failure.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { silentLoggerFactory } from '../../electron/gateway/log.js';
import { ResyncFailure, listenOnce } from '../../electron/gateway/stream-listener.js';
import type { O2gEvent } from '../../shared/events/index.js';

let server: http.Server | undefined;
let response: http.ServerResponse | undefined;
const dispatcher = new Agent({ bodyTimeout: 0 });

afterAll(() => dispatcher.close());
afterEach(async () => {
  response?.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function streamServer(): Promise<string> {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('{"eventName":"OnChannelInformation","text":"Chunk started"}\n');
    response = res;
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/OTEvents?subscriptionId=s`;
}

const line = (state: string) =>
  `{"eventName":"OnUserStateModified","loginName":"u","state":"${state}"}\n`;
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('listenOnce', () => {
  it('holds events during the re-read, applies them after it, and drops a superseded stream', async () => {
    const url = await streamServer();
    const applied: string[] = [];
    let current = true;
    let finishResync: () => void = () => undefined;
    const turn = listenOnce({
      dispatcher,
      url,
      abort: new AbortController(),
      now: Date.now,
      log: silentLoggerFactory('test'),
      isCurrent: () => current,
      onConfirmed: () => applied.push('confirmed'),
      resync: () =>
        new Promise<void>((resolve) => {
          applied.push('resync started');
          finishResync = () => {
            applied.push('snapshot loaded');
            resolve();
          };
        }),
      apply: (event: O2gEvent) => applied.push(String((event as { state?: string }).state)),
    });
    await until(() => applied.includes('resync started'));
    response!.write(line('BUSY'));
    response!.write(line('FREE'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(applied).toEqual(['confirmed', 'resync started']);
    finishResync();
    await until(() => applied.length === 5);
    expect(applied.slice(2)).toEqual(['snapshot loaded', 'BUSY', 'FREE']);

    current = false;
    response!.write(line('BUSY'));
    response!.end();
    await turn;
    expect(applied).toHaveLength(5);
  });

  it('a failed re-read cuts the stream as a ResyncFailure', async () => {
    const url = await streamServer();
    const turn = listenOnce({
      dispatcher,
      url,
      abort: new AbortController(),
      now: Date.now,
      log: silentLoggerFactory('test'),
      isCurrent: () => true,
      onConfirmed: () => undefined,
      resync: () => Promise.reject(new Error('HTTP 503')),
      apply: () => undefined,
    });
    const thrown = await turn.catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ResyncFailure);
    expect((thrown as ResyncFailure).error).toEqual(new Error('HTTP 503'));
  });
});
