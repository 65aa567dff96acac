// The event port: polling by POST and GET without a cookie, the first line, line endings,
// heartbeats, the subscription timeout, reconnection and queueing (raw-socket reader).
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/index.js';
import { login, RawStream, subscribe } from './plain-client.js';

let sim: Simulator | undefined;
const streams: RawStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await sim?.stop();
  sim = undefined;
});

const CHUNK_STARTED = '{"eventName":"OnChannelInformation","text":"Chunk started"}';
const US = { eventName: 'OnUserStateModified', loginName: 'oxe19141', state: 'BUSY' };

async function ready(options: SimulatorOptions = {}, timeout = 0, method: 'GET' | 'POST' = 'POST') {
  sim = await startSimulator({ heartbeatMs: null, ...options });
  const who = await login(sim);
  const subscription = await subscribe(who, { timeout });
  const stream = open(subscription.pollingUrl, method);
  await stream.untilLines(1);
  return { sim, who, subscription, stream };
}

function open(url: string, method: 'GET' | 'POST' = 'POST'): RawStream {
  const stream = new RawStream(url, method);
  streams.push(stream);
  return stream;
}

describe('opening the channel', () => {
  for (const method of ['POST', 'GET'] as const) {
    it(`accepts ${method} without a cookie and starts with "Chunk started"`, async () => {
      const { stream } = await ready({}, 0, method);
      expect(stream.status).toBe(200);
      expect(stream.headers.get('transfer-encoding')).toBe('chunked');
      expect(stream.lines[0]).toBe(CHUNK_STARTED);
      expect(sim?.counts().openStreams).toBe(1);
    });
  }

  it('writes \\r\\n line endings by default and \\n when configured', async () => {
    const crlf = await ready();
    crlf.sim.injectEvent('oxe19141', US);
    await crlf.stream.untilLines(2);
    expect(crlf.stream.text).toBe(`${CHUNK_STARTED}\r\n${JSON.stringify(US)}\r\n`);
    await crlf.sim.stop();

    const lf = await ready({ lineEnding: '\n' });
    lf.sim.injectEvent('oxe19141', US);
    await lf.stream.untilLines(2);
    expect(lf.stream.text).toBe(`${CHUNK_STARTED}\n${JSON.stringify(US)}\n`);
  });

  it('answers an unknown subscription with 404 by default, or the configured status', async () => {
    for (const status of [404, 401, 403] as const) {
      const s = await startSimulator({ unknownSubscriptionStatus: status });
      const response = await fetch(`${s.eventPortUrl}/OTEvents?subscriptionId=sub.nope`, {
        method: 'POST',
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ code: status });
      await s.stop();
    }
  });

  it('answers other methods on the polling URL with 405', async () => {
    const { subscription } = await ready();
    const response = await fetch(subscription.pollingUrl, { method: 'PUT' });
    expect(response.status).toBe(405);
  });
});

describe('state announced on open', () => {
  it('is off by default: only "Chunk started" opens the stream', async () => {
    const { stream } = await ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.lines).toEqual([CHUNK_STARTED]);
  });

  it('follows "Chunk started" with device and user state when configured (2018 capture)', async () => {
    const { stream } = await ready({ announceStateOnOpen: true });
    await stream.untilLines(3);
    expect(stream.events.slice(1)).toEqual([
      {
        eventName: 'OnDeviceStateModified',
        loginName: 'oxe19141',
        deviceStates: [{ deviceId: '19141', state: 'IN_SERVICE' }],
      },
      { eventName: 'OnUserStateModified', loginName: 'oxe19141', state: 'FREE' },
    ]);
  });
});

describe('heartbeats', () => {
  it('sends OnChannelInformation keepalive lines at the configured interval', async () => {
    const { stream } = await ready({ heartbeatMs: 50 });
    await stream.untilLines(3);
    expect(stream.events.slice(1, 3)).toEqual([
      { eventName: 'OnChannelInformation', text: 'keepalive' },
      { eventName: 'OnChannelInformation', text: 'keepalive' },
    ]);
  });

  it('sends none when heartbeatMs is null', async () => {
    const { stream } = await ready({ heartbeatMs: null });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stream.lines).toEqual([CHUNK_STARTED]);
  });
});

describe('timeout and reconnection', () => {
  it('ends the stream after the subscription timeout and accepts the same URL again', async () => {
    const { stream, subscription } = await ready({ streamTimeoutScaleMs: 100 }, 2);
    await stream.untilEnd();
    expect(stream.outcome).toBe('ended');
    expect(sim?.counts().subscriptions).toBe(1);

    const again = open(subscription.pollingUrl);
    await again.untilLines(1);
    sim?.injectEvent('oxe19141', US);
    await again.untilLines(2);
    expect(again.events[1]).toEqual(US);
  });

  it('counts only events, not heartbeats, as activity in inactivity mode', async () => {
    const { stream } = await ready({ streamTimeoutScaleMs: 150, heartbeatMs: 20 }, 1);
    await stream.untilEnd();
    expect(stream.events.filter((e) => e.text === 'keepalive').length).toBeGreaterThan(0);
  });

  it('in lifetime mode ends the stream after the timeout even while events flow (F4)', async () => {
    const { stream, subscription } = await ready(
      { streamTimeoutScaleMs: 150, streamTimeoutMode: 'lifetime' },
      1,
    );
    const ticker = setInterval(() => sim?.injectEvent('oxe19141', US), 20);
    try {
      await stream.untilEnd();
    } finally {
      clearInterval(ticker);
    }
    expect(stream.outcome).toBe('ended');
    expect(stream.events.length).toBeGreaterThan(2);
    const again = open(subscription.pollingUrl);
    await again.untilLines(1);
    expect(sim?.counts().openStreams).toBe(1);
  });

  it('never times out a subscription with timeout 0', async () => {
    const { stream } = await ready({ streamTimeoutScaleMs: 10 }, 0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stream.outcome).toBe('open');
  });
});

describe('queueing while no stream is open', () => {
  it('delivers events raised between two streams to the next stream', async () => {
    const { stream, subscription } = await ready();
    stream.close();
    await sim?.waitFor(() => sim?.counts().openStreams === 0, 'stream close');
    sim?.injectEvent('oxe19141', US);
    const next = open(subscription.pollingUrl);
    await next.untilLines(2);
    expect(next.lines[0]).toBe(CHUNK_STARTED);
    expect(next.events[1]).toEqual(US);
  });

  it('drops them when queueing is switched off', async () => {
    sim = await startSimulator({ heartbeatMs: null, queueEventsWhileDisconnected: false });
    const who = await login(sim);
    const subscription = await subscribe(who);
    sim.injectEvent('oxe19141', US);
    const stream = open(subscription.pollingUrl);
    await stream.untilLines(1);
    sim.injectEvent('oxe19141', { ...US, state: 'FREE' });
    await stream.untilLines(2);
    expect(stream.events.map((e) => e.state)).toEqual([undefined, 'FREE']);
  });
});

describe('delivery', () => {
  it('delivers only the packages subscribed to, and unknown event names to everyone', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const who = await login(sim);
    const subscription = await subscribe(who, { names: ['eventSummary'] });
    const stream = open(subscription.pollingUrl);
    await stream.untilLines(1);
    sim.injectEvent('oxe19141', US);
    sim.injectEvent('oxe19141', { eventName: 'OnSomethingNew', loginName: 'oxe19141' });
    sim.injectEvent('oxe19140', { eventName: 'OnSomethingNew', loginName: 'oxe19140' });
    await sim.setCounters('oxe19141', { missedCallsNb: 2 });
    await stream.untilLines(3);
    expect(stream.events.slice(1).map((e) => e.eventName)).toEqual([
      'OnSomethingNew',
      'OnEventSummaryUpdated',
    ]);
  });

  it('feeds a second stream on the same URL too, and counts both (so F12 can see them)', async () => {
    const { stream, subscription } = await ready();
    const second = open(subscription.pollingUrl, 'GET');
    await second.untilLines(1);
    expect(sim?.counts().openStreams).toBe(2);
    sim?.injectEvent('oxe19141', US);
    await stream.untilLines(2);
    await second.untilLines(2);
    expect([stream.events[1], second.events[1]]).toEqual([US, US]);
    second.close();
    await sim?.waitFor(() => sim?.counts().openStreams === 1, 'one stream left');
  });

  it('sends a raw line exactly as injected, with the line ending added', async () => {
    const { stream } = await ready({ lineEnding: '\n' });
    sim?.injectEvent('oxe19141', '{"eventName":"OnUserStateModified","state":"FREE"');
    await stream.untilLines(2);
    expect(stream.lines[1]).toBe('{"eventName":"OnUserStateModified","state":"FREE"');
  });
});
