/**
 * Rendering the settings page for component tests: stored settings, a fake bridge, and typing
 * helpers that cope with user-event's brace syntax.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SettingsView } from '../../shared/ipc/channels.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/schema.js';
import { SettingsPage } from '../../renderer/settings/SettingsPage.js';
import { FakeBridge } from './fake-bridge.js';
import { renderWithBridge } from './render.js';

export const CONFIGURED: Settings = {
  ...DEFAULT_SETTINGS,
  gateway: { ...DEFAULT_SETTINGS.gateway, server: 'o2g.example.com', login: 'oxe19141' },
};

export function renderSettings(view: Partial<SettingsView> = {}, bridge = new FakeBridge()) {
  bridge.answer('settings:get', () => ({
    settings: CONFIGURED,
    hasPassword: true,
    canStorePassword: true,
    locked: [],
    ...view,
  }));
  return renderWithBridge(<SettingsPage />, { bridge });
}

export const field = (label: string) => screen.findByLabelText(label);
export const user = () => userEvent.setup();

/** Types the text; pastes it when it is long or holds braces (user-event's key syntax). */
async function enter(input: HTMLElement, text: string) {
  if (text === '') return;
  if (text.length > 100 || text.includes('{')) {
    input.focus();
    await userEvent.paste(text);
  } else {
    await userEvent.type(input, text);
  }
}

export async function replace(label: string, text: string) {
  const input = await field(label);
  await userEvent.clear(input);
  await enter(input, text);
  return input;
}
