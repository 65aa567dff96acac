/**
 * The call popup (340 x 120): who is calling, since when, and what can be done about it. It
 * follows the presence view: when the alert leaves the view (answered, ended) it renders nothing
 * and main closes the window. Renderer page component; caller data is text only (F8, F9).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from 'libphonenumber-js/min';
import type { Alert } from '../../shared/presence/types.js';
import { useBridge } from '../app/bridge.js';
import { callBackNumber, callerName } from '../caller/caller-text.js';
import { readableNumber } from '../caller/phone-number.js';
import { formatDuration, useNow } from '../presence/use-now.js';
import { usePresenceView } from '../presence/use-presence-view.js';
import { PopupActions } from './PopupActions.js';
import { useAnnouncement } from './use-announcement.js';
import { usePopupKeys } from './use-popup-keys.js';

export interface CallPopupProps {
  readonly callRef: string;
  /** Region for numbers given without a country code. */
  readonly region: CountryCode;
  /** A CRM URL template is configured, so "Open in CRM" can do something. */
  readonly crmConfigured: boolean;
}

export function CallPopup(props: CallPopupProps) {
  const view = usePresenceView(useBridge());
  const alert = view?.alerts.find((candidate) => candidate.callRef === props.callRef) ?? null;
  return alert ? <CallCard alert={alert} {...props} /> : null;
}

function CallCard(props: CallPopupProps & { alert: Alert }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const now = useNow();
  const { alert } = props;
  const name = callerName(alert.caller, t);
  const number = callBackNumber(alert.caller);
  const grouped = number ? readableNumber(number, props.region) : null;
  const ringing = formatDuration(now - alert.since);

  const dismiss = () => void bridge.request('popup:dismiss', { callRef: alert.callRef });
  const answer = () => void bridge.request('call:answer', { callRef: alert.callRef });
  usePopupKeys({ onEscape: dismiss, onEnter: alert.canAnswer ? answer : null });
  const announcement = useAnnouncement(alert.callRef, t('popup.announce', { caller: name }));
  const title = t('popup.announce', { caller: name });
  useEffect(() => {
    // Window switchers and screen readers name the window by its title.
    document.title = title;
  }, [title]);

  return (
    // The whole card dismisses on click; keyboard users have Esc and the close button.
    <main className="popup-card" data-call-ref={alert.callRef} onClick={dismiss}>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      <header className="popup-header">
        <span className="popup-kind">{t('popup.incoming')}</span>
        <span className="popup-duration" title={t('popup.ringingFor', { duration: ringing })}>
          {ringing}
        </span>
        <button
          type="button"
          className="popup-close"
          aria-label={t('popup.dismiss')}
          title={t('popup.dismiss')}
          onClick={(event) => {
            event.stopPropagation();
            dismiss();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <h1 className="popup-name" title={name}>
        {name}
      </h1>
      <p className="popup-details">
        {number && <span className="popup-number">{number}</span>}
        {grouped && <span className="popup-number-grouped">{grouped}</span>}
        {alert.caller.via && (
          <span className="popup-via">{t('caller.via', { number: alert.caller.via })}</span>
        )}
      </p>
      <PopupActions alert={alert} number={number} crmConfigured={props.crmConfigured} />
    </main>
  );
}
