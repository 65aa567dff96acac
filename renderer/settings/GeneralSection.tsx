/**
 * General part of the settings form: start at login and the UI language. Renderer component.
 */
import { useTranslation } from 'react-i18next';
import type { LanguageSetting } from '../../shared/settings/schema.js';
import { withSettings } from './draft.js';
import { CheckboxField, FormSection, SelectField } from './fields.js';
import type { SectionProps } from './section-props.js';

const LANGUAGES: LanguageSetting[] = ['system', 'en', 'fr'];

export function GeneralSection(props: SectionProps) {
  const { t } = useTranslation();
  const { draft, onChange } = props;

  return (
    <FormSection id="general" title={t('settings.general')}>
      <CheckboxField
        path="startAtLogin"
        label={t('settings.startAtLogin')}
        checked={draft.settings.startAtLogin}
        onChange={(startAtLogin) => onChange(withSettings(draft, { startAtLogin }))}
      />
      <SelectField
        path="language"
        label={t('settings.language')}
        value={draft.settings.language}
        options={LANGUAGES.map((value) => ({ value, label: t(`settings.languages.${value}`) }))}
        onChange={(language) => onChange(withSettings(draft, { language }))}
      />
    </FormSection>
  );
}
