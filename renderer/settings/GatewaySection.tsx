/**
 * Gateway part of the settings form: address, login, password, access mode, trusted CA files,
 * proxy, demo mode. The password is never pre-filled; "stored" comes from main. Renderer.
 */
import { useTranslation } from 'react-i18next';
import type { AccessMode } from '../../shared/settings/schema.js';
import { useBridge } from '../app/bridge.js';
import { withGateway, withSettings } from './draft.js';
import { CheckboxField, FieldNotes, FormSection, SelectField, TextField } from './fields.js';
import type { SectionProps } from './section-props.js';

export function GatewaySection(
  props: SectionProps & { hasPassword: boolean; canStorePassword: boolean },
) {
  const { t } = useTranslation();
  const { draft, onChange, errorFor, locked } = props;
  const gateway = draft.settings.gateway;
  const accessModes: AccessMode[] = ['auto', 'private', 'public'];

  return (
    <FormSection id="gateway" title={t('settings.gateway')}>
      <CheckboxField
        path="demoMode"
        label={t('settings.demoMode')}
        checked={draft.settings.demoMode}
        onChange={(demoMode) => onChange(withSettings(draft, { demoMode }))}
      />
      <TextField
        path="gateway.server"
        label={t('settings.server')}
        placeholder={t('settings.serverPlaceholder')}
        value={gateway.server}
        locked={locked.includes('server')}
        error={errorFor('gateway.server')}
        inputMode="url"
        onChange={(server) => onChange(withGateway(draft, { server }))}
      />
      <div className="field-row">
        <TextField
          path="gateway.login"
          label={t('settings.login')}
          placeholder={t('settings.loginPlaceholder')}
          value={gateway.login}
          error={errorFor('gateway.login')}
          autoComplete="username"
          onChange={(login) => onChange(withGateway(draft, { login }))}
        />
        <TextField
          path="password"
          type="password"
          label={t('settings.password')}
          value={draft.password}
          error={errorFor('password')}
          autoComplete="current-password"
          hint={passwordHint(t, props.hasPassword, props.canStorePassword)}
          onChange={(password) => onChange({ ...draft, password })}
        />
      </div>
      <SelectField
        path="gateway.accessMode"
        label={t('settings.accessMode')}
        value={gateway.accessMode}
        locked={locked.includes('accessMode')}
        options={accessModes.map((mode) => ({ value: mode, label: t(`settings.access.${mode}`) }))}
        onChange={(accessMode) => onChange(withGateway(draft, { accessMode }))}
      />
      <CaFilesField {...props} />
      <TextField
        path="gateway.proxy"
        label={t('settings.proxy')}
        placeholder={t('settings.proxyPlaceholder')}
        value={gateway.proxy}
        error={errorFor('gateway.proxy')}
        inputMode="url"
        onChange={(proxy) => onChange(withGateway(draft, { proxy }))}
      />
    </FormSection>
  );
}

function passwordHint(
  t: ReturnType<typeof useTranslation>['t'],
  hasPassword: boolean,
  canStorePassword: boolean,
): string {
  if (!canStorePassword) return t('settings.passwordNoKeychain');
  return hasPassword ? t('settings.passwordStored') : t('settings.passwordNotStored');
}

function CaFilesField(props: SectionProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { draft, onChange } = props;
  const files = draft.settings.gateway.caFiles;
  const locked = props.locked.includes('caFiles');

  const add = async () => {
    const chosen = await bridge.request('settings:choose-ca-file', undefined);
    // The file dialog is modal, so the draft cannot have changed while it was open.
    if (chosen && !files.includes(chosen)) {
      onChange(withGateway(draft, { caFiles: [...files, chosen] }));
    }
  };

  return (
    <fieldset className="field" aria-describedby={locked ? 'gateway.caFiles-locked' : undefined}>
      <legend className="field-label">{t('settings.caFiles')}</legend>
      {files.length === 0 ? (
        <p className="field-value-muted">{t('settings.caNone')}</p>
      ) : (
        <ul className="file-list">
          {files.map((file) => (
            <li key={file} className="file-row">
              <span className="file-path" title={file}>
                {file}
              </span>
              {!locked && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('settings.caRemoveNamed', { file })}
                  onClick={() =>
                    onChange(withGateway(draft, { caFiles: files.filter((f) => f !== file) }))
                  }
                >
                  {t('settings.caRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        <button type="button" className="button" onClick={() => void add()}>
          {t('settings.caAdd')}
        </button>
      )}
      <FieldNotes
        path="gateway.caFiles"
        label=""
        locked={locked}
        error={props.errorFor('gateway.caFiles')}
      />
    </fieldset>
  );
}
