// The tray speaks the user's language: "system" follows the OS locale, French says the same
// states as the dashboard's French catalogue, and a language change re-words the whole tray.
import { describe, expect, it, beforeEach } from 'vitest';
import { resolveLanguage } from '../../electron/main/system/language.js';
import { TRAY_WORDS } from '../../electron/main/tray/tray-words.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { appRecord, invokeIpc, resetElectronStub, trayRecord } from '../electron-stub/index.js';
import { alertFor, viewWith } from './fake-engine.js';
import { removeProfile, startInDemo } from './shell-harness.js';

const online = { status: 'online' } as const;

describe('tray language', () => {
  it.each([
    ['system', 'fr-FR', 'fr'],
    ['system', 'fr', 'fr'],
    ['system', 'FR-ca', 'fr'],
    ['system', 'en-GB', 'en'],
    ['system', 'de-DE', 'en'],
    ['en', 'fr-FR', 'en'],
    ['fr', 'en-US', 'fr'],
  ] as const)('%s with OS locale %s -> %s', (setting, locale, expected) => {
    expect(resolveLanguage(setting, locale)).toBe(expected);
  });

  it('English is the presence model tooltip itself', () => {
    const view = viewWith({ tray: 'busy', tooltip: 'Busy', connection: online });
    expect(TRAY_WORDS.en.tooltip(view)).toBe('Busy');
  });

  it.each([
    [viewWith({ tray: 'free', connection: online }), 'Disponible'],
    [viewWith({ tray: 'busy', connection: online }), 'Occupé'],
    [viewWith({ tray: 'dnd', connection: online }), 'Ne pas déranger'],
    [viewWith({ tray: 'unknown', connection: online }), 'Connecté, état du téléphone inconnu'],
    [
      viewWith({ tray: 'ringing', connection: online, alerts: [alertFor('7001')] }),
      'Sonnerie : Marc Olivier, 0240123456',
    ],
    [
      viewWith({
        tray: 'ringing',
        connection: online,
        alerts: [alertFor('7001'), alertFor('7002')],
      }),
      'Sonnerie : Marc Olivier, 0240123456 (+1)',
    ],
    [
      viewWith({ tray: 'offline', connection: { status: 'reconnecting', reason: 'HTTP 503' } }),
      'Reconnexion',
    ],
    [
      viewWith({ tray: 'offline', connection: { status: 'certificate-untrusted' } }),
      'Hors ligne : certificat non reconnu',
    ],
  ])('French tooltip %#: %s', (view, expected) => {
    expect(TRAY_WORDS.fr.tooltip(view)).toBe(expected);
  });

  it('French counts agree in number', () => {
    expect(TRAY_WORDS.fr.missedCalls(0)).toBe('0 appel manqué');
    expect(TRAY_WORDS.fr.missedCalls(1)).toBe('1 appel manqué');
    expect(TRAY_WORDS.fr.missedCalls(3)).toBe('3 appels manqués');
    expect(TRAY_WORDS.fr.voiceMessages(2)).toBe('2 messages vocaux');
  });
});

describe('tray language in the running shell', () => {
  beforeEach(() => resetElectronStub());

  it('follows a French system, and switches when the user picks English', async () => {
    appRecord.locale = 'fr-FR';
    const harness = await startInDemo();
    const tray = trayRecord.created[0]!;
    const labels = () => tray.lastMenu!.items.map((i) => i.label).filter(Boolean);
    expect(tray.tooltips.at(-1)).toBe('Disponible');
    expect(labels()).toContain('Quitter');
    expect(labels()).toContain('0 appel manqué');

    const settings = { ...DEFAULT_SETTINGS, demoMode: true, language: 'en' as const };
    await invokeIpc('settings:save', { settings });
    expect(tray.tooltips.at(-1)).toBe('Free');
    expect(labels()).toContain('Quit');
    await removeProfile(harness.userData);
  });
});
