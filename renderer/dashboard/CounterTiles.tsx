/**
 * What is waiting for the user: missed calls, voice messages, callback requests. Renderer
 * component of the dashboard; a non-zero counter is emphasised.
 */
import { useTranslation } from 'react-i18next';
import type { Counters } from '../../shared/presence/types.js';

const SHOWN = ['missedCalls', 'voiceMessages', 'callbackRequests'] as const;

export function CounterTiles(props: { counters: Counters }) {
  const { t } = useTranslation();
  return (
    <section className="counters" aria-labelledby="counters-heading">
      <h2 id="counters-heading" className="visually-hidden">
        {t('counters.heading')}
      </h2>
      <dl className="counter-grid">
        {SHOWN.map((name) => {
          const value = props.counters[name];
          return (
            <div key={name} className={value > 0 ? 'counter counter-waiting' : 'counter'}>
              <dt className="counter-label">{t(`counters.${name}`)}</dt>
              <dd className="counter-value" data-counter={name}>
                {value}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
