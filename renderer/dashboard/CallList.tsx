/**
 * The user's current calls: who, which way, in what state, for how long. Renderer component of
 * the dashboard; names and numbers are plain text children (F9).
 */
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../shared/presence/types.js';
import { callerName } from '../caller/caller-text.js';
import { formatDuration, useNow } from '../presence/use-now.js';
import { en } from '../i18n/en.js';

type KnownState = keyof typeof en.calls.state;

function isKnownState(state: string): state is KnownState {
  return Object.hasOwn(en.calls.state, state);
}

export function CallList(props: { calls: readonly CallView[] }) {
  const { t } = useTranslation();
  return (
    <section className="calls" aria-labelledby="calls-heading">
      <h2 id="calls-heading" className="section-heading">
        {t('calls.heading')}
      </h2>
      {props.calls.length === 0 ? (
        <p className="calls-empty">{t('calls.none')}</p>
      ) : (
        <ul className="call-list">
          {props.calls.map((call) => (
            <CallRow key={call.callRef} call={call} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CallRow(props: { call: CallView }) {
  const { t } = useTranslation();
  const now = useNow();
  const { call } = props;
  // The leg's own state says what this user is doing; the global one is the fallback.
  const state = call.legState ?? call.state;
  const direction =
    call.direction === 'incoming'
      ? t('calls.incoming')
      : call.direction === 'outgoing'
        ? t('calls.outgoing')
        : t('calls.unknownDirection');

  return (
    <li className="call-row" data-call-ref={call.callRef} data-state={state}>
      <div className="call-who">
        <span className="call-name">{callerName(call.caller, t)}</span>
        {call.caller.number && !call.caller.anonymous && (
          <span className="call-number">{call.caller.number}</span>
        )}
      </div>
      <div className="call-meta">
        <span className="call-state">
          {direction} · {isKnownState(state) ? t(`calls.state.${state}`) : state}
        </span>
        <span className="call-duration">{formatDuration(now - call.since)}</span>
      </div>
    </li>
  );
}
