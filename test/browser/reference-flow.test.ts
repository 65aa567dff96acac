/**
 * The built renderer in headless Chromium against the REAL engine and simulator: the reference
 * flow (19140 calls 19141: free, ringing with the caller in the popup, busy, free), a missed call
 * raising the counter, and the popup's click, keyboard and announcement behaviour.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { overflowsWindow, startWorld, type BrowserWorld } from './harness.js';
import { buildRenderer, removeBuild } from './renderer-site.js';

let built: string;
let world: BrowserWorld;

beforeAll(async () => {
  built = await buildRenderer();
  world = await startWorld({ builtRenderer: built });
});

afterAll(async () => {
  await world?.close();
  await removeBuild(built);
});

afterEach(() => {
  // Whatever a test did, no page may have logged an error or hit the CSP, and main (the stand-in)
  // must have accepted every request.
  const problems = world.problems.splice(0);
  const refused = world.shell.refused.splice(0);
  expect(problems).toEqual([]);
  expect(refused).toEqual([]);
});

const tray = (page: Page, state: string) => page.locator(`.tray-status.tray-${state}`).waitFor();

async function ringFrom19140(): Promise<string> {
  const callRef = await world.sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
  await world.waitForView((view) => view.alerts.some((a) => a.callRef === callRef), 'the alert');
  return callRef;
}

async function settle(callRef: string) {
  if (world.sim.calls().some((call) => call.callRef === callRef)) {
    await world.sim.hangUp(callRef, 'caller');
  }
  await world.waitForView((view) => view.calls.length === 0 && view.tray === 'free', 'free again');
}

describe('renderer in Chromium with the real engine and simulator', () => {
  it('walks the reference flow: free, ringing with caller details, busy, free', async () => {
    const dashboard = await world.openDashboard();
    await tray(dashboard, 'free');
    expect(await dashboard.locator('.tray-status').textContent()).toBe('Free');
    expect(await dashboard.locator('.user-line').textContent()).toContain('Julien Moreau');
    expect(await dashboard.locator('.user-login').textContent()).toBe('oxe19141');
    expect(await dashboard.locator('.user-extension').textContent()).toBe('ext. 19141');
    expect(await dashboard.locator('.connection-status').textContent()).toBe('Connected');

    const callRef = await ringFrom19140();
    await tray(dashboard, 'ringing');
    expect(await dashboard.locator('.call-name').textContent()).toBe('Camille Martin');

    const popup = await world.openPopup(callRef);
    await popup.getByRole('heading', { name: 'Camille Martin' }).waitFor();
    expect(await overflowsWindow(popup)).toBe(false);
    expect(await popup.locator('.popup-number').textContent()).toBe('19140');
    await popup
      .locator('[aria-live]')
      .filter({ hasText: 'Incoming call from Camille Martin' })
      .waitFor();
    expect(await popup.locator('[aria-live]').count()).toBe(1);

    // Answering from the popup goes through the engine to the simulator's call model.
    await popup.getByRole('button', { name: 'Answer' }).click();
    await tray(dashboard, 'busy');
    await dashboard.locator('.call-state', { hasText: 'In call' }).waitFor();
    expect(await overflowsWindow(dashboard)).toBe(false);
    // The alert left the view: the popup renders nothing and main would close the window.
    await popup.locator('main').waitFor({ state: 'detached' });
    await popup.close();

    await world.sim.hangUp(callRef, 'caller');
    await tray(dashboard, 'free');
    await dashboard.getByText('No calls right now').waitFor();
    await dashboard.close();
  });

  it('raises the missed-call counter when a call rings out', async () => {
    const dashboard = await world.openDashboard();
    await tray(dashboard, 'free');
    const counter = dashboard.locator('[data-counter="missedCalls"]');
    const before = Number(await counter.textContent());

    const callRef = await ringFrom19140();
    await tray(dashboard, 'ringing');
    await world.sim.ringOut(callRef);
    await tray(dashboard, 'free');
    await counter.filter({ hasText: String(before + 1) }).waitFor();
    expect(await counter.locator('xpath=..').getAttribute('class')).toContain('counter-waiting');
    await dashboard.close();
  });

  it('dismisses the popup with a click on the card, not with a click on a button', async () => {
    const callRef = await ringFrom19140();
    const popup = await world.openPopup(callRef);
    await popup.getByRole('button', { name: 'Copy number' }).click();
    await popup.getByRole('button', { name: 'Open in CRM' }).click();
    expect(world.shell.copied.at(-1)).toBe('19140');
    expect(world.shell.openedUrls.at(-1)).toBe('https://crm.example.com/?phone=19140');
    expect(world.shell.dismissed).not.toContain(callRef);

    await popup.locator('.popup-details').click();
    await expect.poll(() => world.shell.dismissed).toContain(callRef);
    await popup.close();
    await settle(callRef);
  });

  it('works from the keyboard: Tab reaches the buttons with a visible focus ring, Esc, Enter', async () => {
    const callRef = await ringFrom19140();
    const popup = await world.openPopup(callRef);
    await popup.getByRole('button', { name: 'Answer' }).waitFor();

    await popup.keyboard.press('Tab');
    const focused = await popup.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { label: element.getAttribute('aria-label'), outline: style.outlineStyle };
    });
    expect(focused).toEqual({ label: 'Dismiss (Esc)', outline: 'solid' });
    await popup.evaluate(() => (document.activeElement as HTMLElement).blur());

    await popup.keyboard.press('Escape');
    await expect.poll(() => world.shell.dismissed.filter((ref) => ref === callRef).length).toBe(1);

    await popup.keyboard.press('Enter');
    await world.waitForView((view) => view.tray === 'busy', 'answered by Enter');
    await popup.locator('main').waitFor({ state: 'detached' });
    await popup.close();
    await settle(callRef);
  });

  it('sends a call to voicemail from the popup', async () => {
    const callRef = await ringFrom19140();
    const popup = await world.openPopup(callRef);
    await popup.getByRole('button', { name: 'Send to voicemail' }).click();
    await world.waitForView(
      (view) => !view.alerts.some((a) => a.callRef === callRef),
      'alert gone',
    );
    await popup.locator('main').waitFor({ state: 'detached' });
    await popup.close();
    await settle(callRef);
  });

  it('switches DND on and off from the dashboard through the gateway', async () => {
    const dashboard = await world.openDashboard();
    const dnd = dashboard.getByRole('switch', { name: 'Do not disturb' });
    await dnd.click();
    await tray(dashboard, 'dnd');
    expect(await dnd.getAttribute('aria-checked')).toBe('true');
    await dnd.click();
    await tray(dashboard, 'free');
    expect(await dnd.getAttribute('aria-checked')).toBe('false');
    await dashboard.close();
  });

  it('loads nothing but its own files (no network)', () => {
    const foreign = world.site.requested.filter(
      (path) => !/^\/(index|popup|settings)\.html$|^\/assets\//.test(path),
    );
    expect(foreign).toEqual([]);
  });
});
