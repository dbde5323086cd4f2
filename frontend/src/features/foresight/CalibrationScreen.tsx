// Calibration: a monitored feed against its reference feed for the same
// quantity (spec.calibrateAgainst) — how far apart they read (bias with its
// interval, MAE, Bland–Altman limits, Lin's concordance), whether they call
// the same buckets good or bad at each SLT's threshold (confusion matrix,
// Cohen's kappa), the SLTs' attainment from both, and whether the bias drifts
// (bias per month, drifted months flagged).
import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import type { Calibration } from '../../api/foresight';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { href, useRoute } from '../../state/route';
import { useLoad } from '../../state/useLoad';
import * as fmt from '../../format';
import { coef, diff, interval } from './foresightFormat';
import './foresight.css';

export function CalibrationScreen({ feed, from, to }: { feed?: string; from?: string; to?: string }) {
  const api = useApi();
  const { navigate } = useRoute();
  const feeds = useLoad(() => api.foresight.calibratedFeeds(), [api]);
  const chosen = feed ?? feeds.data?.[0]?.feed;
  const cal = useLoad(() => api.foresight.calibrate({ feed: chosen!, from, to }), [api, chosen, from, to], { enabled: !!chosen });
  const [fromIn, setFrom] = useState(from ?? '');
  const [toIn, setTo] = useState(to ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('calibration', chosen, { from: fromIn.trim(), to: toIn.trim() }));
  };

  if (feeds.error) return <ErrorPanel title="The calibrated feeds could not be read" error={feeds.error} onRetry={feeds.reload} />;
  if (!feeds.data) return <Loading>Reading the feeds…</Loading>;
  if (feeds.data.length === 0)
    return (
      <Empty title="No feed has a reference">
        Pair a monitored feed with a feed that measures the same quantity — say a probe's latency with the latency from the transaction log — by setting{' '}
        <code>spec.calibrateAgainst</code> on it; its calibration then shows here and in the pack's data-quality section.
      </Empty>
    );
  return (
    <div className="page cal" data-testid="calibration">
      <div className="page__head">
        <div>
          <h1>Calibration</h1>
          <p className="page__lede">
            Does the monitoring measure what the reference says happened? Differences are feed − reference: positive means the feed reads higher.
          </p>
        </div>
      </div>
      <form className="cal__bar" onSubmit={submit} aria-label="What to compare">
        <label>
          Feed
          <select className="select" value={chosen} onChange={(e) => navigate(href('calibration', e.target.value, { from, to }))}>
            {feeds.data.map((f) => (
              <option key={f.feed} value={f.feed}>
                {f.feed} against {f.reference}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input className="input" value={fromIn} placeholder="all data" spellCheck={false} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input className="input" value={toIn} placeholder="now" spellCheck={false} onChange={(e) => setTo(e.target.value)} />
        </label>
        <Button type="submit">Compare</Button>
      </form>
      {cal.error ? (
        <ErrorPanel title={`${chosen} could not be compared with its reference`} error={cal.error} onRetry={cal.reload} />
      ) : !cal.data ? (
        <Loading>Pairing {chosen} with its reference…</Loading>
      ) : (
        <CalibrationView c={cal.data} />
      )}
    </div>
  );
}

const day = (iso: string) => iso.slice(0, 10);

export function CalibrationView({ c }: { c: Calibration }) {
  const r = c.result;
  const d = (v: number | null, signed = false) => diff(v, c.shape, c.unit, signed);
  const iv = (a: (number | null)[]) => interval(a, c.shape, c.unit);
  const conf = fmt.share(r.confidence);
  const maxBias = Math.max(...r.drift.monthly.map((m) => Math.abs(m.bias ?? 0)), 1e-12);
  return (
    <>
      <p className="muted">
        {c.feed} against {c.reference}, {day(c.from)} to {day(c.to)}, in buckets of {fmt.count(c.bucket_seconds / 60)} minutes: {fmt.count(r.n)} paired (unpaired:{' '}
        {fmt.count(c.alignment.unpaired_feed_buckets)} of the feed, {fmt.count(c.alignment.unpaired_reference_buckets)} of the reference).
      </p>
      <dl className="cal__figures" aria-label="Agreement">
        <div className="card cal__figure">
          <dt>Bias (mean difference)</dt>
          <dd>{d(r.bias, true)}</dd>
          <span className="cell-sub">
            {conf} CI {iv(r.bias_ci)}
          </span>
        </div>
        <div className="card cal__figure">
          <dt>Mean absolute difference</dt>
          <dd>{d(r.mae)}</dd>
          <span className="cell-sub">RMSE {d(r.rmse)}</span>
        </div>
        <div className="card cal__figure">
          <dt>Limits of agreement (Bland–Altman)</dt>
          <dd>
            {d(r.limits_of_agreement[0], true)} to {d(r.limits_of_agreement[1], true)}
          </dd>
          <span className="cell-sub">{conf} of the differences lie between</span>
        </div>
        <div className="card cal__figure">
          <dt>Lin's concordance</dt>
          <dd>{coef(r.ccc)}</dd>
          <span className="cell-sub">1 is perfect agreement (Pearson r {coef(r.pearson_r)})</span>
        </div>
      </dl>
      <section className={`card cal__panel cal__drift--${r.drift.status}`} aria-labelledby="cal-drift-h">
        <h2 id="cal-drift-h" className="card__title">
          Drift {r.drift.status === 'drift' ? <Badge tone="red">drifting</Badge> : r.drift.status === 'none' ? <Badge tone="green">steady</Badge> : <Badge>not judged</Badge>}
        </h2>
        <p>{r.drift.message}</p>
        <div>
          <table className="table" aria-label="Bias per month">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Pairs</th>
                <th scope="col">Bias</th>
                <th scope="col">{conf} CI</th>
                <th scope="col" aria-label="Bias as a bar" />
                <th scope="col">Drift</th>
              </tr>
            </thead>
            <tbody>
              {r.drift.monthly.map((m) => {
                const drifted = m.drifted;
                return (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td>{fmt.count(m.n)}</td>
                    <td>{d(m.bias, true)}</td>
                    <td>{iv(m.ci)}</td>
                    <td aria-hidden="true" className="cal__barcell">
                      <span className={`cal__biasbar${drifted ? ' cal__biasbar--drift' : ''}`} style={{ width: `${(100 * Math.abs(m.bias ?? 0)) / maxBias}%` }} />
                    </td>
                    <td>{drifted && <Badge tone="red">drifted</Badge>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <div className="cal__cols">
        <section className="card cal__panel" aria-labelledby="cal-class-h">
          <h2 id="cal-class-h" className="card__title">
            Good or bad, bucket by bucket
          </h2>
          {r.classification.length === 0 ? (
            <p className="muted">No SLT reads this feed with a threshold.</p>
          ) : (
            <table className="table" aria-label="Agreement on good and bad at each SLT's threshold">
              <thead>
                <tr>
                  <th scope="col">SLT</th>
                  <th scope="col">Good at</th>
                  <th scope="col">Both good</th>
                  <th scope="col">Feed good, reference bad</th>
                  <th scope="col">Feed bad, reference good</th>
                  <th scope="col">Both bad</th>
                  <th scope="col">Agreement</th>
                  <th scope="col" title="Cohen's kappa: agreement beyond chance; 1 is perfect">Kappa</th>
                </tr>
              </thead>
              <tbody>
                {r.classification.map((k) => (
                  <tr key={k.name}>
                    <th scope="row">{k.name}</th>
                    <td>
                      {fmt.op(k.op)} {c.shape === 'value' && !k.rule.startsWith('share') ? fmt.quantity(k.threshold, c.unit) : fmt.share(k.threshold)}
                    </td>
                    <td>{fmt.count(k.both_good)}</td>
                    <td>{fmt.count(k.feed_good_reference_bad)}</td>
                    <td>{fmt.count(k.feed_bad_reference_good)}</td>
                    <td>{fmt.count(k.both_bad)}</td>
                    <td>{fmt.percent(k.agreement ?? NaN, 1)}</td>
                    <td>{coef(k.kappa)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card cal__panel" aria-labelledby="cal-att-h">
          <h2 id="cal-att-h" className="card__title">
            Attainment from the reference
          </h2>
          <div className="cal__scroll">
            <table className="table" aria-label="Attainment from the feed and from the reference">
              <thead>
                <tr>
                  <th scope="col">SLT</th>
                  <th scope="col">Period</th>
                  <th scope="col">From the feed</th>
                  <th scope="col">From the reference</th>
                  <th scope="col">Difference</th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {c.attainment
                  .slice()
                  .reverse()
                  .map((a) => {
                    const ratio = !(a.kind === 'statistic' || !!a.unit);
                    return (
                      <tr key={`${a.slt}/${a.tier ?? ''}/${a.period}`}>
                        <th scope="row">
                          <a href={href('slt', a.slt, a.tier ? { tier: a.tier } : undefined)}>{a.slt}</a>
                          {a.tier && <span className="cell-sub"> / {a.tier}</span>}
                        </th>
                        <td>
                          {a.period}
                          {!a.complete && '*'}
                        </td>
                        <td>{fmt.attainment(a.from_feed, ratio, a.unit)}</td>
                        <td>{fmt.attainment(a.from_reference, ratio, a.unit)}</td>
                        <td>{a.difference === null ? '–' : ratio ? fmt.points(a.difference) : fmt.quantity(a.difference, a.unit)}</td>
                        <td>
                          {a.verdicts_differ ? (
                            <Badge tone="red">{a.met_feed ? 'met by the feed only' : 'met by the reference only'}</Badge>
                          ) : a.met_feed === null || a.met_reference === null ? (
                            '–'
                          ) : (
                            'same'
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
          <p className="muted sltd__small">* period still running. The same definition (calendar, exclusions, tiers) evaluated once on each feed.</p>
        </section>
      </div>
    </>
  );
}
