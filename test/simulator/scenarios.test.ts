// Scenario replay (the reference flow) and the demo call generator, against real streams.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_SCRIPT,
  loadScenario,
  playScenario,
  startDemo,
  startSimulator,
  type DemoOutcome,
  type Simulator,
} from '../../simulator/index.js';
import { call, login, RawStream, serviceUrl, subscribe } from './plain-client.js';

let sim: Simulator | undefined;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await sim?.stop();
  sim = undefined;
});

async function listen(s: Simulator, loginName: string) {
  const who = await login(s, loginName);
  const stream = new RawStream((await subscribe(who)).pollingUrl);
  cleanups.push(() => stream.close());
  await stream.untilLines(1);
  return { who, stream };
}

/** A tiny deterministic generator so the demo's choices are reproducible. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('reference scenario', () => {
  it('waits for 19141 to listen, then 19141 sees FREE, RINGING_INCOMING, BUSY, FREE', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const run = playScenario(sim, await loadScenario('reference'), { timeScale: 0.005 });
    cleanups.push(run.stop);
    // The client reads the initial state first (FREE), then opens its stream, which starts the flow.
    const who = await login(sim, 'oxe19141');
    const state = await call(who, 'GET', `${serviceUrl(who, 'telephony')}/state`);
    expect(state.json).toMatchObject({ userState: 'FREE', calls: [] });
    const stream = new RawStream((await subscribe(who)).pollingUrl);
    cleanups.push(() => stream.close());
    await run.done;
    await stream.until((s) => s.events.some((e) => e.state === 'FREE'), 'FREE again');
    const relevant = stream.events.filter(
      (e) => e.eventName === 'OnUserStateModified' || e.eventName === 'OnCallCreated',
    );
    expect(relevant).toMatchObject([
      {
        eventName: 'OnCallCreated',
        callData: { state: 'RINGING_INCOMING' },
        participants: [{ identity: { id: { loginName: 'oxe19140', phoneNumber: '19140' } } }],
      },
      { eventName: 'OnUserStateModified', state: 'BUSY' },
      { eventName: 'OnUserStateModified', state: 'FREE' },
    ]);
  });

  it('stops cleanly while still waiting for a client', async () => {
    sim = await startSimulator();
    const run = playScenario(sim, await loadScenario('reference'));
    run.stop();
    await expect(run.done).resolves.toBeUndefined();
    expect(sim.calls()).toEqual([]);
  });

  it('rejects an invalid scenario file with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-test-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ name: 'bad', steps: [{ action: 'teleport' }] }));
    await expect(loadScenario(file)).rejects.toThrow(/bad\.json is invalid: steps\.0/);
  });

  it('names the failing step when a step refers to an unknown call', async () => {
    sim = await startSimulator();
    const run = playScenario(sim, { name: 'broken', steps: [{ action: 'answer', call: 'ghost' }] });
    await expect(run.done).rejects.toThrow(/broken, step 1 \(answer\): no call "ghost"/);
  });
});

describe('demo generator', () => {
  it('has varied callers: accented names, international and withheld numbers', () => {
    const text = JSON.stringify(DEMO_SCRIPT.callers);
    expect(text).toContain('Hélène');
    expect(DEMO_SCRIPT.callers.some((c) => 'anonymous' in c)).toBe(true);
    expect(DEMO_SCRIPT.callers.some((c) => 'number' in c && c.number.startsWith('+4'))).toBe(true);
    expect(new Set(DEMO_SCRIPT.outcomes.map((o) => o.kind))).toEqual(
      new Set(['answered', 'missed', 'voicemail', 'deflected']),
    );
  });

  it('rings the demo user again and again with answered, missed and voicemail outcomes', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const { who, stream } = await listen(sim, 'oxe31001');
    const outcomes: DemoOutcome[] = [];
    const stop = startDemo(sim, 'oxe31001', {
      minGapMs: 1,
      maxGapMs: 3,
      ringMs: [1, 3],
      talkMs: [1, 3],
      random: seeded(7),
      onCall: ({ outcome }) => outcomes.push(outcome),
    });
    cleanups.push(stop);
    await sim.waitFor(() => outcomes.length >= 25, '25 demo calls', 5000);
    stop();
    expect(new Set(outcomes)).toEqual(new Set(['answered', 'missed', 'voicemail', 'deflected']));
    const created = stream.events.filter((e) => e.eventName === 'OnCallCreated');
    expect(created.length).toBeGreaterThanOrEqual(25);
    const summary = (await call(who, 'GET', serviceUrl(who, 'eventsummary'))).json as Record<
      string,
      number
    >;
    const missed = outcomes.filter((o) => o === 'missed' || o === 'voicemail').length;
    // stop() hangs up a call still ringing: the caller abandons it, which counts as missed too.
    expect(summary.missedCallsNb! - missed).toBeGreaterThanOrEqual(0);
    expect(summary.missedCallsNb! - missed).toBeLessThanOrEqual(1);
    expect(summary.voiceMessagesNb).toBe(
      outcomes.filter((o) => o === 'voicemail' || o === 'deflected').length,
    );
    // Nothing rings after stop(): let in-flight lines land, then the count must stay put.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const count = stream.events.filter((e) => e.eventName === 'OnCallCreated').length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(stream.events.filter((e) => e.eventName === 'OnCallCreated').length).toBe(count);
  });
});
