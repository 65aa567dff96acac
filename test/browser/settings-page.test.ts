/**
 * The built settings page in Chromium: "Test connection" runs the REAL connection doctor against
 * the simulator and shows its checks one by one as they are pushed, with hints on failure;
 * inline validation works under the strict CSP.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type BrowserWorld } from './harness.js';
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
  expect(world.problems.splice(0)).toEqual([]);
  expect(world.shell.refused.splice(0)).toEqual([]);
});

describe('settings page with the real doctor', () => {
  it('shows the doctor’s checks one by one, passing against the simulator', async () => {
    const page = await world.openSettings();
    await page.getByLabel('Password').fill('Viola-19141');
    // Hold the gateway's answer to the authentication for a moment: the checks before it must
    // be on screen while it is still running, proving they arrive one by one.
    world.sim.faults.delay({ path: /authenticate/ }, 2_000, 1);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const running = page.locator('.doctor-check.check-pending', { hasText: 'Authentication' });
    await running.waitFor();
    expect(await page.locator('.doctor-check.check-ok', { hasText: 'Discovery' }).count()).toBe(1);
    await running.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Test connection' }).waitFor(); // "Testing…" is over

    const statuses = await page.locator('.doctor-check .check-status').allTextContents();
    expect(statuses.length).toBeGreaterThanOrEqual(8);
    // Plain http on loopback: the TLS check has nothing to check and says "Skipped".
    expect(statuses).not.toContain('Failed');
    expect(statuses.filter((status) => status === 'OK').length).toBeGreaterThanOrEqual(8);
    const authentication = page.locator('.doctor-check', { hasText: 'Authentication' });
    expect(await authentication.locator('.check-status').textContent()).toBe('OK');
    await page.close();
  });

  it('shows the failing check with the fix hint when the password is wrong', async () => {
    const page = await world.openSettings();
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const failed = page.locator('.doctor-check.check-fail');
    await failed.waitFor();
    expect(await failed.locator('.check-label').textContent()).toBe('Authentication');
    expect(await failed.locator('.check-hint').textContent()).toMatch(/password/);
    expect(await page.locator('.doctor-check.check-skipped').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('explains a bad CRM address inline and refuses to save it', async () => {
    const page = await world.openSettings();
    const crm = page.getByLabel('CRM address');
    await crm.fill('https://crm.example.com/search');
    expect(await crm.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Put {number} where the caller’s number goes.').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Not saved: fix the fields marked in red.').waitFor();
    expect(world.shell.requests).not.toContain('settings:save');

    await crm.fill('https://crm.example.com/search?phone={number}');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.close();
  });
});
