/**
 * The popup's buttons: Answer (only when the leg allows it), Send to voicemail, Copy number and
 * Open in CRM (only when there is a number, and for CRM a configured template). Each button
 * stops the click so it does not also dismiss the card. Renderer component.
 */
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestChannel } from '../../shared/ipc/channels.js';
import type { Alert } from '../../shared/presence/types.js';
import { useBridge } from '../app/bridge.js';
import { useAction } from '../app/use-action.js';

type CallAction = Extract<
  RequestChannel,
  'call:answer' | 'call:send-to-voicemail' | 'call:copy-number' | 'call:open-crm'
>;

export function PopupActions(props: {
  alert: Alert;
  number: string | null;
  crmConfigured: boolean;
}) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const action = useAction();
  const [copied, setCopied] = useState(false);
  const { callRef, canAnswer, canSendToVoicemail } = props.alert;

  const perform = (channel: CallAction) => async (event: MouseEvent) => {
    event.stopPropagation();
    const result = await action.run(() => bridge.request(channel, { callRef }));
    if (channel === 'call:copy-number' && result.ok) setCopied(true);
  };

  return (
    <div className="popup-actions">
      {action.error && (
        <p className="popup-error" role="alert">
          {t('popup.failed', { message: action.error })}
        </p>
      )}
      {canAnswer && (
        <button type="button" className="button button-primary" onClick={perform('call:answer')}>
          {t('popup.answer')}
        </button>
      )}
      {canSendToVoicemail && (
        <button
          type="button"
          className="button"
          aria-label={t('popup.voicemailLong')}
          title={t('popup.voicemailLong')}
          onClick={perform('call:send-to-voicemail')}
        >
          {t('popup.voicemail')}
        </button>
      )}
      {props.number && (
        <button
          type="button"
          className="button"
          aria-label={t('popup.copyLong')}
          title={t('popup.copyLong')}
          onClick={perform('call:copy-number')}
        >
          {copied ? t('popup.copied') : t('popup.copy')}
        </button>
      )}
      {props.number && props.crmConfigured && (
        <button
          type="button"
          className="button"
          aria-label={t('popup.crmLong')}
          title={t('popup.crmLong')}
          onClick={perform('call:open-crm')}
        >
          {t('popup.crm')}
        </button>
      )}
    </div>
  );
}
