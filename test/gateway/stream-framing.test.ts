// F1-F3 end to end: events split across reads, split UTF-8 characters, several events per read,
// blank lines and CRLF, all through real sockets from the simulator into the engine's view.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E1, E2, ES, US, bytes } from './fixtures.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

const LOGIN = 'oxe31001';
let h: Harness | undefined;

beforeAll(() => {
  // The fixtures' byte counts (with the LF) are part of the field report.
  expect(bytes(`${E1}\n`).length).toBe(322);
  expect(bytes(`${E2}\n`).length).toBe(329);
  expect(bytes(E2)[249]).toBe(0xc3);
});

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function online(): Promise<Harness> {
  h = await startHarness({ lineEnding: '\n', heartbeatMs: null });
  await h.engine.start(h.config(LOGIN));
  await h.waitForView((v) => v.connection.status === 'online', 'online');
  return h;
}

const eventRequests = (harness: Harness) =>
  harness.sim.requestLog.filter((entry) => entry.port === 'event').length;
const parseErrors = (harness: Harness) =>
  harness.logLines.filter((line) => line.includes('unreadable event line'));

async function expectMarcAlert(harness: Harness): Promise<void> {
  const view = await harness.waitForView(
    (v) => v.alerts.some((a) => a.callRef === '7001'),
    'alert 7001',
  );
  const alert = view.alerts.find((a) => a.callRef === '7001');
  expect(alert?.caller.name).toBe('Marc Olivier');
  expect(alert?.caller.number).toBe('0240123456');
}

describe('F1: an event split across reads', () => {
  it('split at the participants boundary, then ES', async () => {
    const harness = await online();
    harness.sim.faults.splitNextEvent([148]);
    harness.sim.injectEvent(LOGIN, E1);
    harness.sim.injectEvent(LOGIN, ES);
    await expectMarcAlert(harness);
    const view = await harness.waitForView((v) => v.counters.missedCalls === 3, 'counters');
    expect(view.counters.voiceMessages).toBe(1);
    expect(parseErrors(harness)).toEqual([]);
    expect(eventRequests(harness)).toBe(1);
    expect(harness.alerts.filter((a) => a.action === 'show')).toHaveLength(1);
  });

  it('E1 without its LF, then the LF alone', async () => {
    const harness = await online();
    harness.sim.faults.writeRaw(LOGIN, bytes(E1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.engine.view.alerts).toHaveLength(0);
    harness.sim.faults.writeRaw(LOGIN, bytes('\n'));
    await expectMarcAlert(harness);
    expect(parseErrors(harness)).toEqual([]);
    expect(eventRequests(harness)).toBe(1);
  });

  it('E1 as 322 one-byte chunks', async () => {
    const harness = await online();
    harness.sim.faults.splitNextEvent('bytewise', { gapMs: 0 });
    harness.sim.injectEvent(LOGIN, E1);
    await expectMarcAlert(harness);
    expect(parseErrors(harness)).toEqual([]);
    expect(eventRequests(harness)).toBe(1);
  });
});

describe('F2: a UTF-8 character split across reads', () => {
  const expectHelene = async (harness: Harness) => {
    const view = await harness.waitForView(
      (v) => v.alerts.some((a) => a.callRef === '7002'),
      'alert 7002',
    );
    const caller = view.alerts.find((a) => a.callRef === '7002')?.caller;
    expect(caller?.name).toBe('Hélène Le Bihan');
    expect(caller?.number).toBe('+33298765432');
    expect(JSON.stringify(view)).not.toMatch(/\uFFFD|Ã©/);
  };

  it('cut right after the first byte of é', async () => {
    const harness = await online();
    harness.sim.faults.splitNextEvent([250]);
    harness.sim.injectEvent(LOGIN, E2);
    await expectHelene(harness);
  });

  it('a 4-byte emoji split after its second byte', async () => {
    const harness = await online();
    const withEmoji = E2.replace('"Le Bihan"', '"Le Bihan 🎻"');
    const cut = bytes(withEmoji).indexOf(0xf0) + 2;
    harness.sim.faults.splitNextEvent([cut]);
    harness.sim.injectEvent(LOGIN, withEmoji);
    const view = await harness.waitForView((v) => v.alerts.length === 1, 'alert');
    expect(view.alerts[0]?.caller.name).toBe('Hélène Le Bihan 🎻');
  });

  it('the stream is cut after byte 249 and the next one starts with a complete E2', async () => {
    const harness = await online();
    harness.sim.faults.cutMidEvent({ atByte: 250, how: 'reset', requeue: true });
    harness.sim.injectEvent(LOGIN, E2);
    await expectHelene(harness);
    expect(eventRequests(harness)).toBe(2);
    expect(parseErrors(harness)).toEqual([]);
  });
});

describe('F3: several events per read, blank lines, CRLF, last line without LF', () => {
  it('(a) ES LF US LF E1 in one chunk, then the response ends', async () => {
    const harness = await online();
    const seen: string[] = [];
    harness.engine.onView((v) => {
      if (v.counters.missedCalls === 3 && !seen.includes('counters')) seen.push('counters');
      if (v.userState === 'BUSY' && !seen.includes('busy')) seen.push('busy');
      if (v.alerts.some((a) => a.callRef === '7001') && !seen.includes('alert')) seen.push('alert');
    });
    harness.sim.faults.writeRaw(LOGIN, bytes(`${ES}\n${US}\n${E1}`));
    harness.sim.faults.endStreams();
    await harness.sim.waitFor(() => eventRequests(harness) === 2, 'reconnect after the end');
    expect(seen).toEqual(['counters', 'busy', 'alert']);
    expect(harness.alerts[0]).toMatchObject({ action: 'show', alert: { callRef: '7001' } });
    expect(parseErrors(harness)).toEqual([]);
  });

  it('(b) blank lines, spaces, CRLF between events', async () => {
    const harness = await online();
    for (const piece of ['\n', '\r\n', '   \n', `${US}\r\n`, '\n\n\n', `${ES}\n`]) {
      harness.sim.faults.writeRaw(LOGIN, bytes(piece));
    }
    const view = await harness.waitForView((v) => v.counters.missedCalls === 3, 'counters');
    expect(view.userState).toBe('BUSY');
    expect(view.tray).toBe('busy');
    expect(parseErrors(harness)).toEqual([]);
    expect(eventRequests(harness)).toBe(1);
  });
});
