// The portfolio dashboard: RAG for every service and SLT in the current
// period, error budgets, the last 13 periods, firing alerts and root causes
// due, filtered by business unit, product line, supplier and type. One call:
// Compliance.Dashboard.
import { useId, useMemo, useState } from 'react';
import { useApi } from '../../api';
import type { Dashboard, DashboardService, DashboardSLT } from '../../api/compliance';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { href } from '../../state/route';
import { useWorkspace } from '../../state/workspace';
import { fmtTime } from '../imports/format';
import { TypeBadge, CriticalityBadge } from './TypeBadge';
import { BudgetBar, Breadcrumbs, RagPill, Sparkline } from './rag';
import * as fmt from '../../format';
import './dashboard.css';
import { useLoad } from '../../state/useLoad';

interface Filters {
  business_unit: string;
  product_line: string;
  supplier: string;
  type: string;
}
const NO_FILTER: Filters = { business_unit: '', product_line: '', supplier: '', type: '' };

const label = (x: { display_name: string; name: string }) => x.display_name || x.name;

export function DashboardScreen({ service }: { service?: string; theme?: string }) {
  const api = useApi();
  const { state } = useWorkspace();
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  // (Re)load with the workspace: the header's reload button reloads both.
  const { data, error, reload: load } = useLoad(() => api.compliance.dashboard(), [api], {
    enabled: state.status !== 'loading',
    refresh: state.overview,
  });

  const services = useMemo(() => (data ? filterServices(data.services, filters, service) : []), [data, filters, service]);
  const kept = useMemo(() => new Set(services.flatMap((s) => s.slts.map((t) => t.name))), [services]);
  const counts = useMemo(() => countRag(services), [services]);
  const groups = useMemo(() => groupByUnit(services), [services]);
  const focus = service ? data?.services.find((s) => s.name === service) : undefined;

  if (error && !data) {
    return (
      <div className="page">
        <Head />
        <ErrorPanel title="The dashboard could not be computed" error={error} onRetry={load} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="page">
        <Head />
        <Loading>Computing the current period for every SLT…</Loading>
      </div>
    );
  }
  const alerts = data.alerts.filter((a) => kept.has(a.slt));
  const trends = data.trends.filter((t) => kept.has(t.slt));
  const rca = data.rca_due.filter((r) => kept.has(r.slt));
  // the loop, under the same filters: an item goes with its SLT (an action with no SLT, with its service)
  const keptServices = new Set(services.map((s) => s.name));
  const openRcas = data.loop.open_rcas.filter((r) => kept.has(r.slt));
  const rcaWithout = rca.filter((r) => !openRcas.some((o) => o.slt === r.slt));
  const overdue = data.loop.overdue_actions.filter((a) => (a.links.slt ? kept.has(a.links.slt) : !a.links.service || keptServices.has(a.links.service)));
  const reviews = data.loop.reviews_due.filter((r) => kept.has(r.slt));
  const sltName = (n: string) => {
    for (const s of data.services) for (const t of s.slts) if (t.name === n) return label(t);
    return n;
  };

  return (
    <div className="page dash" data-testid="portfolio">
      {focus && <Breadcrumbs items={[{ label: 'Portfolio', href: href('portfolio') }, { label: label(focus) }]} />}
      <Head at={data.at} title={focus ? label(focus) : undefined}>
        {!service && data.services.length > 0 && <FilterBar data={data} filters={filters} onChange={setFilters} />}
      </Head>
      {error && (
        <p className="dash__stale" role="alert">
          Showing the last result: {error.message}
        </p>
      )}
      {data.problems.length > 0 && (
        <div className="dash__problems" role="alert">
          <strong>Some figures could not be computed:</strong>
          <ul>
            {data.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {data.services.length === 0 ? (
        <Empty title="This workspace has no services yet">
          <p>
            Add service and SLT definitions with <code>slate apply -f definitions.yaml</code>, or load the example portfolio with{' '}
            <code>slate demo</code>, then reload.
          </p>
        </Empty>
      ) : (
        <>
          <section className="dash__summary" aria-label="Summary">
            <dl className="ragcounts">
              <RagCount tone="red" label="Missed" value={counts.red} />
              <RagCount tone="amber" label="At risk" value={counts.amber} />
              <RagCount tone="green" label="On target" value={counts.green} />
              <RagCount tone="none" label="No data" value={counts.none} />
            </dl>
            <div className="card dash__list" aria-labelledby="alerts-h">
              <h2 id="alerts-h" className="card__title">
                Firing alerts <span className="dash__n">{alerts.length + trends.length}</span>
              </h2>
              {alerts.length + trends.length === 0 ? (
                <p className="muted dash__none">Nothing is burning the error budget too fast.</p>
              ) : (
                <ul>
                  {alerts.map((a, i) => (
                    <li key={`a${i}`}>
                      <span className={`sev sev--${a.severity}`}>{a.severity}</span>
                      <a href={href('slt', a.slt, a.tier ? { tier: a.tier } : undefined)}>{sltName(a.slt)}</a>
                      {a.tier && <span className="muted"> · {a.tier}</span>}
                      <span className="dash__why">{a.rule}</span>
                    </li>
                  ))}
                  {trends.map((t, i) => (
                    <li key={`t${i}`}>
                      <span className="sev sev--trend">trend</span>
                      <a href={href('slt', t.slt, t.tier ? { tier: t.tier } : undefined)}>{sltName(t.slt)}</a>
                      {t.tier && <span className="muted"> · {t.tier}</span>}
                      <span className="dash__why">misses {t.period} on {t.miss_date} at this pace</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="card dash__list" aria-labelledby="rca-h">
              <h2 id="rca-h" className="card__title">
                Root causes <span className="dash__n">{openRcas.length + rcaWithout.length}</span>
              </h2>
              {openRcas.length + rcaWithout.length === 0 ? (
                <p className="muted dash__none">No analysis open, and no SLT has missed enough periods in a row to need one.</p>
              ) : (
                <ul>
                  {openRcas.map((r) => (
                    <li key={r.id}>
                      <span className={`sev ${r.overdue ? 'sev--page' : 'sev--ticket'}`}>{r.overdue ? 'overdue' : 'open'}</span>
                      <a href={href('rca', r.id)}>{r.id}</a>
                      <span>{sltName(r.slt)}</span>
                      <span className="dash__why">
                        due {r.due}, {r.actions.length} {r.actions.length === 1 ? 'action' : 'actions'}
                      </span>
                    </li>
                  ))}
                  {rcaWithout.map((r) => (
                    <li key={r.slt}>
                      <span className="sev sev--page">RCA</span>
                      <a href={href('slt', r.slt)}>{r.display_name || r.slt}</a>
                      <span className="dash__why">
                        missed {r.consecutive_misses} periods in a row, up to {r.period}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
          <section className="dash__loop" aria-label="Improvement loop">
            <div className="card dash__list" aria-labelledby="overdue-h">
              <h2 id="overdue-h" className="card__title">
                <a href={href('actions', { view: 'board' })}>Actions</a> overdue <span className="dash__n">{overdue.length}</span>
                <span className="dash__why"> of {data.loop.live_actions} live</span>
              </h2>
              {overdue.length === 0 ? (
                <p className="muted dash__none">No action is past its due date.</p>
              ) : (
                <ul>
                  {overdue.map((a) => (
                    <li key={a.id}>
                      <span className="sev sev--page">overdue</span>
                      <a href={href('actions', { q: a.id })}>{a.id}</a>
                      <span>{a.title}</span>
                      <span className="dash__why">
                        {a.owner}, due {a.due} ({a.days_overdue} {a.days_overdue === 1 ? 'day' : 'days'} ago)
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="card dash__list" aria-labelledby="reviews-h">
              <h2 id="reviews-h" className="card__title">
                Reviews due <span className="dash__n">{reviews.length}</span>
              </h2>
              {reviews.length === 0 ? (
                <p className="muted dash__none">No SLT is due for review.</p>
              ) : (
                <ul>
                  {reviews.map((r) => (
                    <li key={r.slt}>
                      <span className="sev sev--ticket">review</span>
                      <a href={href('slt', r.slt)}>{r.display_name}</a>
                      <span className="dash__why" title={r.reasons.join('\n')}>
                        {r.reasons[0]?.replace(/^review due because /, '')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>

          {groups.length === 0 && (
            <p className="no-match" role="status">
              No SLT matches these filters.{' '}
              <button type="button" className="linkbtn" onClick={() => setFilters(NO_FILTER)}>
                Clear the filters
              </button>
            </p>
          )}
          {groups.map((g) => (
            <UnitSection key={g.unit || '∅'} unit={g.unit} services={g.services} />
          ))}
        </>
      )}
    </div>
  );
}

function Head({ at, title, children }: { at?: string; title?: string; children?: React.ReactNode }) {
  return (
    <div className="page__head dash__head">
      <div>
        <h1>{title ?? 'Portfolio'}</h1>
        <p className="page__lede">
          {title ? 'Current period of each of its SLTs' : 'Current period of every SLT'}
          {at ? `, as of ${fmtTime(at)}.` : '.'}
        </p>
      </div>
      {children}
    </div>
  );
}

function RagCount({ tone, label, value }: { tone: string; label: string; value: number }) {
  return (
    <div className={`ragcount ragcount--${tone}${value === 0 ? ' is-zero' : ''}`}>
      <dt>
        <span className="rag__dot" aria-hidden="true" />
        {label}
      </dt>
      <dd>{value}</dd>
    </div>
  );
}

function FilterBar({ data, filters, onChange }: { data: Dashboard; filters: Filters; onChange: (f: Filters) => void }) {
  const id = useId();
  const sel = (key: keyof Filters, text: string, options: string[]) => (
    <div className="dash__filter">
      <label htmlFor={`${id}-${key}`}>{text}</label>
      <select id={`${id}-${key}`} className="select" value={filters[key]} onChange={(e) => onChange({ ...filters, [key]: e.target.value })}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
  const active = Object.values(filters).some(Boolean);
  return (
    <div className="dash__filters" role="group" aria-label="Filters">
      {sel('business_unit', 'Business unit', data.filters.business_units)}
      {sel('product_line', 'Product line', data.filters.product_lines)}
      {sel('supplier', 'Supplier', data.filters.suppliers)}
      {sel('type', 'SLA / OLA / UC', data.filters.types)}
      <button type="button" className="linkbtn dash__clear" onClick={() => onChange(NO_FILTER)} disabled={!active}>
        Clear
      </button>
    </div>
  );
}

function UnitSection({ unit, services }: { unit: string; services: DashboardService[] }) {
  const hid = useId();
  const n = services.reduce((k, s) => k + s.slts.length, 0);
  return (
    <section className="bu" aria-labelledby={hid}>
      <h2 id={hid} className="bu__title">
        {unit || 'No business unit'}
        <span className="bu__count">
          {services.length} {services.length === 1 ? 'service' : 'services'} · {n} {n === 1 ? 'SLT' : 'SLTs'}
        </span>
      </h2>
      <div className="bu__services">
        {services.map((s) => (
          <ServiceBlock key={s.name} s={s} />
        ))}
      </div>
    </section>
  );
}

function ServiceBlock({ s }: { s: DashboardService }) {
  const tid = useId();
  return (
    <article className="card service" data-testid={`service-${s.name}`} aria-labelledby={tid}>
      <header className="service__head">
        <div className="service__title">
          <RagPill status={s.status} title="The worst status of the service's SLTs" />
          <h3 id={tid}>
            <a href={href('portfolio', s.name)}>{label(s)}</a>
          </h3>
          <CriticalityBadge value={s.criticality} />
        </div>
        <dl className="service__meta">
          {s.product_line && (
            <div>
              <dt>Product line</dt>
              <dd>{s.product_line}</dd>
            </div>
          )}
          <div>
            <dt>Owner</dt>
            <dd>{s.owner || <span className="muted">not set</span>}</dd>
          </div>
        </dl>
      </header>
      {s.slts.length === 0 ? (
        <p className="service__empty">No service level targets defined for this service yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table dash__table">
            <caption className="visually-hidden">Service level targets of {label(s)} in the current period</caption>
            <colgroup>
              <col className="c-status" />
              <col />
              <col className="c-type" />
              <col className="c-period" />
              <col className="c-att" />
              <col className="c-budget" />
              <col className="c-spark" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="rag__text">Status</span>
                </th>
                <th scope="col">SLT</th>
                <th scope="col">Type</th>
                <th scope="col">Period</th>
                <th scope="col" className="num" title="Attainment in the period">
                  Attained
                </th>
                <th scope="col">Error budget</th>
                <th scope="col">Last 13 periods</th>
              </tr>
            </thead>
            <tbody>
              {s.slts.map((t) => (
                <SltRow key={t.name} t={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

function SltRow({ t }: { t: DashboardSLT }) {
  const cur = t.current;
  const rowsHref = cur ? href('slt', t.name, cur.period) : undefined;
  return (
    <tr data-testid={`slt-${t.name}`}>
      <td>
        <RagPill status={t.status} />
      </td>
      <td>
        <div className="cell-stack">
          <a className="cell-strong" href={href('slt', t.name)}>
            {label(t)}
          </a>
          <span className="cell-sub">
            <span className="mono">{t.objective || (t.tiers.length ? 'by tier' : '')}</span>
            {t.supplier_name && <> · {t.supplier_name}</>}
            {' · '}
            <span className={`dash__reason dash__reason--${t.status}`} title={t.reasons.join('\n')}>
              {t.reasons[0] ?? t.reason}
              {t.reasons.length > 1 && <span className="muted"> (+{t.reasons.length - 1} more)</span>}
            </span>
          </span>
          {t.tiers.length > 0 && (
            <ul className="dash__tiers">
              {t.tiers.map((tr) => (
                <li key={tr.name}>
                  <span className={`rag__dot rag__dot--${tr.status}`} aria-hidden="true" />
                  <a href={tr.row ? href('slt', t.name, tr.row.period, { tier: tr.name }) : href('slt', t.name, { tier: tr.name })}>{tr.name}</a>{' '}
                  <span className="mono">{fmt.against(tr.row?.attainment, tr.row?.target, t.ratio, t.unit)}</span>
                  <span className="muted"> / {tr.objective}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </td>
      <td>
        <TypeBadge type={t.type} />
      </td>
      <td>
        {cur ? (
          <span className="cell-stack">
            <a className="dash__period" href={rowsHref} title="The rows behind this figure">
              {cur.period}
            </a>
            {!t.is_current && <span className="cell-sub">last with data</span>}
            {!cur.complete && t.is_current && <span className="cell-sub">so far</span>}
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      <td className="num mono">{fmt.against(cur?.attainment, cur?.target, t.ratio, t.unit)}</td>
      <td>
        <BudgetBar budget={t.budget} status={t.status} />
      </td>
      <td>
        <Sparkline
          points={t.spark}
          label={`${label(t)}, last ${t.spark.length} periods: ${t.spark.map((p) => `${p.period} ${fmt.attainment(p.attainment, t.ratio, t.unit)}${p.met === false ? ' missed' : ''}`).join(', ')}`}
        />
      </td>
    </tr>
  );
}

function filterServices(all: DashboardService[], f: Filters, only?: string): DashboardService[] {
  const eq = (want: string, have: string) => !want || want.toLowerCase() === (have || '').toLowerCase();
  const out: DashboardService[] = [];
  for (const s of all) {
    if (only && s.name !== only) continue;
    if (!eq(f.business_unit, s.business_unit) || !eq(f.product_line, s.product_line)) continue;
    const slts = s.slts.filter((t) => eq(f.supplier, t.supplier_name) && eq(f.type, t.type));
    if (slts.length === 0 && (f.supplier || f.type)) continue;
    out.push({ ...s, slts });
  }
  return out;
}

function countRag(services: DashboardService[]) {
  const c = { red: 0, amber: 0, green: 0, none: 0 };
  for (const s of services) for (const t of s.slts) c[(t.status in c ? t.status : 'none') as keyof typeof c]++;
  return c;
}

function groupByUnit(services: DashboardService[]) {
  const m = new Map<string, DashboardService[]>();
  for (const s of services) {
    const u = s.business_unit?.trim() ?? '';
    m.set(u, [...(m.get(u) ?? []), s]);
  }
  return [...m.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([unit, list]) => ({ unit, services: list.sort((a, b) => label(a).localeCompare(label(b))) }));
}
