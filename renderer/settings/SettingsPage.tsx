/**
 * The settings window: gateway, calls and general sections, then Save, Test connection and Try
 * the demo, with the doctor's checks below. Renderer page component.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertsSection } from './AlertsSection.js';
import { ConnectionTest } from './ConnectionTest.js';
import { GatewaySection } from './GatewaySection.js';
import { GeneralSection } from './GeneralSection.js';
import { useSettingsForm } from './use-settings-form.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const form = useSettingsForm();
  const title = t('settings.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  if (form.loadError) {
    return (
      <main className="settings">
        <p className="inline-error" role="alert">
          {t('settings.loadFailed', { message: form.loadError })}
        </p>
      </main>
    );
  }
  if (!form.view || !form.draft) {
    return (
      <main className="settings">
        <p className="page-message">{t('settings.loading')}</p>
      </main>
    );
  }

  const sectionProps = {
    draft: form.draft,
    onChange: form.edit,
    errorFor: form.errorFor,
    locked: form.view.locked,
  };
  return (
    <main className="settings">
      <h1 className="page-title">{t('settings.title')}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.save();
        }}
      >
        <GatewaySection
          {...sectionProps}
          hasPassword={form.view.hasPassword}
          canStorePassword={form.view.canStorePassword}
        />
        <AlertsSection {...sectionProps} />
        <GeneralSection {...sectionProps} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy !== null}>
            {form.busy === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={form.busy !== null}
            onClick={() => void form.testConnection()}
          >
            {form.busy === 'testing' ? t('settings.testing') : t('settings.test')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={form.busy !== null}
            onClick={() => void form.startDemo()}
          >
            {t('settings.demo')}
          </button>
        </div>
        <p className={`form-notice notice-${form.notice?.kind ?? 'none'}`} role="status">
          {form.notice?.text}
        </p>
      </form>
      <ConnectionTest checks={form.checks} error={form.testError} />
    </main>
  );
}
