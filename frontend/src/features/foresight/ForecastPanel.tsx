// The forecast of one SLT on its page: the chance that this period and the
// next miss, never alone — the walk-forward track record of each horizon
// stands beside it, and when the model is not better than the baseline the
// panel says so and shows the baseline's chance.
import type { Forecast, TargetForecast, Track } from '../../api/foresight';
import { Badge } from '../../components/ui/Badge';
import { chance, score, skill } from './foresightFormat';
import * as fmt from '../../format';
import './foresight.css';

export function ForecastPanel({ forecast, error, tier }: { forecast: Forecast | null; error: Error | null; tier?: string }) {
  let body;
  if (error) {
    body = <p className="muted">{error.message}</p>;
  } else if (!forecast) {
    body = <p className="muted">Backtesting the forecasts…</p>;
  } else if (forecast.status !== 'ok') {
    body = (
      <p className="muted" data-testid="forecast-none">
        No forecast: {forecast.message}. A chance is shown only beside a track record of past forecasts.
      </p>
    );
  } else {
    const targets = forecast.targets.filter((t) => (tier ? t.tier === tier : true));
    body = (
      <div className="fc">
        <div className="fc__chances">
          {targets.length === 0 ? <p className="muted">No forecast for this SLT.</p> : targets.map((t) => <Chances key={t.tier || 'overall'} t={t} forecast={forecast} />)}
        </div>
        <TrackTable forecast={forecast} />
      </div>
    );
  }
  return (
    <section className="card sltd__panel sltd__full" aria-labelledby="fc-h" data-testid="slt-forecast">
      <h2 id="fc-h" className="card__title">
        Forecast <span className="muted">with its track record</span>
      </h2>
      {body}
    </section>
  );
}

function Chances({ t, forecast }: { t: TargetForecast; forecast: Forecast }) {
  const rows = [
    { label: 'This period', period: t.period.key, p: t.current, track: forecast.track_record_current },
    { label: 'Next period', period: t.next_period.key, p: t.next, track: forecast.track_record_next },
  ];
  return (
    <div className="fc__target">
      {t.tier && <h3 className="subhead">{t.tier}</h3>}
      <dl className="fc__dl">
        {rows.map((r) => (
          <div key={r.label} className="fc__chance">
            <dt>
              {r.label} <span className="muted">({r.period})</span>
            </dt>
            <dd>
              {r.p.probability === null ? (
                <span className="muted">no forecast: {r.track.message}</span>
              ) : (
                <>
                  <strong className={r.p.probability >= 0.5 ? 'text-bad' : undefined}>{chance(r.p.probability)}</strong> chance of missing{' '}
                  <span className="cell-sub">from the {r.p.source}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The backtest of both horizons: Brier score, skill against the baseline, AUC, decision points. */
function TrackTable({ forecast }: { forecast: Forecast }) {
  const tracks: [string, Track][] = [
    ['This period', forecast.track_record_current],
    ['Next period', forecast.track_record_next],
  ];
  return (
    <div className="fc__track">
      <table className="table fc__table" aria-label="Track record of the forecasts (walk-forward backtest)">
        <caption className="fc__caption">Track record: forecasts made at past decision points from what was known then, scored against what happened</caption>
        <thead>
          <tr>
            <th scope="col">Forecast of</th>
            <th scope="col">Shown</th>
            <th scope="col" title="Mean squared error of the chance; 0 is perfect">Brier score</th>
            <th scope="col" title="1 − Brier(model) / Brier(baseline)">Skill</th>
            <th scope="col" title="How well the chance ranks missed periods above met ones; 0.5 is a coin toss, 1 perfect">AUC</th>
            <th scope="col">Decision points</th>
          </tr>
        </thead>
        <tbody>
          {tracks.map(([label, r]) => {
            if (r.status !== 'ok')
              return (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td colSpan={5} className="muted">
                    {r.message}
                  </td>
                </tr>
              );
            const shown = r.use === 'model' ? r.model : r.baseline;
            return (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{r.use === 'model' ? <Badge tone="green">model</Badge> : <Badge tone="amber">baseline</Badge>}</td>
                <td>
                  {score(shown.brier)}
                  <span className="cell-sub">
                    baseline {score(r.baseline.brier)}, model {score(r.model.brier)}
                  </span>
                </td>
                <td>
                  {skill(r.skill)} <span className="cell-sub">{pText(r.skill_p)}</span>
                </td>
                <td>{score(shown.auc)}</td>
                <td>
                  {fmt.count(r.decision_points)}
                  <span className="cell-sub">
                    in {fmt.count(r.periods)} periods, {fmt.count(r.missed_periods)} missed
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {tracks.some(([, r]) => r.status === 'ok' && r.use !== 'model') && (
        <p className="fc__note" data-testid="forecast-baseline">
          The model is not better than the baseline: showing the baseline — the burn rate so far projected to the period end, with the hit rate it had in the past.
        </p>
      )}
      <details className="sltd__details">
        <summary>What the track record says</summary>
        <ul>
          {tracks.map(([label, r]) => (
            <li key={label}>
              {label}: {r.verdict || r.message}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function pText(p: number | null): string {
  const v = fmt.pValue(p);
  return v.startsWith('<') ? `p ${v}` : `p = ${v}`;
}
