/**
 * "Test connection": the connection doctor's checks, shown one by one as main pushes them
 * (`doctor:progress`), each with its detail and fix hint. Renderer component.
 */
import { useTranslation } from 'react-i18next';
import type { DoctorCheck } from '../../shared/ipc/channels.js';

export function ConnectionTest(props: { checks: readonly DoctorCheck[]; error: string | null }) {
  const { t } = useTranslation();
  if (props.checks.length === 0 && !props.error) return null;

  return (
    <section className="doctor" aria-labelledby="doctor-heading">
      <h2 id="doctor-heading" className="section-heading">
        {t('settings.testHeading')}
      </h2>
      {props.error && (
        <p className="inline-error" role="alert">
          {t('settings.testFailed', { message: props.error })}
        </p>
      )}
      <ol className="doctor-checks" aria-live="polite">
        {props.checks.map((check) => (
          <li key={check.id} className={`doctor-check check-${check.status}`} data-check={check.id}>
            <span className="check-status">{t(`settings.check.${check.status}`)}</span>
            <span className="check-label">{check.label}</span>
            {check.durationMs !== undefined && (
              <span className="check-duration">
                {t('settings.checkDuration', { ms: Math.round(check.durationMs) })}
              </span>
            )}
            {check.detail && <p className="check-detail">{check.detail}</p>}
            {check.hint && <p className="check-hint">{check.hint}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Inserts or replaces a check by id, keeping the order in which checks first appeared. */
export function mergeCheck(checks: readonly DoctorCheck[], next: DoctorCheck): DoctorCheck[] {
  const index = checks.findIndex((check) => check.id === next.id);
  if (index === -1) return [...checks, next];
  return checks.map((check, i) => (i === index ? next : check));
}
