/**
 * Call-alert part of the settings form: popup and notification switches, auto-dismiss delay and
 * the CRM URL template. Renderer component.
 */
import { useTranslation } from 'react-i18next';
import { withAlerts } from './draft.js';
import { CheckboxField, FormSection, TextField } from './fields.js';
import type { SectionProps } from './section-props.js';

export function AlertsSection(props: SectionProps) {
  const { t } = useTranslation();
  const { draft, onChange, errorFor } = props;
  const alerts = draft.settings.alerts;

  return (
    <FormSection id="alerts" title={t('settings.alerts')}>
      <CheckboxField
        path="alerts.popups"
        label={t('settings.popups')}
        checked={alerts.popups}
        onChange={(popups) => onChange(withAlerts(draft, { popups }))}
      />
      <CheckboxField
        path="alerts.notifications"
        label={t('settings.notifications')}
        checked={alerts.notifications}
        onChange={(notifications) => onChange(withAlerts(draft, { notifications }))}
      />
      <TextField
        path="alerts.autoDismissSeconds"
        label={t('settings.autoDismiss')}
        hint={t('settings.autoDismissHint')}
        value={draft.autoDismissText}
        inputMode="numeric"
        error={errorFor('alerts.autoDismissSeconds')}
        onChange={(autoDismissText) => onChange({ ...draft, autoDismissText })}
      />
      <TextField
        path="alerts.crmUrlTemplate"
        label={t('settings.crmUrl')}
        placeholder={t('settings.crmPlaceholder')}
        hint={t('settings.crmHint')}
        value={alerts.crmUrlTemplate}
        inputMode="url"
        error={errorFor('alerts.crmUrlTemplate')}
        onChange={(crmUrlTemplate) => onChange(withAlerts(draft, { crmUrlTemplate }))}
      />
    </FormSection>
  );
}
