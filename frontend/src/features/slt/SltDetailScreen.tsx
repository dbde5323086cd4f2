// SLT detail: the verdict, control chart with limits and rule flags, trend and
// time to breach, seasonality, baseline band (Analysis.SLT); every period with
// a link to its rows (Compliance.Report); a what-if target (Compliance.WhatIf);
// breaches (Compliance.Breaches); assumptions and escalation path.
import { useId, useState } from 'react';
import { useApi } from '../../api';
import type { WhatIf } from '../../api/compliance';
import { useSession } from '../../state/session';
import { LoopPanel } from './LoopPanel';
import { ForecastPanel } from '../foresight/ForecastPanel';
import { rcaOfBreach } from '../loop/loopFormat';
import '../loop/loop.css';
import { Button } from '../../components/ui/Button';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { href } from '../../state/route';
import { useLoad } from '../../state/useLoad';

import { TypeBadge } from '../portfolio/TypeBadge';
import { BudgetBar, Breadcrumbs, RagPill, useServiceName } from '../portfolio/rag';
import { BandChart, ControlChartView, SeasonChart } from './charts';
import * as fmt from '../../format';
import '../portfolio/dashboard.css';
import './slt.css';

export function SltDetailScreen({ slt, tier, theme }: { slt: string; tier?: string; theme: string }) {
  const api = useApi();
  const serviceName = useServiceName();
  const { data: a, error: aErr, reload: reloadAnalysis } = useLoad(() => api.analysis.slt({ slt, tier }), [api, slt, tier]);
  const { data: report, error: rowsErr, reload: reloadReport } = useLoad(() => api.compliance.report(slt), [api, slt]);
  const rows = report?.rows ?? null;
  const status = report?.status ?? null;
  const [raw, setRaw] = useState(false);
  const { data: breaches } = useLoad(
    () => api.breaches.list().then((l) => l.breaches.filter((b) => b.slt === slt), () => []),
    [api, slt],
  );
  const { can } = useSession();
  const mayLoop = can('Analysis/Loop');
  const { data: loop, reload: reloadLoop } = useLoad(() => api.loop.sltLoop(slt), [api, slt], { enabled: mayLoop });
  const mayPredict = can('Foresight/Predict');
  const { data: forecast, error: forecastErr } = useLoad(() => api.foresight.predict({ slt }), [api, slt], { enabled: mayPredict });
  // the SLT's feed, when it is calibrated against a reference: a link to its calibration
  const { data: calibrated } = useLoad(() => api.foresight.calibratedFeeds().catch(() => []), [api], { enabled: can('Foresight/CalibratedFeeds') });
  const calFeed = calibrated?.find((f) => f.slts.includes(slt));
  const [openErr, setOpenErr] = useState<Error | null>(null);
  const load = () => {
    reloadAnalysis();
    reloadReport();
    if (mayLoop) reloadLoop();
  };
  const rcaOf = rcaOfBreach(loop?.rcas ?? []);
  const openRCA = (id: string) =>
    api.loop.rcas.open(id).then(
      (r) => (window.location.hash = href('rca', r.id)),
      (e) => setOpenErr(e instanceof Error ? e : new Error(String(e))),
    );
  const follow = (id: string) => {
    const r = rcaOf.get(id);
    return (
      <span className="breach-loop">
        {r ? (
          <a href={href('rca', r.id)}>{r.id}</a>
        ) : (
          can('RCAs/Open') && (
            <button type="button" className="linkish" onClick={() => openRCA(id)} aria-label={`Open a root-cause analysis of ${id}`}>
              open RCA
            </button>
          )
        )}
        {can('Actions/Add') && <a href={href('actions', { breach: id })} aria-label={`Add an action about ${id}`}>add action</a>}
      </span>
    );
  };

  const def = a?.definition;
  const ratio = a?.analysis.ratio ?? true;
  const unit = a?.analysis.unit ?? '';
  const mine = (rows ?? []).filter((r) => (tier ? r.tier === tier : r.tier === '')).slice().reverse();
  // The feed's data owner, as the report rows carry it (composites have none).
  const dataOwner = (rows ?? []).find((r) => r.data_owner)?.data_owner ?? '';
  const hasBand = !!a?.analysis.baseline_band && a.analysis.baseline_band.points.length > 0;

  const breachesPanel = (
    <section className="card sltd__panel" aria-labelledby="br-h">
      <h2 id="br-h" className="card__title">Breaches</h2>
      {breaches === null ? (
        <Loading>Reading the breach log…</Loading>
      ) : breaches.length === 0 ? (
        <p className="muted">No missed complete period.</p>
      ) : (
        <ul className="sltd__list">
          {breaches.map((b) => (
            <li key={b.id}>
              <a href={href('slt', slt, b.period, b.tier ? { tier: b.tier } : undefined)}>{b.period}</a>
              {b.tier && <span className="muted"> · {b.tier}</span>} {fmt.attainment(b.attainment, ratio, unit)}
              {b.false_positive ? <span className="muted"> (false positive)</span> : <span className="muted"> · priority {fmt.number(b.priority)}</span>}
              {!b.false_positive && <> {follow(b.id)}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="page sltd" data-testid="slt-detail">
      <Breadcrumbs
        items={[
          { label: 'Portfolio', href: href('portfolio') },
          ...(def ? [{ label: serviceName(def.service), href: href('portfolio', def.service) }] : []),
          { label: `${def?.display_name || slt}${tier ? ` · ${tier}` : ''}` },
        ]}
      />
      <div className="page__head">
        <div>
          <h1>
            {def?.display_name || slt}
            {tier ? ` · ${tier}` : ''}
          </h1>
          {def && (
            <p className="page__lede sltd__facts">
              <TypeBadge type={def.type} /> <span className="mono">{def.objective || def.tiers.map((t) => `${t.name} ${fmt.objective(t.op || def.op, t.target, ratio, unit)}`).join(' · ')}</span>
              <span>per {def.period}</span>
              <span>{def.indicator}{def.statistic ? ` (${def.statistic})` : ''}</span>
              <span>owner {def.owner || '–'}</span>
              {dataOwner && <span>data owner {dataOwner}</span>}
              {def.supplier && <span>supplier {def.supplier}</span>}
              {calFeed && (
                <a href={href('calibration', calFeed.feed)}>
                  {calFeed.feed} calibrated against {calFeed.reference}
                </a>
              )}
              {def.tiers.length > 0 && (
                <span>
                  tiers:{' '}
                  {[{ name: '', label: 'overall' }, ...def.tiers.map((t) => ({ name: t.name, label: t.name }))].map((t, i) => (
                    <span key={t.name}>
                      {i > 0 && ' · '}
                      {t.name === (tier ?? '') ? <strong>{t.label}</strong> : <a href={href('slt', slt, t.name ? { tier: t.name } : undefined)}>{t.label}</a>}
                    </span>
                  ))}
                </span>
              )}
            </p>
          )}
        </div>
      </div>

      {status && !tier && (
        <section className={`card sltd__status sltd__status--${status.rag}`} aria-label="Status">
          <h2 className="card__title">
            Status in {status.period} <RagPill status={status.rag} />
          </h2>
          <ul className="sltd__reasons">
            {status.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      {mayPredict && <ForecastPanel forecast={forecast} error={forecastErr} tier={tier} />}
      {aErr ? (
        <ErrorPanel title="The analysis could not be computed" error={aErr} onRetry={load} />
      ) : !a ? (
        <Loading>Analysing {slt}: control chart, trend, seasonality…</Loading>
      ) : (
        <>
          <section className={`card sltd__verdict sltd__verdict--${a.analysis.verdict.status}`} aria-label="Verdict">
            <h2 className="card__title">Verdict</h2>
            <p>{a.analysis.verdict.text}</p>
            <details className="sltd__details">
              <summary>How the verdict was reached</summary>
              <ul>
                {a.analysis.verdict.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </details>
          </section>
          {/* The page is rows of a wide main column and a side column; the seasonality and the
              periods take the whole width, so every chart uses the room there is at 1024 px too. */}
          <div className="sltd__cols">
            <section className="card sltd__panel" aria-labelledby="cc-h">
              <h2 id="cc-h" className="card__title">
                Control chart {a.analysis.chart && <span className="muted">({a.analysis.chart.kind}, {a.analysis.chart.rules} rules)</span>}
              </h2>
              {a.analysis.chart ? (
                <>
                  <p className="muted sltd__small">
                    Reference (phase I): {a.analysis.baseline.why || `${a.analysis.baseline.from_label}..${a.analysis.baseline.to_label}, as given`}.
                  </p>
                  {a.analysis.adjustment?.applied && (
                    <p className="muted sltd__small">
                      {raw ? 'Raw daily values, as measured; the limits apply to the adjusted values.' : `Adjusted: ${a.analysis.adjustment.why}.`}{' '}
                      <Button variant="ghost" onClick={() => setRaw(!raw)}>
                        {raw ? 'Show adjusted values' : 'Show raw values'}
                      </Button>
                    </p>
                  )}
                  <ControlChartView chart={a.analysis.chart} target={a.analysis.target} ratio={ratio} unit={unit} theme={theme} raw={raw && !!a.analysis.adjustment?.applied} />
                  {a.analysis.chart.violations.length > 0 ? (
                    <ul className="sltd__signals">
                      {a.analysis.chart.violations
                        .slice()
                        .reverse()
                        .map((v, i) => (
                          <li key={i}>
                            <span className={`sev ${v.direction === 'better' ? 'sev--better' : v.direction === 'worse' ? 'sev--page' : 'sev--ticket'}`}>{v.direction}</span>{' '}
                            {v.span_labels[0] === v.span_labels[1] ? v.label : `${v.span_labels[0]}–${v.span_labels[1]}`}: {v.description} <span className="muted">({v.rule})</span>
                          </li>
                        ))}
                    </ul>
                  ) : (
                    <p className="muted sltd__small">No run-rule signal in the judged periods: the variation looks like common cause.</p>
                  )}
                </>
              ) : (
                <p className="muted">Not enough complete periods for a control chart ({a.analysis.periods}).</p>
              )}
            </section>
            <div className="sltd__side">
              <section className="card sltd__panel" aria-labelledby="tr-h">
                <h2 id="tr-h" className="card__title">Trend and time to breach</h2>
                {a.analysis.trend ? (
                  <dl className="sltd__kv">
                    <div>
                      <dt>Direction</dt>
                      <dd>
                        {a.analysis.trend.direction} {a.analysis.trend.significant ? '(significant)' : '(not significant)'}
                      </dd>
                    </div>
                    <div>
                      <dt>Slope per period</dt>
                      <dd className="mono">{ratio ? fmt.points(a.analysis.trend.slope) : fmt.quantity(a.analysis.trend.slope, unit)}</dd>
                    </div>
                    <div>
                      <dt>Mann–Kendall p</dt>
                      <dd className="mono">{fmt.pValue(a.analysis.trend.mann_kendall_p)}</dd>
                    </div>
                  </dl>
                ) : (
                  <p className="muted">Too few periods for a trend.</p>
                )}
                <p className="sltd__small">{a.analysis.time_to_breach.message}</p>
              </section>
              <WhatIfPanel slt={slt} ratio={ratio} unit={unit} current={a.analysis.target} op={a.analysis.op} tier={tier ?? ''} key={tier ?? ''} disabled={!tier && (def?.tiers.length ?? 0) > 0 && !def?.objective} />
            </div>
          </div>
          {hasBand && a.analysis.baseline_band && (
            <div className="sltd__cols">
              <section className="card sltd__panel" aria-labelledby="bb-h">
                <h2 id="bb-h" className="card__title">
                  Baseline band{' '}
                  <span className="muted">
                    (rolling median of {a.analysis.baseline_band.window} periods; next period expected {fmt.attainment(a.analysis.baseline_band.next.lower, ratio, unit)} to{' '}
                    {fmt.attainment(a.analysis.baseline_band.next.upper, ratio, unit)})
                  </span>
                </h2>
                <BandChart points={a.analysis.baseline_band.points} ratio={ratio} unit={unit} theme={theme} />
              </section>
              <div className="sltd__side">{breachesPanel}</div>
            </div>
          )}
          {a.analysis.seasonality && (a.analysis.seasonality.hour_of_day || a.analysis.seasonality.day_of_week) && (
            <section className="card sltd__panel sltd__full" aria-labelledby="se-h">
              <h2 id="se-h" className="card__title">
                Seasonality <span className="muted">({fmt.count(a.analysis.seasonality.samples)} hourly samples; difference of each hour and weekday from the mean)</span>
              </h2>
              <div className="sltd__season">
                {a.analysis.seasonality.hour_of_day && (
                  <div>
                    <h3 className="sltd__h3">
                      Hour of day: best {a.analysis.seasonality.hour_of_day.best}, worst {a.analysis.seasonality.hour_of_day.worst}
                    </h3>
                    <SeasonChart title="Hour of day" idx={a.analysis.seasonality.hour_of_day} ratio={ratio} unit={unit} theme={theme} />
                  </div>
                )}
                {a.analysis.seasonality.day_of_week && (
                  <div>
                    <h3 className="sltd__h3">
                      Day of week: best {a.analysis.seasonality.day_of_week.best}, worst {a.analysis.seasonality.day_of_week.worst}
                    </h3>
                    <SeasonChart title="Day of week" idx={a.analysis.seasonality.day_of_week} ratio={ratio} unit={unit} theme={theme} />
                  </div>
                )}
              </div>
            </section>
          )}
        </>
      )}

      {openErr && <ErrorPanel title="The analysis could not be opened" error={openErr} />}
      {loop && !tier && <LoopPanel loop={loop} />}
      <section className="card sltd__panel sltd__full" aria-labelledby="pe-h">
        <h2 id="pe-h" className="card__title">Periods — open one to see the rows behind it</h2>
        {rowsErr ? (
          <ErrorPanel title="The periods could not be computed" error={rowsErr} onRetry={load} />
        ) : !rows ? (
          <Loading>Computing every period…</Loading>
        ) : mine.length === 0 ? (
          <p className="muted">No period has data yet: import the feed's first file (Imports) and its periods show here.</p>
        ) : (
          <div className="table-wrap sltd__periods" tabIndex={0} role="region" aria-label="Periods">
            <table className="table">
              <caption className="visually-hidden">Every period of {slt}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Attainment
                  </th>
                  <th scope="col" className="num">
                    Eligible
                  </th>
                  <th scope="col" className="num">
                    Excluded
                  </th>
                  <th scope="col">Error budget</th>
                  <th scope="col" className="num" title="Complete missed periods in a row">
                    Missed run
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.map((r) => {
                  const st = r.met === null ? 'none' : r.met ? (r.budget_remaining !== null && r.budget_remaining < 0.25 ? 'amber' : 'green') : 'red';
                  return (
                    <tr key={r.period}>
                      <td>
                        <a href={href('slt', slt, r.period, tier ? { tier } : undefined)}>{r.period}</a>
                        {!r.complete && <span className="cell-sub"> running</span>}
                      </td>
                      <td>
                        <RagPill status={st} />
                      </td>
                      <td className="num mono">{fmt.against(r.attainment, r.target, ratio, unit)}</td>
                      <td className="num">{fmt.count(r.eligible)}</td>
                      <td className="num">{fmt.count(r.excluded)}</td>
                      <td>
                        <BudgetBar budget={r.budget_remaining} status={st} />
                      </td>
                      <td className="num">
                        {r.consecutive_misses || ''}
                        {r.rca_due && <span className="sev sev--page"> RCA due</span>}
                        {r.complete && r.met === false && <> {follow(`${slt}${r.tier ? `/${r.tier}` : ''}@${r.period}`)}</>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="sltd__cols">
        {def ? (
          <section className="card sltd__panel" aria-labelledby="es-h">
            <h2 id="es-h" className="card__title">Escalation path</h2>
            {def.escalation.length === 0 ? (
              <p className="muted">No escalation path defined: add one to the SLT (Definitions, YAML view) so people know who acts when it is missed.</p>
            ) : (
              <ol className="sltd__esc">
                {def.escalation.map((e) => (
                  <li key={e.level}>
                    <strong>
                      Level {e.level}
                      {e.after ? ` after ${e.after}` : ''}: {e.authority}
                    </strong>
                    {e.contact && <span> · {e.contact}</span>}
                    <div className="muted">{[e.communication, e.remediation].filter(Boolean).join(' — ')}</div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ) : (
          <div />
        )}
        <div className="sltd__side">
          {!hasBand && breachesPanel}
          {def && (
            <section className="card sltd__panel" aria-labelledby="as-h">
              <h2 id="as-h" className="card__title">Assumptions</h2>
              {def.assumptions && (def.assumptions.expected_volume || def.assumptions.dependencies?.length || def.assumptions.notes?.length) ? (
                <dl className="sltd__kv">
                  {def.assumptions.expected_volume && (
                    <div>
                      <dt>Expected volume</dt>
                      <dd>{def.assumptions.expected_volume}</dd>
                    </div>
                  )}
                  {!!def.assumptions.dependencies?.length && (
                    <div>
                      <dt>Depends on</dt>
                      <dd>{def.assumptions.dependencies.join(', ')}</dd>
                    </div>
                  )}
                  {def.assumptions.notes?.map((n) => (
                    <div key={n}>
                      <dt>Note</dt>
                      <dd>{n}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="muted">No assumptions written down for this SLT.</p>
              )}
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function WhatIfPanel({ slt, tier, ratio, unit, current, op, disabled }: { slt: string; tier: string; ratio: boolean; unit: string; current: number | null; op: string; disabled: boolean }) {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState(current === null ? '' : ratio ? String(+(current * 100).toFixed(4)) : String(current));
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<WhatIf | null>(null);
  async function run(e: React.FormEvent) {
    e.preventDefault();
    const v = Number(text.replace(',', '.').replace('%', '').trim());
    if (!text.trim() || !Number.isFinite(v) || (ratio && (v <= 0 || v > 100))) {
      setErr(ratio ? 'Write the target as a percentage between 0 and 100, e.g. 99.5.' : 'Write the target as a number.');
      return;
    }
    setErr(null);
    setBusy(true);
    try {
      setRes(await api.compliance.whatIf(slt, ratio ? v / 100 : v, tier));
    } catch (x) {
      setErr(x instanceof Error ? x.message : String(x));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card sltd__panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="card__title">What-if target{tier && <span className="muted"> · {tier}</span>}</h2>
      {disabled ? (
        <p className="muted">A tiered SLT has one target per tier: pick a tier above to try another target for it.</p>
      ) : (
        <form onSubmit={run} className="sltd__whatif" noValidate>
          <div className={`field${err ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-t`}>
              Proposed target ({fmt.op(op)} {ratio ? '%' : unit || 'value'})
            </label>
            <div className="sltd__row">
              <input id={`${id}-t`} className="input" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-e` : undefined} />
              <Button type="submit" variant="primary" disabled={busy}>
                {busy ? 'Judging…' : 'Judge'}
              </Button>
            </div>
            {err && (
              <p className="field__error" id={`${id}-e`}>
                {err}
              </p>
            )}
          </div>
          {res && (
            <div role="status" className="sltd__small">
              <p>
                At {fmt.objective(res.op, res.proposed_target, ratio, unit)}: met in <strong>{res.met_proposed}</strong> of {res.judged} complete periods
                {res.current_target !== null && (
                  <>
                    {' '}
                    (at the current {fmt.objective(res.op, res.current_target, ratio, unit)}: {res.met_current})
                  </>
                )}
                .
              </p>
              {res.target_met_in_90pct !== null && <p>The strictest target met in 90% of periods: {fmt.bound(res.target_met_in_90pct, res.op, ratio, unit)}.</p>}
              {res.warnings.map((w) => (
                <p key={w.message} className="sltd__warn">
                  {w.message}
                </p>
              ))}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
