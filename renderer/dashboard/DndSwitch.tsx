/**
 * The do-not-disturb switch. It shows the gateway's state, not a local guess: after a click it
 * waits for the next presence push to flip. Renderer component of the dashboard.
 */
import { useTranslation } from 'react-i18next';
import { useBridge } from '../app/bridge.js';
import { useAction } from '../app/use-action.js';

export function DndSwitch(props: { on: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const action = useAction();

  return (
    <div className="dnd">
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={props.on}
        disabled={props.disabled || action.pending}
        onClick={() => void action.run(() => bridge.request('dnd:set', { on: !props.on }))}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{t('dnd.label')}</span>
      </button>
      {action.error && (
        <p className="inline-error" role="alert">
          {t('dnd.failed', { message: action.error })}
        </p>
      )}
    </div>
  );
}
