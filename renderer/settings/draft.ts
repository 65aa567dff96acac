/**
 * The settings form's working copy: the settings being edited, plus what has no place in the
 * stored settings (the new password, the raw text of a number field). Pure; renderer and tests.
 */
import type { Settings } from '../../shared/settings/schema.js';

export interface SettingsDraft {
  readonly settings: Settings;
  /** New password typed by the user; empty keeps the stored one. Never pre-filled. */
  readonly password: string;
  /** As typed, so "12a" can be shown and refused instead of silently becoming 12. */
  readonly autoDismissText: string;
}

export function draftFrom(settings: Settings): SettingsDraft {
  return {
    settings,
    password: '',
    autoDismissText: String(settings.alerts.autoDismissSeconds),
  };
}

/** The settings the draft stands for; the number field is parsed strictly (validation checks). */
export function settingsFromDraft(draft: SettingsDraft): Settings {
  const text = draft.autoDismissText.trim();
  const seconds = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return { ...draft.settings, alerts: { ...draft.settings.alerts, autoDismissSeconds: seconds } };
}

export function withGateway(draft: SettingsDraft, patch: Partial<Settings['gateway']>) {
  const gateway = { ...draft.settings.gateway, ...patch };
  return { ...draft, settings: { ...draft.settings, gateway } };
}

export function withAlerts(draft: SettingsDraft, patch: Partial<Settings['alerts']>) {
  const alerts = { ...draft.settings.alerts, ...patch };
  return { ...draft, settings: { ...draft.settings, alerts } };
}

export function withSettings(draft: SettingsDraft, patch: Partial<Settings>): SettingsDraft {
  return { ...draft, settings: { ...draft.settings, ...patch } };
}
