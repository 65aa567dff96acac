/**
 * Page start-up as the built pages run it: the bridge from `window.o2g`, the language from the
 * settings (or the system), a language change picked up when the window gets focus, and a clear
 * message when the page is opened outside the app.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { bootPage } from '../../renderer/app/boot.js';
import { Dashboard } from '../../renderer/dashboard/Dashboard.js';
import { DEFAULT_SETTINGS, type LanguageSetting } from '../../shared/settings/schema.js';
import { FakeBridge } from './fake-bridge.js';

function withLanguage(bridge: FakeBridge, language: () => LanguageSetting): FakeBridge {
  return bridge.answer('settings:get', () => ({
    settings: { ...DEFAULT_SETTINGS, language: language() },
    hasPassword: false,
    canStorePassword: true,
    locked: [],
  }));
}

function installWindowBridge(bridge: FakeBridge | undefined) {
  Object.defineProperty(window, 'o2g', { value: bridge, configurable: true });
}

let teardown: (() => void) | undefined;

afterEach(() => {
  act(() => teardown?.());
  installWindowBridge(undefined);
  document.body.innerHTML = '';
});

async function boot() {
  document.body.innerHTML = '<div id="root"></div>';
  teardown = await act(() => bootPage(() => <Dashboard />));
}

describe('bootPage', () => {
  it('renders in the language of the settings and follows a change on focus', async () => {
    let language: LanguageSetting = 'fr';
    installWindowBridge(withLanguage(new FakeBridge(), () => language));
    await boot();
    expect(await screen.findByText('Disponible')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');

    language = 'en';
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByText('Free')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the system language when the setting says so', async () => {
    installWindowBridge(withLanguage(new FakeBridge(), () => 'system'));
    await boot();
    // jsdom reports en-US as the system language.
    expect(navigator.language).toBe('en-US');
    expect(await screen.findByText('Free')).toBeInTheDocument();
  });

  it('still starts, with defaults, when the settings cannot be read', async () => {
    installWindowBridge(
      new FakeBridge().answer('settings:get', () => Promise.reject(new Error('store locked'))),
    );
    await boot();
    expect(await screen.findByText('Free')).toBeInTheDocument();
  });

  it('says so when opened outside the app (no window.o2g)', async () => {
    await boot();
    expect(
      screen.getByText('This page only works inside the O2G Presence app.'),
    ).toBeInTheDocument();
  });
});
