// The improvement loop around one SLT (Analysis.Loop): the counter-metric
// read beside it, the leading indicators kept for it with what the data
// says about them, the share it excludes per period, its review, and its
// analyses, live actions and initiatives.
import type { SLTLoop } from '../../api/loop';
import { href } from '../../state/route';
import { Badge } from '../../components/ui/Badge';
import * as fmt from '../../format';
import { dueText, periodRange, rcaDue } from '../loop/loopFormat';

export function LoopPanel({ loop }: { loop: SLTLoop }) {
  const c = loop.counter_metric;
  const ex = loop.excluded;
  const lastShare = ex ? [...ex.periods].reverse().find((p) => p.complete && !p.tier) ?? [...ex.periods].reverse().find((p) => p.complete) : undefined;
  const r = loop.review;
  return (
    <section className="card sltd__panel sltd__full" aria-labelledby="loop-h" data-testid="slt-loop">
      <h2 id="loop-h" className="card__title">
        Improvement loop
      </h2>
      <div className="sltd__loop">
        <div>
          <h3 className="subhead">Counter-metric</h3>
          {c ? (
            <p>
              <a href={href('slt', c.slt)}>{c.display_name}</a> {c.value}
              {c.period && ` in ${c.period}`} {c.met === false ? <Badge tone="red">missed</Badge> : c.met ? <Badge tone="green">met</Badge> : null}
              <span className="cell-sub"> — read beside this SLT, so that improving one number at the other's expense shows.</span>
            </p>
          ) : (
            <p className="muted">None named (spec.counterMetric).</p>
          )}
          <h3 className="subhead">Leading indicators kept</h3>
          {loop.leads.length === 0 ? (
            <p className="muted">None kept (spec.leads); try one with `slate correlate`.</p>
          ) : (
            <ul className="loop-list" aria-label="Leading indicators">
              {loop.leads.map((l) => (
                <li key={l.lead.ref}>
                  {l.sentence}
                  {l.best_lag !== null && l.r !== null && (
                    <span className="cell-sub">
                      {' '}
                      (best lag {l.best_lag} days, r = {fmt.number(l.r)}, p {fmt.pValue(l.p_adjusted)} after trying {l.lags_tested} lags)
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h3 className="subhead">Excluded share</h3>
          {ex && lastShare ? (
            <p>
              {ex.measure} in {lastShare.period}: <strong>{lastShare.share !== null ? fmt.share(lastShare.share) : '–'}</strong>
              {lastShare.usual_share !== null && <span className="cell-sub"> (usually {fmt.share(lastShare.usual_share)})</span>}
              {ex.rising.map((why) => (
                <span key={why} className="text-bad">
                  {' '}
                  {why}
                </span>
              ))}
              {ex.unconfirmed_pauses > 0 && <span className="cell-sub"> · {ex.unconfirmed_pauses} decisive pauses wait for a second person</span>}
            </p>
          ) : (
            <p className="muted">Nothing measured.</p>
          )}
        </div>
        <div>
          <h3 className="subhead">Review</h3>
          <p>
            {r.cycle ? `${r.cycle} cycle` : 'no cycle'}
            {r.next_review && `, next review ${r.next_review}`}
            {r.last_review && `, last reviewed ${r.last_review.date}`}
          </p>
          {r.due && (
            <ul className="loop-list" aria-label="Review due">
              {r.reasons.map((why) => (
                <li key={why} className="text-bad">
                  {why}
                </li>
              ))}
            </ul>
          )}
          <h3 className="subhead">Root-cause analyses</h3>
          {loop.rcas.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="loop-list">
              {loop.rcas.map((x) => (
                <li key={x.id}>
                  <a href={href('rca', x.id)}>{x.id}</a> {x.status} · missed {periodRange(x.periods)} · due <span className={x.overdue ? 'text-bad' : undefined}>{rcaDue(x)}</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="subhead">
            Live actions · <a href={href('actions', { slt: loop.slt })}>add one</a>
          </h3>
          {loop.actions.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="loop-list">
              {loop.actions.map((a) => (
                <li key={a.id}>
                  <strong>{a.id}</strong> {a.title} · {a.owner} · <span className={a.overdue ? 'text-bad' : undefined}>{dueText(a)}</span>
                </li>
              ))}
            </ul>
          )}
          {loop.improvements.length > 0 && (
            <>
              <h3 className="subhead">Initiatives</h3>
              <ul className="loop-list">
                {loop.improvements.map((i) => (
                  <li key={i.id}>
                    <a href={href('improvements', i.id)}>{i.id}</a> {i.description} ({i.change})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      {loop.problems.length > 0 && <p className="cell-sub">Not computed: {loop.problems.join('; ')}</p>}
    </section>
  );
}
