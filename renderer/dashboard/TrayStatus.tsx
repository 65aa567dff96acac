/**
 * The tray state as a coloured status with words, so colour is never the only signal.
 * Renderer component of the dashboard.
 */
import { useTranslation } from 'react-i18next';
import type { TrayState } from '../../shared/presence/types.js';

export function TrayStatus(props: { tray: TrayState }) {
  const { t } = useTranslation();
  return (
    <p className={`tray-status tray-${props.tray}`} data-tray={props.tray}>
      <span className="tray-dot" aria-hidden="true" />
      <span className="tray-word">{t(`tray.${props.tray}`)}</span>
    </p>
  );
}
