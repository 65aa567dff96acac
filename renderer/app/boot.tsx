/**
 * Start-up shared by the three pages: find the preload bridge, read the settings once (for the
 * language and the CRM template), set up i18n and keep it following the language setting, then
 * render. Runs in the sandboxed renderer.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { PresenceBridge } from '../../shared/ipc/bridge.js';
import type { SettingsView } from '../../shared/ipc/channels.js';
import { createI18n } from '../i18n/setup.js';
import { resolveUiLanguage } from '../i18n/language.js';
import { BridgeProvider, findWindowBridge } from './bridge.js';
import { en } from '../i18n/en.js';

export interface PageContext {
  readonly bridge: PresenceBridge;
  /** Null when main could not answer `settings:get`; pages then use defaults. */
  readonly settings: SettingsView | null;
}

/**
 * The language can change while a window stays open: in the settings window (saved there) or in
 * the OS. A window re-reads the setting when it gets focus, and follows the system language.
 */
function followLanguage(bridge: PresenceBridge, i18n: I18n): () => void {
  const apply = async () => {
    const latest = await bridge.request('settings:get', undefined).catch(() => null);
    const language = resolveUiLanguage(latest?.settings.language ?? 'system', navigator.language);
    if (language !== i18n.language) await i18n.changeLanguage(language);
  };
  const onChange = () => void apply();
  window.addEventListener('focus', onChange);
  window.addEventListener('languagechange', onChange);
  return () => {
    window.removeEventListener('focus', onChange);
    window.removeEventListener('languagechange', onChange);
  };
}

/** Renders the page; resolves to a teardown (pages never call it, tests do). */
export async function bootPage(render: (context: PageContext) => ReactNode): Promise<() => void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  const root = createRoot(container);

  const bridge = findWindowBridge();
  if (!bridge) {
    // Opened outside the app (a plain browser): say so instead of a blank window.
    root.render(<p className="page-message">{en.app.noBridge}</p>);
    return () => root.unmount();
  }

  const settings = await bridge.request('settings:get', undefined).catch(() => null);
  const language = resolveUiLanguage(settings?.settings.language ?? 'system', navigator.language);
  const i18n = createI18n(language);
  document.documentElement.lang = language;
  i18n.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
  const stopFollowing = followLanguage(bridge, i18n);

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <BridgeProvider bridge={bridge}>{render({ bridge, settings })}</BridgeProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  return () => {
    stopFollowing();
    root.unmount();
  };
}
