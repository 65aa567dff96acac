/**
 * Where the gateway connection stands, its reason when it is not online, the countdown to the
 * next attempt, a "Reconnect now" action, and a way to the settings when only a setting can fix
 * it. Renderer component of the dashboard.
 */
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../shared/presence/types.js';
import { useBridge } from '../app/bridge.js';
import { useAction } from '../app/use-action.js';
import { useNow } from '../presence/use-now.js';

/** States where asking for a new attempt makes sense (not while one is running or all is well). */
const RECONNECTABLE = new Set<ConnectionState['status']>([
  'reconnecting',
  'unreachable',
  'event-port-unreachable',
  'certificate-untrusted',
  'wrong-credentials',
  'stopped',
]);

/** States that a new attempt alone will not fix: the user has to change a setting. */
const NEEDS_SETTINGS = new Set<ConnectionState['status']>([
  'stopped',
  'wrong-credentials',
  'certificate-untrusted',
]);

export function ConnectionPanel(props: { connection: ConnectionState }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const reconnect = useAction();
  const { status, reason, nextAttemptAt } = props.connection;

  return (
    <section className={`connection connection-${status}`} aria-labelledby="connection-heading">
      <h2 id="connection-heading" className="visually-hidden">
        {t('connection.heading')}
      </h2>
      <div className="connection-text">
        <p className="connection-status" data-status={status}>
          <span className="connection-dot" aria-hidden="true" />
          {t(`connection.${status}`)}
        </p>
        {status !== 'online' && (reason || nextAttemptAt !== undefined) && (
          <p className="connection-reason">
            {reason}
            {reason && nextAttemptAt !== undefined && ' · '}
            {nextAttemptAt !== undefined && <NextAttempt at={nextAttemptAt} />}
          </p>
        )}
        {reconnect.error && (
          <p className="inline-error" role="alert">
            {t('connection.reconnectFailed', { message: reconnect.error })}
          </p>
        )}
      </div>
      {(RECONNECTABLE.has(status) || NEEDS_SETTINGS.has(status)) && (
        <div className="connection-actions">
          {RECONNECTABLE.has(status) && (
            <button
              type="button"
              className="button"
              disabled={reconnect.pending}
              onClick={() =>
                void reconnect.run(() => bridge.request('connection:reconnect', undefined))
              }
            >
              {t('connection.reconnectNow')}
            </button>
          )}
          {NEEDS_SETTINGS.has(status) && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void bridge.request('window:open-settings', undefined)}
            >
              {t('connection.openSettings')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function NextAttempt(props: { at: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const seconds = Math.ceil((props.at - now) / 1000);
  return (
    <>{seconds > 0 ? t('connection.nextAttempt', { seconds }) : t('connection.nextAttemptNow')}</>
  );
}
