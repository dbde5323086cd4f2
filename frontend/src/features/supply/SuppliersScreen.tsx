// Suppliers: whether the end-to-end SLTs are covered by contracts and can be
// met (gaps, overlaps, orphans, feasibility, and periods where the parts met
// their targets yet the whole missed), each supplier's assessed maturity
// beside its measured record, and a joint review with one supplier: its
// scope, the data set both sides check, and the supplier pack.
import { useEffect, useState } from 'react';
import { useApi } from '../../api';
import { jobFraction } from '../../api/jobs';
import { formatBytes, saveFile } from '../../api/files';
import { normalisePackResult, type PackFile, type PackResult } from '../../api/packs';
import type { EndToEnd, SupplierMaturity } from '../../api/supply';
import { Badge } from '../../components/ui/Badge';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import * as fmt from '../../format';
import { useSession } from '../../state/session';
import { useLoad } from '../../state/useLoad';
import { href } from '../../state/route';
import { Button, Field, Notice, ProgressBar } from '../imports/controls';
import { useJob } from '../imports/useJob';
import { lastCompleteMonth, periodError } from '../pack/period';
import { AGREEMENT, CHAIN_STATUS, TREND, needed, periodsMet, score, toError } from './supplyFormat';
import './supply.css';

export function SuppliersScreen({ supplier, now = () => new Date() }: { supplier?: string; now?: () => Date }) {
  const api = useApi();
  const { can } = useSession();
  const chain = useLoad(() => api.suppliers.check(), [api]);
  const maturity = useLoad(() => api.suppliers.maturity(), [api], { enabled: can('Suppliers/Maturity') });
  // The joint review comes first when the address names a supplier (#/suppliers/parcelnet).
  const joint = can('Suppliers/Scope') && <JointReview suppliers={maturity.data?.suppliers ?? []} initial={supplier} now={now} />;
  return (
    <div className="page page--suppliers" data-testid="suppliers">
      <div className="page__head">
        <div>
          <h1>Suppliers</h1>
          <p className="page__lede">
            Whether the contracts cover every part of each end-to-end target and can add up to it, how each supplier's assessed maturity compares
            with what it delivered, and the joint review with one supplier.
          </p>
        </div>
        <Button icon="refresh" onClick={() => Promise.all([chain.reload(), maturity.reload()])}>
          Refresh
        </Button>
      </div>

      {supplier && joint}
      <section className="card panel" aria-labelledby="chain-h">
        <div className="panel__head">
          <h2 className="panel__title" id="chain-h">
            End-to-end chains
          </h2>
        </div>
        {chain.error ? (
          <ErrorPanel title="The chain check failed" error={chain.error} onRetry={chain.reload} />
        ) : !chain.data ? (
          <Loading>Checking the supply chains…</Loading>
        ) : chain.data.end_to_end.length === 0 && chain.data.orphans.length === 0 ? (
          <Empty title="No end-to-end SLT">
            Declare the parts of an end-to-end SLT in its <span className="mono">spec.components</span> (each an SLT, serial or parallel) to check it against the
            contracts.
          </Empty>
        ) : (
          <>
            {chain.data.end_to_end.map((e) => (
              <Chain key={e.slt} e={e} />
            ))}
            {chain.data.orphans.length > 0 && (
              <div className="chain">
                <h3 className="chain__title">Contracts outside every chain</h3>
                {chain.data.orphans.map((o) => (
                  <Notice key={o.contract} tone="warning" title={`Orphan contract ${o.contract} (${o.supplier})`}>
                    {o.message}
                  </Notice>
                ))}
              </div>
            )}
          </>
        )}
      </section>

      {can('Suppliers/Maturity') && (
        <section className="card panel" aria-labelledby="mat-h">
          <div className="panel__head">
            <h2 className="panel__title" id="mat-h">
              Maturity beside the record
            </h2>
          </div>
          {maturity.error ? (
            <ErrorPanel title="The maturity report failed" error={maturity.error} onRetry={maturity.reload} />
          ) : !maturity.data ? (
            <Loading>Scoring the assessments…</Loading>
          ) : maturity.data.suppliers.length === 0 ? (
            <Empty title="No supplier">Define a Supplier and its contracts to see its record.</Empty>
          ) : (
            <MaturityTable suppliers={maturity.data.suppliers} />
          )}
        </section>
      )}

      {!supplier && joint}
    </div>
  );
}

function Chain({ e }: { e: EndToEnd }) {
  const f = e.feasibility;
  const problems = e.periods.filter((p) => p.status === 'mapping_problem');
  return (
    <article className="chain" aria-label={`Chain of ${e.slt}`}>
      <h3 className="chain__title">
        <a href={href('slt', e.slt)}>{e.slt}</a> <span className="mono">{fmt.objective(e.op, e.target, true)}</span>
        <span className="muted">
          {' '}
          · service {e.service}
          {e.owner ? ` · owner ${e.owner}` : ''}
        </span>
      </h3>
      <div className="table-wrap">
        <table className="table table--auto">
          <caption className="visually-hidden">Components of {e.slt}</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Relation</th>
              <th scope="col" className="num">Target</th>
              <th scope="col">Contracts</th>
              <th scope="col">Suppliers</th>
            </tr>
          </thead>
          <tbody>
            {e.components.map((c) => (
              <tr key={c.slt}>
                <td>
                  <a href={href('slt', c.slt)}>{c.slt}</a>
                  {c.nested && <span className="muted"> (has parts of its own)</span>}
                </td>
                <td>{c.relation}</td>
                <td className="num">{fmt.objective(c.op, c.target, true)}</td>
                <td>{c.contracts.length ? c.contracts.join(', ') : <span className="text-bad">none</span>}</td>
                <td>{c.suppliers.length ? c.suppliers.join(', ') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {e.gaps.map((g) => (
        <Notice key={`gap-${g.slt}`} tone="warning" title={`Gap: ${g.slt} has no contract`}>
          {g.message}
        </Notice>
      ))}
      {e.overlaps.map((o) => (
        <Notice key={`ov-${o.slt}`} tone="warning" title={`Overlap: ${o.slt} is under ${o.contracts.length} contracts`}>
          {o.message}
        </Notice>
      ))}

      <h4 className="chain__sub">
        Feasibility{' '}
        <Badge tone={f.feasible ? 'green' : 'red'}>{f.feasible ? 'feasible' : 'not feasible'}</Badge>
      </h4>
      <p>
        The components' targets allow at most <strong>{fmt.share(f.best)}</strong> end to end, against a target of {fmt.target(e.target, true)}.
        {!f.feasible && f.fix && (
          <>
            {' '}
            <strong>
              Raise {f.fix.slt} from {fmt.target(f.fix.from, true)} to {needed(f.fix.to)}
            </strong>{' '}
            ({fmt.points(f.fix.change)} more) and the chain can meet it.
          </>
        )}
        {!f.feasible && !f.fix && f.balanced.length > 0 && (
          <>
            {' '}
            No single component can close the gap; raise several, for example{' '}
            {f.balanced.map((b, i) => (
              <span key={b.slt}>
                {i > 0 && ', '}
                <strong>
                  {b.slt} to {needed(b.to)}
                </strong>
              </span>
            ))}
            , or lower the end-to-end target to {fmt.share(f.best)}.
          </>
        )}
      </p>
      {!f.feasible && f.options.length > 0 && (
        <div className="table-wrap">
          <table className="table table--auto">
            <caption className="visually-hidden">What each component alone would need</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col" className="num">Target now</th>
                <th scope="col" className="num">Alone would need</th>
                <th scope="col" className="num">Change</th>
              </tr>
            </thead>
            <tbody>
              {f.options.map((o) => (
                <tr key={o.slt}>
                  <td>{o.slt}</td>
                  <td className="num">{fmt.target(o.from, true)}</td>
                  <td className={o.possible ? 'num' : 'num text-bad'}>{needed(o.to)}</td>
                  <td className="num">{o.possible ? `+${fmt.points(o.change)}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {e.periods.length > 0 && (
        <>
          <h4 className="chain__sub">Measured, period by period</h4>
          {problems.length > 0 && (
            <Notice tone="error" title={`The parts met their targets, yet the whole missed in ${problems.map((p) => p.period).join(', ')}`}>
              <ul className="joint__list">
                {problems.map((p) => (
                  <li key={p.period}>{sentence(p.message)}</li>
                ))}
              </ul>
            </Notice>
          )}
          <div className="table-wrap">
            <table className="table table--auto">
              <caption className="visually-hidden">Measured attainment of {e.slt} and its parts</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">End to end</th>
                  <th scope="col" className="num" title="The chain formula over the parts' measured attainments">
                    From the parts
                  </th>
                  <th scope="col">Parts</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {e.periods
                  .slice()
                  .reverse()
                  .map((p) => {
                    const st = CHAIN_STATUS[p.status] ?? { label: p.status, tone: 'neutral' as const };
                    return (
                      <tr key={p.period}>
                        <td>{p.period}</td>
                        <td className="num">{fmt.against(p.attainment, e.target, true)}</td>
                        <td className="num">{fmt.percent(p.expected)}</td>
                        <td className="cell-sub">
                          {p.parts.map((x) => `${x.slt} ${fmt.against(x.attainment, x.target, true)}${x.met === false ? ' (missed)' : ''}`).join(' · ')}
                        </td>
                        <td>
                          <Badge tone={st.tone}>{st.label}</Badge>
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </article>
  );
}

function MaturityTable({ suppliers }: { suppliers: SupplierMaturity[] }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table table--auto">
          <caption className="visually-hidden">Each supplier's maturity beside its record</caption>
          <thead>
            <tr>
              <th scope="col">Supplier</th>
              <th scope="col">Assessed maturity</th>
              <th scope="col">Periods met</th>
              <th scope="col">Record</th>
              <th scope="col">Service credits</th>
              <th scope="col">Trend</th>
              <th scope="col">Agreement</th>
            </tr>
          </thead>
          <tbody>
            {suppliers.map((s) => {
              const ag = AGREEMENT[s.agreement] ?? { label: s.agreement, tone: 'neutral' as const };
              const r = s.reliability;
              return (
                <tr key={s.supplier} className={s.disagrees ? 'is-flagged' : undefined}>
                  <td>
                    <span className="cell-stack">
                      <span className="cell-strong">{s.display_name || s.supplier}</span>
                      <span className="cell-sub">
                        {s.supplier} · <a href={href('suppliers', s.supplier)} aria-label={`Joint review with ${s.display_name || s.supplier}`}>joint review</a>
                      </span>
                    </span>
                  </td>
                  <td>
                    {s.latest ? (
                      <span className="cell-stack">
                        <span>
                          {score(s.latest.score)} <span className="muted">({s.latest.band})</span>
                        </span>
                        <span className="cell-sub">
                          {s.latest.date} by {s.latest.assessor}
                        </span>
                      </span>
                    ) : (
                      <span className="muted">not assessed</span>
                    )}
                  </td>
                  <td>{periodsMet(r.met, r.periods, r.met_share)}</td>
                  <td>{r.band}</td>
                  <td>{r.credits.length ? r.credits.map((c) => fmt.money(c.amount, c.currency)).join(', ') : 'none'}</td>
                  <td>{TREND[r.trend] ?? r.trend}</td>
                  <td>
                    <Badge tone={ag.tone}>{ag.label}</Badge>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="areas">
        {suppliers
          .filter((s) => s.latest)
          .map((s) => (
            <div key={s.supplier} className="areas__one">
              <h3 className="chain__sub">
                {s.display_name || s.supplier}: score by area <span className="muted">(1–5, model {s.latest!.model})</span>
              </h3>
              <table className="table table--auto">
                <caption className="visually-hidden">Maturity of {s.supplier} by area</caption>
                <thead>
                  <tr>
                    <th scope="col">Area</th>
                    <th scope="col" className="num">Weight</th>
                    <th scope="col">Score</th>
                    <th scope="col" className="num">Answered</th>
                  </tr>
                </thead>
                <tbody>
                  {s.latest!.areas.map((a) => (
                    <tr key={a.id}>
                      <td>{a.name}</td>
                      <td className="num">{fmt.number(a.weight)}</td>
                      <td>
                        <ScoreBar v={a.score} />
                      </td>
                      <td className="num">
                        {a.answered} of {a.questions}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className={s.disagrees ? 'text-bad' : 'muted'}>{sentence(s.verdict)}</p>
            </div>
          ))}
      </div>
    </>
  );
}

function ScoreBar({ v }: { v: number | null }) {
  if (v === null) return <span className="muted">–</span>;
  const s = fmt.number(Number(v.toFixed(2)));
  return (
    <span className="scorebar" title={`${s} of 5`}>
      <span className="scorebar__track" aria-hidden="true">
        <span className="scorebar__fill" style={{ width: `${(v / 5) * 100}%` }} />
      </span>
      {s}
    </span>
  );
}

const sentence = (m: string) => (m ? `${m[0].toUpperCase()}${m.slice(1)}${/[.!]$/.test(m) ? '' : '.'}` : '');

/** The joint review with one supplier: its scope, the data set, the pack. */
function JointReview({ suppliers, initial, now }: { suppliers: SupplierMaturity[]; initial?: string; now: () => Date }) {
  const api = useApi();
  const { can } = useSession();
  const [supplier, setSupplier] = useState(initial ?? '');
  const [period, setPeriod] = useState(() => lastCompleteMonth(now()));
  // #/suppliers/NAME opens that supplier's review of the last complete month.
  const [asked, setAsked] = useState<{ supplier: string; period: string } | null>(() => (initial ? { supplier: initial, period: lastCompleteMonth(now()) } : null));
  const [periodErr, setPeriodErr] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const job = useJob<PackResult>(250);
  useEffect(() => {
    if (!supplier && suppliers.length) setSupplier(suppliers[0].supplier);
  }, [suppliers, supplier]);
  const scope = useLoad(() => api.suppliers.scope(asked!.supplier, asked!.period), [api, asked?.supplier, asked?.period], { enabled: !!asked });

  function show(e: React.FormEvent) {
    e.preventDefault();
    const pe = periodError(period);
    setPeriodErr(pe);
    if (pe || !supplier) return;
    setNotice(null);
    job.reset();
    setAsked({ supplier, period: period.trim() });
  }

  async function dataSet(feed: string) {
    if (!asked) return;
    setNotice(null);
    try {
      const f = await api.suppliers.dataSet(asked.supplier, asked.period, feed);
      const where = await saveFile(api, f, `Save the data set of ${feed}`);
      if (where) setNotice({ tone: 'success', text: `${f.name}: ${fmt.count(f.rows ?? 0)} rows of ${feed} in ${asked.period} (${formatBytes(f.size)}), saved.` });
    } catch (e) {
      setNotice({ tone: 'error', text: toError(e).message });
    }
  }

  async function buildPack() {
    if (!asked) return;
    setNotice(null);
    await job.run(() => api.packs.start({ period: asked.period, supplier: asked.supplier, services: [], formats: ['pdf', 'xlsx'], anonymize: false }));
  }

  async function download(f: PackFile) {
    setNotice(null);
    try {
      const d = await api.packs.download(f.name);
      await saveFile(api, { name: d.name, type: d.content_type, size: f.size, data: d.data }, 'Save a copy of the pack file');
    } catch (e) {
      setNotice({ tone: 'error', text: toError(e).message });
    }
  }

  const j = job.job;
  const result = j?.state === 'done' && j.result ? normalisePackResult(j.result) : null;
  const sc = scope.data;
  return (
    <section className="card panel" aria-labelledby="joint-h">
      <div className="panel__head">
        <h2 className="panel__title" id="joint-h">
          Joint review with a supplier
        </h2>
      </div>
      <form className="toolbar" onSubmit={show} noValidate aria-labelledby="joint-h">
        <Field label="Supplier">
          {(p) => (
            <select {...p} className="select" value={supplier} onChange={(e) => setSupplier(e.target.value)}>
              {suppliers.length === 0 && <option value="">–</option>}
              {suppliers.map((s) => (
                <option key={s.supplier} value={s.supplier}>
                  {s.display_name || s.supplier}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Review period" error={periodErr}>
          {(p) => <input {...p} className="input" value={period} spellCheck={false} onChange={(e) => setPeriod(e.target.value)} />}
        </Field>
        <Button variant="primary" type="submit" disabled={!supplier}>
          Show the review scope
        </Button>
      </form>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      {!asked ? (
        <p className="muted">Choose a supplier and a period: the review covers its contracts, the SLTs it is bound to or delivers the data of, the data set, its actions and its contingency plan.</p>
      ) : scope.error ? (
        <ErrorPanel title="The review scope could not be read" error={scope.error} onRetry={scope.reload} />
      ) : !sc ? (
        <Loading>Reading the review scope…</Loading>
      ) : (
        <div className="joint">
          <p>
            <strong>{sc.display_name || sc.supplier}</strong>
            {sc.contact && ` · contact ${sc.contact}`}
            {sc.email && ` (${sc.email})`} · contracts {sc.contracts.length ? sc.contracts.join(', ') : 'none'}
          </p>
          <div className="table-wrap">
            <table className="table table--auto">
              <caption className="visually-hidden">SLTs of the review and why</caption>
              <thead>
                <tr>
                  <th scope="col">SLT</th>
                  <th scope="col">Feed</th>
                  <th scope="col">Why it is in the review</th>
                </tr>
              </thead>
              <tbody>
                {sc.slts.map((s) => (
                  <tr key={s.slt}>
                    <td>
                      <a href={href('slt', s.slt)}>{s.slt}</a>
                    </td>
                    <td>{s.feed || '–'}</td>
                    <td>{s.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3 className="chain__sub">Data set for {asked.period}</h3>
          <p className="muted">
            Each feed's rows of the period in the feed's own layout, as an Excel file the supplier can check (and import as it is). {sc.batches.length}{' '}
            import batch{sc.batches.length === 1 ? '' : 'es'} with data in {asked.period}.
          </p>
          {sc.feeds.length === 0 ? (
            <p className="muted">The supplier delivers no feed of these SLTs.</p>
          ) : (
            <ul className="joint__feeds">
              {sc.feeds.map((feed) => (
                <li key={feed}>
                  <span className="mono">{feed}</span>{' '}
                  {can('Suppliers/DataSet') && (
                    <Button onClick={() => dataSet(feed)} aria-label={`Download the data set of ${feed}`}>
                      Download data set (XLSX)
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}

          <h3 className="chain__sub">Improvement actions</h3>
          {sc.actions.length === 0 ? (
            <p className="muted">No action is linked to this supplier.</p>
          ) : (
            <ul className="joint__list">
              {sc.actions.map((a) => (
                <li key={a.id}>
                  <a href={href('actions', { q: a.id })}>{a.id}</a> {a.title}{' '}
                  <span className="muted">
                    · {a.status.replace('_', ' ')} · owner {a.owner || '–'}
                    {a.due ? ` · due ${a.due}` : ''}
                  </span>
                  {a.overdue && <span className="text-bad"> · {a.days_overdue} days overdue</span>}
                </li>
              ))}
            </ul>
          )}

          <h3 className="chain__sub">Contingency plan</h3>
          {sc.contingency ? (
            <dl className="plan">
              <dt>When</dt>
              <dd>{sc.contingency.trigger || '–'}</dd>
              <dt>Failover</dt>
              <dd>{sc.contingency.failover || '–'}</dd>
              <dt>Workaround</dt>
              <dd>{sc.contingency.workaround || '–'}</dd>
              <dt>Last tested</dt>
              <dd>{sc.contingency.last_tested || 'never'}</dd>
              <dt>Contacts</dt>
              <dd>
                {sc.contingency.contacts.map((c) => (
                  <span key={c.name} className="plan__contact">
                    {c.name}
                    {c.role && `, ${c.role}`}
                    {c.phone && `, ${c.phone}`}
                    {c.email && `, ${c.email}`}
                  </span>
                ))}
              </dd>
            </dl>
          ) : (
            <p className="muted">{sc.contingency_plan || 'No contingency plan is recorded for this supplier.'}</p>
          )}

          {can('Packs/Start') && (
            <div className="joint__pack">
              <h3 className="chain__sub">Supplier pack</h3>
              <p className="muted">
                The review pack scoped to {sc.display_name || sc.supplier} for {asked.period} (PDF and Excel), with the data set files beside it, so both sides
                review from one set of data.
              </p>
              {job.running ? (
                <div className="pack-progress">
                  <ProgressBar label={j?.title ?? 'Starting the pack'} fraction={j ? jobFraction(j) : null} detail={j?.step} />
                  <Button onClick={job.cancel}>Cancel</Button>
                </div>
              ) : (
                <Button variant="primary" onClick={buildPack}>
                  Build the supplier pack
                </Button>
              )}
              {job.error && (
                <Notice tone="error" title="The pack was not built">
                  {job.error.message}
                </Notice>
              )}
              {j?.state === 'failed' && (
                <Notice tone="error" title="The pack could not be built">
                  {j.error}
                </Notice>
              )}
              {result && (
                <div className="joint__files" aria-label="Supplier pack files">
                  <p>
                    Built: {result.slts} SLT{result.slts === 1 ? '' : 's'}, {result.sections} sections, fingerprint <span className="mono">{result.fingerprint.slice(0, 16)}…</span>
                  </p>
                  <ul className="joint__list">
                    {result.files.map((f) => (
                      <li key={f.name}>
                        <span className="mono">{f.name}</span> <span className="muted">({f.format === 'data' ? 'data set' : f.format.toUpperCase()}, {formatBytes(f.size)})</span>{' '}
                        <button type="button" className="linkish" onClick={() => download(f)} aria-label={`Download ${f.name}`}>
                          Download
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
