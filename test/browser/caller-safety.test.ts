/**
 * F8 and F9 end to end in Chromium: odd caller identities and markup in names travel from the
 * simulator through the real engine into the built popup and dashboard, and come out as plain
 * text in a card that keeps its size, with no element and no script created from them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CallOrigin } from '../../simulator/index.js';
import { F9_NAME, F9_NUMBER } from '../renderer/fixtures.js';
import { POPUP_SIZE, startWorld, type BrowserWorld } from './harness.js';
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

afterEach(async () => {
  for (const call of world.sim.calls()) await world.sim.hangUp(call.callRef, 'caller');
  await world.waitForView((view) => view.calls.length === 0, 'no calls left');
  expect(world.problems.splice(0)).toEqual([]);
  expect(world.shell.refused.splice(0)).toEqual([]);
});

async function ringingPopup(from: CallOrigin): Promise<{ callRef: string; popup: Page }> {
  const callRef = await world.sim.placeCall(from, 'oxe19141');
  await world.waitForView((view) => view.alerts.some((a) => a.callRef === callRef), 'the alert');
  const popup = await world.openPopup(callRef);
  await popup.locator('.popup-name').waitFor();
  return { callRef, popup };
}

/** What the page holds that a name could have smuggled in. */
function injected(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned,
    elements: document.querySelectorAll('img, b, iframe, object, embed').length,
    inlineScripts: [...document.scripts].filter((script) => !script.src).length,
    scripts: document.scripts.length,
  }));
}

/** The card's box and whether the page overflows the popup window. */
function geometry(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('.popup-card')!.getBoundingClientRect();
    const name = document.querySelector<HTMLElement>('.popup-name')!;
    return {
      card: { width: card.width, height: card.height },
      overflows:
        document.documentElement.scrollWidth > window.innerWidth ||
        document.documentElement.scrollHeight > window.innerHeight,
      nameCut: name.scrollWidth > name.clientWidth,
      ellipsis: getComputedStyle(name).textOverflow,
    };
  });
}

describe('F9: markup or script in a caller name', () => {
  it('shows the characters literally in the popup and creates nothing from them', async () => {
    const { popup } = await ringingPopup({ number: F9_NUMBER, name: { displayName: F9_NAME } });
    expect(await popup.locator('.popup-name').textContent()).toBe(F9_NAME);
    expect(await popup.locator('.popup-number').textContent()).toBe(F9_NUMBER);
    await popup
      .locator('[aria-live]')
      .filter({ hasText: `Incoming call from ${F9_NAME}` })
      .waitFor();
    // Give an onerror handler every chance to run before looking.
    await popup.waitForTimeout(300);
    expect(await injected(popup)).toEqual({
      pwned: undefined,
      elements: 0,
      inlineScripts: 0,
      scripts: 1,
    });
    await popup.close();
  });

  it('shows the characters literally on the dashboard too', async () => {
    const dashboard = await world.openDashboard();
    await world.sim.placeCall({ number: F9_NUMBER, name: { displayName: F9_NAME } }, 'oxe19141');
    await dashboard.locator('.call-name', { hasText: 'VIP' }).waitFor();
    expect(await dashboard.locator('.call-name').textContent()).toBe(F9_NAME);
    await dashboard.waitForTimeout(300);
    expect(await injected(dashboard)).toMatchObject({
      pwned: undefined,
      elements: 0,
      inlineScripts: 0,
    });
    await dashboard.close();
  });

  it('keeps "Dupont & Fils" intact', async () => {
    const { popup } = await ringingPopup({
      number: '0240998877',
      name: { displayName: 'Dupont & Fils' },
    });
    expect(await popup.locator('.popup-name').textContent()).toBe('Dupont & Fils');
    await popup
      .locator('[aria-live]')
      .filter({ hasText: 'Incoming call from Dupont & Fils' })
      .waitFor();
    await popup.close();
  });
});

describe('F8: caller identity missing or oddly shaped', () => {
  it('cuts a 260-letter name with an ellipsis while the card keeps its size', async () => {
    const short = await ringingPopup({
      number: '0240123456',
      name: { displayName: 'Marc Olivier' },
    });
    const normal = await geometry(short.popup);
    await short.popup.close();

    const long = await ringingPopup({
      number: '0240123456',
      name: { displayName: 'L'.repeat(260) },
    });
    const cut = await geometry(long.popup);
    expect(cut.card).toEqual(normal.card);
    expect(cut.card).toEqual(POPUP_SIZE);
    expect(cut).toMatchObject({ overflows: false, nameCut: true, ellipsis: 'ellipsis' });
    expect(normal.nameCut).toBe(false);
    // The buttons are still there and inside the card.
    const answer = await long.popup.getByRole('button', { name: 'Answer' }).boundingBox();
    expect(answer!.y + answer!.height).toBeLessThanOrEqual(POPUP_SIZE.height);
    await long.popup.close();
  });

  // Shapes the simulator's call model never produces, injected as raw gateway events (E1 of the
  // field reports, addressed to oxe19141).
  const rawCall = (callRef: string, participants?: unknown[]) => ({
    eventName: 'OnCallCreated',
    loginName: 'oxe19141',
    callRef,
    legs: [{ deviceId: '19141', state: 'RINGING_INCOMING', ringingRemote: false }],
    ...(participants ? { participants } : {}),
  });
  const shapes: Array<[string, string, unknown[] | undefined]> = [
    ['no identity key', '7204', [{ participantId: 'p-1', anonymous: false }]],
    ['participants: []', '7205', []],
    ['no participants key', '7206', undefined],
  ];
  for (const [shape, callRef, participants] of shapes) {
    it(`labels an unknown caller and still alerts: ${shape}`, async () => {
      world.sim.injectEvent('oxe19141', rawCall(callRef, participants));
      await world.waitForView((view) => view.alerts.some((a) => a.callRef === callRef), 'alert');
      const popup = await world.openPopup(callRef);
      await popup.locator('.popup-name', { hasText: 'Unknown caller' }).waitFor();
      expect(await popup.locator('main').textContent()).not.toMatch(/null|undefined/);
      expect(await popup.getByRole('button', { name: 'Copy number' }).count()).toBe(0);

      world.sim.injectEvent('oxe19141', {
        eventName: 'OnCallRemoved',
        loginName: 'oxe19141',
        callRef,
        cause: 'NOT_ANSWERED',
      });
      await popup.locator('main').waitFor({ state: 'detached' });
      await popup.close();
    });
  }

  it('labels a withheld caller and offers no call-back action', async () => {
    const { popup } = await ringingPopup({ number: '', anonymous: true });
    expect(await popup.locator('.popup-name').textContent()).toBe('Withheld number');
    expect(await popup.getByRole('button', { name: 'Copy number' }).count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Open in CRM' }).count()).toBe(0);
    expect(await popup.locator('main').textContent()).not.toMatch(/null|undefined/);
    await popup.close();
  });

  it('shows a display name with an international number exactly as given', async () => {
    const { popup } = await ringingPopup({
      number: '+41 22 555 01 99',
      name: { displayName: 'ACCUEIL MAIRIE' },
    });
    expect(await popup.locator('.popup-name').textContent()).toBe('ACCUEIL MAIRIE');
    expect(await popup.locator('.popup-number').textContent()).toBe('+41 22 555 01 99');
    expect(await popup.locator('main').textContent()).not.toMatch(/null|undefined/);
    await popup.close();
  });

  it('groups a French number for reading, next to the number as given', async () => {
    const { popup } = await ringingPopup({
      number: '+33298765432',
      name: { firstName: 'Hélène', lastName: 'Le Bihan' },
    });
    expect(await popup.locator('.popup-name').textContent()).toBe('Hélène Le Bihan');
    expect(await popup.locator('.popup-number').textContent()).toBe('+33298765432');
    expect(await popup.locator('.popup-number-grouped').textContent()).toBe('02 98 76 54 32');
    await popup.close();
  });
});
