// Every fault knob of the simulator, observed on the wire: chunk boundaries through a raw-socket
// reader that decodes the chunked framing itself, connection ends, injected statuses, delays.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/index.js';
import { call, login, RawStream, serviceUrl, subscribe } from './plain-client.js';

// Field-report fixtures (F1, F2): byte counts include the trailing LF.
const E1 =
  '{"eventName":"OnCallCreated","loginName":"oxe31001","callRef":"7001","legs":[{"deviceId":"31001","state":"RINGING_INCOMING","ringingRemote":false}],"participants":[{"participantId":"p-1","identity":{"id":{"phoneNumber":"0240123456"},"firstName":"Marc","lastName":"Olivier","type":{"main":"EXTERNAL"}},"anonymous":false}]}';
const E2 = E1.replace('7001', '7002')
  .replace('0240123456', '+33298765432')
  .replace('"Marc"', '"Hélène"')
  .replace('"Olivier"', '"Le Bihan"');
const ES =
  '{"eventName":"OnEventSummaryUpdated","loginName":"oxe31001","eventSummary":{"missedCallsNb":3,"voiceMessagesNb":1,"eventWaiting":true}}';
const US = '{"eventName":"OnUserStateModified","loginName":"oxe31001","state":"BUSY"}';

let sim: Simulator | undefined;
const streams: RawStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await sim?.stop();
  sim = undefined;
});

async function ready(options: SimulatorOptions = {}) {
  sim = await startSimulator({ heartbeatMs: null, lineEnding: '\n', ...options });
  const who = await login(sim, 'oxe31001');
  const subscription = await subscribe(who);
  const stream = open(subscription.pollingUrl);
  await stream.untilLines(1);
  return { sim, who, subscription, stream };
}

function open(url: string): RawStream {
  const stream = new RawStream(url);
  streams.push(stream);
  return stream;
}

/** The chunks after "Chunk started", as byte lengths. */
const sizes = (stream: RawStream) => stream.chunks.slice(1).map((c) => c.length);

describe('fixtures', () => {
  it('match the byte counts the field reports give', () => {
    expect(Buffer.byteLength(`${E1}\n`)).toBe(322);
    expect(Buffer.from(`${E1}\n`).subarray(140, 148).toString()).toBe('false}],');
    expect(Buffer.byteLength(`${E2}\n`)).toBe(329);
    expect(Buffer.from(`${E2}\n`).subarray(249, 251)).toEqual(Buffer.from([0xc3, 0xa9]));
  });
});

describe('splitting and batching', () => {
  it('splits the next event at the given offsets, one HTTP chunk per piece (F1)', async () => {
    const { stream } = await ready();
    sim?.faults.splitNextEvent([148]);
    sim?.injectEvent('oxe31001', E1);
    sim?.injectEvent('oxe31001', ES);
    await stream.untilLines(3);
    expect(sizes(stream)).toEqual([148, 174, Buffer.byteLength(ES) + 1]);
    expect(stream.chunks[1]?.subarray(140).toString()).toBe('false}],');
    expect(stream.lines.slice(1)).toEqual([E1, ES]);
  });

  it('can separate the line feed from its event', async () => {
    const { stream } = await ready();
    sim?.faults.splitNextEvent([321]);
    sim?.injectEvent('oxe31001', E1);
    await stream.untilLines(2);
    expect(sizes(stream)).toEqual([321, 1]);
    expect(stream.chunks[2]?.toString()).toBe('\n');
  });

  it('cuts a UTF-8 character between two chunks when asked (F2)', async () => {
    const { stream } = await ready();
    sim?.faults.splitNextEvent([250]);
    sim?.injectEvent('oxe31001', E2);
    await stream.untilLines(2);
    expect(stream.chunks[1]?.at(-1)).toBe(0xc3);
    expect(stream.chunks[2]?.at(0)).toBe(0xa9);
    expect(stream.lines[1]).toBe(E2);
  });

  it('writes the next event one byte per chunk', async () => {
    const { stream } = await ready();
    sim?.faults.splitNextEvent('bytewise', { gapMs: 0 });
    sim?.injectEvent('oxe31001', US);
    sim?.injectEvent('oxe31001', ES);
    await stream.untilLines(3);
    const usBytes = Buffer.byteLength(US) + 1;
    expect(sizes(stream).slice(0, usBytes)).toEqual(new Array(usBytes).fill(1));
    expect(sizes(stream).slice(usBytes)).toEqual([Buffer.byteLength(ES) + 1]);
  });

  it('puts several events in one chunk, the last without its line feed if raw (F3a)', async () => {
    const { stream } = await ready();
    sim?.faults.batchNext(2);
    sim?.injectEvent('oxe31001', ES);
    sim?.injectEvent('oxe31001', US);
    await stream.untilLines(3);
    expect(stream.chunks[1]?.toString()).toBe(`${ES}\n${US}\n`);
    sim?.faults.writeRaw('oxe31001', Buffer.from(E1));
    sim?.faults.endStreams();
    await stream.untilEnd();
    expect(stream.chunks.at(-1)?.toString()).toBe(E1);
    expect(stream.outcome).toBe('ended');
  });

  it('writes raw bytes as exactly one chunk (blank lines, CRLF, spaces)', async () => {
    const { stream } = await ready();
    for (const piece of ['\n', '\r\n', '   \n', `${US}\r\n`, '\n\n\n']) {
      sim?.faults.writeRaw('oxe31001', Buffer.from(piece));
    }
    await stream.until((s) => s.chunks.length === 6, 'six chunks');
    expect(stream.chunks.slice(1).map((c) => c.toString())).toEqual([
      '\n',
      '\r\n',
      '   \n',
      `${US}\r\n`,
      '\n\n\n',
    ]);
  });
});

describe('ending streams', () => {
  it('ends every stream cleanly; the same URL works again (F4)', async () => {
    const { stream, subscription } = await ready();
    sim?.faults.endStreams();
    await stream.untilEnd();
    expect(stream.outcome).toBe('ended');
    await sim?.waitFor(() => sim?.counts().openStreams === 0, 'no open stream');
    const again = open(subscription.pollingUrl);
    await again.untilLines(1);
    expect(again.status).toBe(200);
  });

  it('resets every stream connection', async () => {
    const { stream } = await ready();
    sim?.faults.resetStreams();
    await stream.untilEnd();
    expect(stream.outcome).toBe('reset');
  });

  it('cuts the next event mid-way and drops the connection (F2 variant)', async () => {
    const { stream, subscription } = await ready();
    sim?.faults.cutMidEvent({ atByte: 250 });
    sim?.injectEvent('oxe31001', E2);
    await stream.untilEnd();
    expect(stream.outcome).toBe('reset');
    expect(stream.text.length).toBeGreaterThan(0);
    expect(Buffer.concat(stream.chunks.slice(1))).toEqual(Buffer.from(`${E2}\n`).subarray(0, 250));

    const next = open(subscription.pollingUrl);
    await next.untilLines(1);
    sim?.injectEvent('oxe31001', E2);
    await next.untilLines(2);
    expect(next.lines[1]).toBe(E2);
  });

  it('can end cleanly mid-event and give the event to the next stream', async () => {
    const { stream, subscription } = await ready();
    sim?.faults.cutMidEvent({ how: 'end', requeue: true });
    sim?.injectEvent('oxe31001', E1);
    await stream.untilEnd();
    expect(stream.outcome).toBe('ended');
    expect(stream.lines).toHaveLength(1);
    const next = open(subscription.pollingUrl);
    await next.untilLines(2);
    expect(next.lines[1]).toBe(E1);
  });

  it('goes silent: the socket stays open, nothing is written, not even heartbeats', async () => {
    const { stream } = await ready({ heartbeatMs: 20 });
    await stream.untilLines(2);
    sim?.faults.goSilent();
    const before = stream.text.length;
    sim?.injectEvent('oxe31001', US);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(stream.text.length).toBe(before);
    expect(stream.outcome).toBe('open');
    expect(sim?.counts().openStreams).toBe(1);
  });
});

describe('endpoint failures and delays', () => {
  it('answers a REST endpoint with the given status N times, then normally', async () => {
    const { who } = await ready();
    sim?.faults.failEndpoint({ method: 'POST', path: '/sessions/keepalive' }, 503, 2);
    const keepalive = `${who.sessionsUrl}/keepalive`;
    const first = await call(who, 'POST', keepalive);
    expect(first.status).toBe(503);
    expect(first.json).toMatchObject({ code: 503, httpStatus: 'SERVICE_UNAVAILABLE' });
    expect((await call(who, 'POST', keepalive)).status).toBe(503);
    expect((await call(who, 'POST', keepalive)).status).toBe(204);
  });

  it('fails the polling URL: empty 200, 503, then a connection reset (F5)', async () => {
    const { subscription } = await ready();
    sim?.faults.endStreams();
    sim?.faults.failEndpoint({ path: '/OTEvents' }, 200, 1, '');
    sim?.faults.failEndpoint({ path: /^\/OTEvents$/ }, 503, 1);
    sim?.faults.failEndpoint({ path: '/OTEvents' }, 'reset', 1);

    const empty = open(subscription.pollingUrl);
    await empty.untilEnd();
    expect([empty.status, empty.text]).toEqual([200, '']);
    const unavailable = await fetch(subscription.pollingUrl, { method: 'POST' });
    expect(unavailable.status).toBe(503);
    await expect(fetch(subscription.pollingUrl, { method: 'POST' })).rejects.toThrow();
    const healthy = open(subscription.pollingUrl);
    await healthy.untilLines(1);
    expect(sim?.requestLog.filter((e) => e.port === 'event').map((e) => e.status)).toEqual([
      200, 200, 503, 0, 200,
    ]);
  });

  it('keeps failing an endpoint until cleared when times is Infinity (F5 phases)', async () => {
    const { subscription } = await ready();
    sim?.faults.endStreams();
    sim?.faults.failEndpoint({ path: '/OTEvents' }, 503, Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5; i++) {
      expect((await fetch(subscription.pollingUrl, { method: 'POST' })).status).toBe(503);
    }
    sim?.faults.clear();
    const healthy = open(subscription.pollingUrl);
    await healthy.untilLines(1);
    expect(healthy.status).toBe(200);
  });

  it('fails authentication twice with 503, then authenticates (F6)', async () => {
    sim = await startSimulator();
    sim.faults.failEndpoint({ path: '/api/rest/authenticate' }, 503, 2);
    await expect(login(sim)).rejects.toThrow(/503/);
    await expect(login(sim)).rejects.toThrow(/503/);
    await expect(login(sim)).resolves.toMatchObject({
      cookie: expect.stringMatching(/^AlcUserId=/),
    });
    expect(sim.counts().authentications).toBe(1);
  });

  it('expires sessions now: keepalive 401, the old polling URL 404, its stream ends (F6)', async () => {
    const { who, stream, subscription } = await ready();
    expect(sim?.faults.expireSessions()).toBe(1);
    expect((await call(who, 'POST', `${who.sessionsUrl}/keepalive`)).status).toBe(401);
    await stream.untilEnd();
    const old = await fetch(subscription.pollingUrl, { method: 'POST' });
    expect(old.status).toBe(404);
    expect(sim?.counts()).toMatchObject({ sessionsOpen: 0, subscriptions: 0, openStreams: 0 });
  });

  it('delays matching answers', async () => {
    const { who } = await ready();
    sim?.faults.delay({ path: '/logins' }, 250, 1);
    const started = Date.now();
    expect((await call(who, 'GET', serviceUrl(who, 'logins'))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('rejects nonsense fault arguments clearly', async () => {
    sim = await startSimulator();
    expect(() => sim?.faults.batchNext(0)).toThrow(/count/);
    expect(() => sim?.faults.splitNextEvent([-1])).toThrow(/offsets/);
    expect(() => sim?.faults.failEndpoint({ path: '/x' }, 500, 0)).toThrow(/times/);
  });
});
