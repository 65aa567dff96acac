/**
 * The dashboard's connection panel in Chromium with the real engine: a broken event stream shows
 * as reconnecting with its reason and the countdown, and "Reconnect now" brings the connection
 * back long before the (deliberately slow) backoff would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RECOVERY_TUNING } from '../../electron/gateway/recovery-policy.js';
import { overflowsWindow, startWorld, type BrowserWorld } from './harness.js';
import { buildRenderer, removeBuild } from './renderer-site.js';

const TWO_MINUTES = 120_000;
let built: string;
let world: BrowserWorld;

beforeAll(async () => {
  world = await startWorld({
    builtRenderer: (built = await buildRenderer()),
    engine: {
      recovery: {
        ...DEFAULT_RECOVERY_TUNING,
        baseDelayMs: TWO_MINUTES,
        floorDelayMs: TWO_MINUTES,
        maxDelayMs: TWO_MINUTES,
      },
    },
  });
});

afterAll(async () => {
  await world?.close();
  await removeBuild(built);
});

afterEach(() => {
  expect(world.problems.splice(0)).toEqual([]);
  expect(world.shell.refused.splice(0)).toEqual([]);
});

describe('connection panel', () => {
  it('shows reconnecting with reason and countdown, and reconnects now on request', async () => {
    const dashboard = await world.openDashboard();
    await dashboard.locator('.connection-status', { hasText: 'Connected' }).waitFor();
    expect(await dashboard.getByRole('button', { name: 'Reconnect now' }).count()).toBe(0);

    world.sim.faults.resetStreams();
    await dashboard.locator('.connection-status', { hasText: 'Reconnecting' }).waitFor();
    await dashboard.locator('.tray-status.tray-offline').waitFor();
    const reason = await dashboard.locator('.connection-reason').textContent();
    expect(reason).toMatch(/connection to the gateway lost.*·.*next attempt in \d+ s/);
    expect(await overflowsWindow(dashboard)).toBe(false);
    // DND cannot be changed while the gateway is out of reach.
    expect(await dashboard.getByRole('switch', { name: 'Do not disturb' }).isDisabled()).toBe(true);

    await dashboard.getByRole('button', { name: 'Reconnect now' }).click();
    // Without the click the next attempt is two minutes away; the wait below is far shorter.
    await dashboard
      .locator('.connection-status', { hasText: 'Connected' })
      .waitFor({ timeout: 20_000 });
    await dashboard.locator('.tray-status.tray-free').waitFor();
    expect(world.shell.requests).toContain('connection:reconnect');
    await dashboard.close();
  });
});
