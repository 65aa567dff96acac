/**
 * State of the settings form: load from main, edit a draft, validate inline, save, test the
 * connection with the doctor's progress pushes, start the demo. Renderer hook; the page
 * component only lays it out.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorCheck, SettingsView } from '../../shared/ipc/channels.js';
import { useBridge } from '../app/bridge.js';
import { errorText } from '../app/use-action.js';
import { resolveUiLanguage } from '../i18n/language.js';
import { mergeCheck } from './ConnectionTest.js';
import { draftFrom, settingsFromDraft, type SettingsDraft } from './draft.js';
import { validateSettings, type FieldErrors } from './validation.js';

/** Fields that display their own error line (see the section components). */
const FIELDS_WITH_MESSAGES = new Set([
  'gateway.server',
  'gateway.login',
  'password',
  'gateway.caFiles',
  'gateway.proxy',
  'alerts.autoDismissSeconds',
  'alerts.crmUrlTemplate',
]);

export type Notice = { readonly kind: 'ok' | 'error'; readonly text: string } | null;
type Busy = 'saving' | 'testing' | 'demo' | null;

export function useSettingsForm() {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [mainErrors, setMainErrors] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [checks, setChecks] = useState<readonly DoctorCheck[]>([]);
  const [testError, setTestError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    bridge.request('settings:get', undefined).then(
      (loaded) => {
        if (!active) return;
        setView(loaded);
        setDraft(draftFrom(loaded.settings));
      },
      (cause: unknown) => active && setLoadError(errorText(cause)),
    );
    return () => {
      active = false;
    };
  }, [bridge]);

  const errors: FieldErrors = useMemo(
    () => (draft && view ? validateSettings(settingsFromDraft(draft), view.locked) : {}),
    [draft, view],
  );

  const errorFor = useCallback(
    (path: string): string | null => {
      if (mainErrors[path]) return mainErrors[path];
      const error = errors[path];
      if (!error || !(showAllErrors || isEdited(path, draft, view))) return null;
      return t(`settings.errors.${error.key}`, {
        max: error.max ?? 0,
        message: error.message ?? '',
      });
    },
    [errors, mainErrors, showAllErrors, draft, view, t],
  );

  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setMainErrors({});
    setNotice(null);
  };

  /** True when the draft may be sent; otherwise every error is revealed. */
  const readyToSend = (): boolean => {
    setShowAllErrors(true);
    return Object.keys(errors).length === 0;
  };

  const save = async () => {
    if (!draft || !view) return;
    if (!readyToSend()) return setNotice({ kind: 'error', text: t('settings.saveRefused') });
    setBusy('saving');
    const settings = settingsFromDraft(draft);
    const password = draft.password === '' ? undefined : draft.password;
    try {
      const result = await bridge.request('settings:save', { settings, password });
      if (!result.ok) {
        setMainErrors(result.errors);
        // A refusal for a field that shows no message of its own goes into the notice instead.
        const elsewhere = Object.entries(result.errors)
          .filter(([path]) => !FIELDS_WITH_MESSAGES.has(path))
          .map(([, message]) => message);
        const text = [t('settings.saveRefused'), ...elsewhere].join(' ');
        return setNotice({ kind: 'error', text });
      }
      setView({ ...view, settings, hasPassword: view.hasPassword || password !== undefined });
      setDraft({ ...draft, password: '' });
      await i18n.changeLanguage(resolveUiLanguage(settings.language, navigator.language));
      setNotice({ kind: 'ok', text: t('settings.saved', { lng: i18n.language }) });
    } catch (cause) {
      setNotice({ kind: 'error', text: t('settings.saveFailed', { message: errorText(cause) }) });
    } finally {
      setBusy(null);
    }
  };

  const testConnection = async () => {
    if (!draft || !readyToSend()) return;
    setBusy('testing');
    setChecks([]);
    setTestError(null);
    const dispose = bridge.on('doctor:progress', (check) =>
      setChecks((now) => mergeCheck(now, check)),
    );
    try {
      const password = draft.password === '' ? undefined : draft.password;
      const settings = settingsFromDraft(draft);
      const final = await bridge.request('settings:test-connection', { settings, password });
      setChecks((now) => final.reduce(mergeCheck, [...now]));
    } catch (cause) {
      setTestError(errorText(cause));
    } finally {
      dispose();
      setBusy(null);
    }
  };

  const startDemo = async () => {
    setBusy('demo');
    const result = await bridge
      .request('demo:start', undefined)
      .catch((cause: unknown) => ({ ok: false as const, message: errorText(cause) }));
    setBusy(null);
    setNotice(
      result.ok
        ? { kind: 'ok', text: t('settings.demoStarted') }
        : { kind: 'error', text: t('settings.demoFailed', { message: result.message }) },
    );
  };

  return {
    view,
    loadError,
    draft,
    edit,
    errorFor,
    busy,
    notice,
    checks,
    testError,
    save,
    testConnection,
    startDemo,
  };
}

/** Errors show once a field differs from what was loaded, or after a save/test attempt. */
function isEdited(path: string, draft: SettingsDraft | null, view: SettingsView | null): boolean {
  if (!draft || !view) return false;
  if (path === 'alerts.autoDismissSeconds') {
    return draft.autoDismissText !== String(view.settings.alerts.autoDismissSeconds);
  }
  return (
    JSON.stringify(valueAt(draft.settings, path)) !== JSON.stringify(valueAt(view.settings, path))
  );
}

function valueAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    return node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }, root);
}
