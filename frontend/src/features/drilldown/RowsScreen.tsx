// The rows behind one period's figure of an SLT: every stored row with how it
// counts (good, bad, excluded, out of scope), its findings and the import it
// came from. Pages of rows are fetched as the table scrolls, so a period of
// 100k rows scrolls smoothly (Compliance.Rows, virtualised table).
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApi } from '../../api';
import type { DrillRow, RowsPage, RowsQuery } from '../../api/compliance';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { Badge, type BadgeTone } from '../../components/ui/Badge';
import { CMDBFinding } from '../supply/CMDBFinding';
import { NARROW, useMediaQuery } from '../../components/ui/useMediaQuery';
import { href, useRoute } from '../../state/route';
import { fmtTime } from '../imports/format';
import { Breadcrumbs, useServiceName, useSltTiers } from '../portfolio/rag';
import * as fmt from '../../format';
import '../portfolio/dashboard.css';
import './drilldown.css';

const PAGE = 500;
const ROW_H = 34;

type Status = NonNullable<RowsQuery['status']>;
type Sort = NonNullable<RowsQuery['sort']>;

const STATUS_TONE: Record<string, BadgeTone> = { good: 'green', bad: 'red', excluded: 'violet', 'out-of-scope': 'neutral', counted: 'blue' };

export function RowsScreen({ slt, period, tier }: { slt: string; period: string; tier?: string }) {
  const api = useApi();
  const { navigate } = useRoute();
  const serviceName = useServiceName();
  const known = useSltTiers(slt);
  // the tier in the address is offered even when the overview does not list it (yet)
  const tiers = tier && !known.some((t) => t.name === tier) ? [...known, { name: tier, objective: '' }] : known;
  const [status, setStatus] = useState<Status>('');
  const [sort, setSort] = useState<Sort>('');
  const [head, setHead] = useState<RowsPage | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const pages = useRef(new Map<number, DrillRow[]>());
  const pending = useRef(new Set<number>());
  const [, bump] = useState(0);
  const gen = useRef(0);
  const uid = useId();

  const fetchPage = useCallback(
    async (p: number, g: number) => {
      if (pages.current.has(p) || pending.current.has(p)) return;
      pending.current.add(p);
      try {
        const r = await api.compliance.rows({ slt, period, tier, status, sort, offset: p * PAGE, limit: PAGE });
        if (g !== gen.current) return;
        pages.current.set(p, r.rows);
        if (p === 0) setHead(r);
        bump((n) => n + 1);
      } catch (e) {
        if (g === gen.current) setError(e instanceof Error ? e : new Error(String(e)));
      } finally {
        pending.current.delete(p);
      }
    },
    [api, slt, period, tier, status, sort],
  );

  useEffect(() => {
    const g = ++gen.current;
    pages.current = new Map();
    pending.current = new Set();
    setError(null);
    fetchPage(0, g);
  }, [fetchPage]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const total = head?.total ?? 0;
  const v = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 20 });
  const items = v.getVirtualItems();
  useEffect(() => {
    if (!items.length) return;
    const first = Math.floor(items[0].index / PAGE);
    const last = Math.floor(items[items.length - 1].index / PAGE);
    for (let p = first; p <= last; p++) fetchPage(p, gen.current);
  }, [items, fetchPage]);

  const rowAt = (i: number) => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE];
  const shape = head?.shape ?? '';
  const cols = useMemo(() => columnsFor(shape, head?.unit ?? ''), [shape, head?.unit]);
  const narrow = useMediaQuery(NARROW);

  const crumbs = [
    { label: 'Portfolio', href: href('portfolio') },
    ...(head ? [{ label: serviceName(head.service), href: href('portfolio', head.service) }] : []),
    { label: head?.display_name ?? slt, href: href('slt', slt, tier ? { tier } : undefined) },
    { label: `${period}${tier ? ` · ${tier}` : ''}` },
  ];

  if (error && !head) {
    return (
      <div className="page drill">
        <Breadcrumbs items={crumbs} />
        <ErrorPanel title="The rows could not be read" error={error} onRetry={() => { setError(null); fetchPage(0, gen.current); }} />
      </div>
    );
  }
  if (!head) {
    return (
      <div className="page drill">
        <Breadcrumbs items={crumbs} />
        <Loading>Reading the rows of {period}…</Loading>
      </div>
    );
  }
  const f = head.figure;
  const ratio = f.good !== null;
  const t = head.tally;
  const gaps = t.gap_good + t.gap_bad + t.gap_unknown + t.gap_excluded;
  const addsUp =
    f.good === null
      ? t.counted === f.eligible && t.excluded === f.excluded
      : t.good + t.gap_good === f.good && t.bad + t.gap_bad === (f.bad ?? 0) && t.excluded + t.gap_excluded === f.excluded;

  return (
    <div className="page drill" data-testid="drilldown">
      <Breadcrumbs items={crumbs} />
      <div className="page__head">
        <div>
          <h1>
            Rows behind {head.display_name} · <span className="nowrap">{period}</span>
            {tier ? (
              <>
                {' · '}
                <span className="nowrap">{tier}</span>
              </>
            ) : (
              ''
            )}
          </h1>
          <p className="page__lede">
            {fmtTime(head.start)} to {fmtTime(head.end)} (local midnights in {head.time_zone}) · feed <code>{head.feed}</code> · {head.indicator}
          </p>
        </div>
      </div>
      <div className="drill__pick" role="group" aria-label="Which figure">
        {tiers.length > 0 && <TierPicker tiers={tiers} tier={tier ?? ''} onPick={(t) => navigate(href('slt', slt, period, t ? { tier: t } : undefined))} />}
        {head.periods.length > 1 && (
          <div className="dash__filter">
            <label htmlFor={`${uid}-period`}>Period</label>
            <select id={`${uid}-period`} className="select" value={period} onChange={(e) => navigate(href('slt', slt, e.target.value, tier ? { tier } : undefined))}>
              {head.periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      {head.components.length > 0 ? (
        <div className="card drill__figure">
          <p>{head.note}</p>
          <ul>
            {head.components.map((c) => (
              <li key={c}>
                <a href={href('slt', c, period)}>{c}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <section className="card drill__figure" aria-label="The figure and its rows">
            <dl className="drill__kv">
              <div>
                <dt>Attainment</dt>
                <dd className={f.met === false ? 'is-bad' : undefined}>{fmt.against(f.attainment, f.target, ratio, head.unit)}</dd>
              </div>
              <div>
                <dt>Objective</dt>
                <dd className="mono">
                  {fmt.objective(f.op, f.target, ratio, head.unit)}
                </dd>
              </div>
              {ratio ? (
                <>
                  <div>
                    <dt>Good</dt>
                    <dd>{fmt.count(f.good)}</dd>
                  </div>
                  <div>
                    <dt>Bad</dt>
                    <dd>{fmt.count(f.bad)}</dd>
                  </div>
                </>
              ) : (
                <div>
                  <dt>Values counted</dt>
                  <dd>{fmt.count(f.eligible)}</dd>
                </div>
              )}
              <div>
                <dt>Excluded</dt>
                <dd>{fmt.count(f.excluded)}</dd>
              </div>
              {f.unknown > 0 && (
                <div>
                  <dt>Unknown</dt>
                  <dd>{fmt.count(f.unknown)}</dd>
                </div>
              )}
              <div>
                <dt>Rows</dt>
                <dd>{fmt.count(head.all)}</dd>
              </div>
            </dl>
            <p className={`drill__check ${addsUp ? 'is-ok' : 'is-bad'}`} role="status">
              {addsUp ? '✓ The rows add up to the figure' : '✗ The rows do not add up to the figure'}
              {ratio
                ? `: ${fmt.count(t.good)} good, ${fmt.count(t.bad)} bad, ${fmt.count(t.excluded)} excluded on rows`
                : `: ${fmt.count(t.counted)} values counted, ${fmt.count(t.excluded)} excluded`}
              {gaps > 0 && `; slices without probes: ${fmt.count(t.gap_good)} good, ${fmt.count(t.gap_bad)} bad, ${fmt.count(t.gap_unknown)} unknown, ${fmt.count(t.gap_excluded)} excluded`}
              {t.out_of_scope > 0 && `; ${fmt.count(t.out_of_scope)} rows outside the calendar count nowhere`}.
            </p>
            <p className="drill__note">{head.note}</p>
            {head.cmdb && <CMDBFinding r={head.cmdb} />}
          </section>

          <div className="toolbar drill__toolbar" role="group" aria-label="Show rows">
            <fieldset className="seg">
              <legend className="visually-hidden">Status</legend>
              {(
                [
                  ['', `All ${fmt.count(head.all)}`],
                  [ratio ? 'good' : 'counted', ratio ? 'Good' : 'Counted'],
                  ...(ratio ? [['bad', 'Bad']] : []),
                  ['excluded', 'Excluded'],
                  ...(t.out_of_scope > 0 ? [['out-of-scope', 'Out of scope']] : []),
                  ['findings', `With findings ${fmt.count(t.with_findings)}`],
                ] as [Status, string][]
              ).map(([s, text]) => (
                <label key={s || 'all'} className={`seg__item${status === s ? ' is-on' : ''}`}>
                  <input type="radio" name={`${uid}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
                  {text}
                </label>
              ))}
            </fieldset>
            <div className="dash__filter drill__sort">
              <label htmlFor={`${uid}-sort`}>Order</label>
              <select id={`${uid}-sort`} className="select" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                <option value="">Oldest first</option>
                <option value="-time">Newest first</option>
                <option value="value">{shape === 'item' ? 'Shortest' : 'Lowest'} first</option>
                <option value="-value">{shape === 'item' ? 'Longest' : 'Highest'} first</option>
              </select>
            </div>
            <span className="drill__count" role="status">
              {fmt.count(total)} {total === 1 ? 'row' : 'rows'}
            </span>
          </div>
          {error && (
            <p className="dash__stale" role="alert">
              {error.message}
            </p>
          )}
          <div
            ref={scrollRef}
            className="card drill__scroll"
            tabIndex={0}
            role="region"
            aria-label={`Rows of ${period}, ${fmt.count(total)} in all`}
          >
            <table className={`table drill__table drill__table--${shape || 'rows'}`} aria-rowcount={total + 1}>
              <caption className="visually-hidden">Rows behind {head.display_name} in {period}</caption>
              <colgroup>
                {cols.map((c) => (
                  <col key={c.id} style={c.width ? { width: (narrow && c.narrowWidth) || c.width } : undefined} />
                ))}
              </colgroup>
              <thead>
                <tr aria-rowindex={1}>
                  {cols.map((c) => (
                    <th key={c.id} scope="col" className={c.num ? 'num' : undefined}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.length > 0 && items[0].start > 0 && (
                  <tr aria-hidden="true">
                    <td colSpan={cols.length} style={{ height: items[0].start, padding: 0, border: 0 }} />
                  </tr>
                )}
                {items.map((it) => {
                  const r = rowAt(it.index);
                  return (
                    <tr key={it.index} aria-rowindex={it.index + 2} style={{ height: ROW_H }}>
                      {r ? (
                        cols.map((c) => (
                          <td key={c.id} className={c.num ? 'num' : undefined}>
                            {c.cell(r)}
                          </td>
                        ))
                      ) : (
                        <td colSpan={cols.length} className="muted">
                          Loading…
                        </td>
                      )}
                    </tr>
                  );
                })}
                {items.length > 0 && (
                  <tr aria-hidden="true">
                    <td colSpan={cols.length} style={{ height: v.getTotalSize() - items[items.length - 1].end, padding: 0, border: 0 }} />
                  </tr>
                )}
              </tbody>
            </table>
            {total === 0 && <p className="drill__empty">No rows with this status in {period}.</p>}
          </div>
          <p className="drill__batches">
            From {head.batches.length === 1 ? 'the import' : 'the imports'}{' '}
            {head.batches.map((b, i) => (
              <span key={b.id}>
                {i > 0 && ', '}batch {b.id} <code>{b.file || '(no file name)'}</code>
              </span>
            ))}
            {head.batches.length === 0 && 'none on this page'} — see Imports for their findings and rejects.
          </p>
        </>
      )}
    </div>
  );
}

/**
 * The tiers of a tiered SLT as one radio group: "Overall" and each tier, with its
 * objective. Picking one changes the address (?tier=), so it is bookmarkable and
 * the back button returns to the tier before.
 */
function TierPicker({ tiers, tier, onPick }: { tiers: { name: string; objective: string }[]; tier: string; onPick: (tier: string) => void }) {
  const uid = useId();
  // the pick shows at once; the address follows on the next hashchange
  const [picked, setPicked] = useState(tier);
  useEffect(() => setPicked(tier), [tier]);
  return (
    <div className="dash__filter">
      <span id={`${uid}-l`}>Tier</span>
      <div className="seg drill__tiers" role="radiogroup" aria-labelledby={`${uid}-l`}>
        {[{ name: '', objective: '' }, ...tiers].map((t) => (
          <label key={t.name || 'overall'} className={`seg__item${picked === t.name ? ' is-on' : ''}`} title={t.objective ? `${t.name}: ${t.objective}` : undefined}>
            <input
              type="radio"
              name={`${uid}-tier`}
              value={t.name}
              checked={picked === t.name}
              onChange={() => {
                setPicked(t.name);
                onPick(t.name);
              }}
            />
            {t.name || 'Overall'}
            {t.objective && <span className="seg__sub"> {t.objective}</span>}
          </label>
        ))}
      </div>
    </div>
  );
}

interface Col {
  id: string;
  header: string;
  width?: string;
  /** Width in narrow windows (≤ 1180 px), when it differs. */
  narrowWidth?: string;
  num?: boolean;
  cell: (r: DrillRow) => React.ReactNode;
}

function fmtSecs(s?: number): string {
  if (s === undefined) return '–';
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

function columnsFor(shape: string, unit: string): Col[] {
  const cols: Col[] = [
    { id: 'n', header: '#', width: '4.5rem', narrowWidth: '4.25rem', num: true, cell: (r) => fmt.count(r.n) },
    { id: 'at', header: shape === 'item' ? 'Counted at (UTC)' : 'Time (UTC)', width: '9.5rem', narrowWidth: '9.25rem', cell: (r) => fmtTime(r.at).replace(' UTC', '') },
  ];
  if (shape === 'item') {
    cols.push(
      { id: 'item', header: 'Item', width: '9rem', narrowWidth: '7.5rem', cell: (r) => <code title={r.item}>{r.item}</code> },
      { id: 'opened', header: 'Opened', width: '9.5rem', narrowWidth: '9.25rem', cell: (r) => fmtTime(r.opened).replace(' UTC', '') },
      { id: 'elapsed', header: 'Elapsed', width: '7rem', narrowWidth: '6.5rem', num: true, cell: (r) => fmtSecs(r.elapsed ?? undefined) },
    );
  } else if (shape === 'value') {
    cols.push({ id: 'value', header: unit ? `Value (${unit})` : 'Value', width: '7.5rem', num: true, cell: (r) => (r.value === undefined ? '–' : String(r.value)) });
  } else {
    cols.push({ id: 'gt', header: shape === 'event' ? 'Probe' : 'Good / total', width: shape === 'event' ? '4.5rem' : '8.5rem', num: true, cell: (r) => (shape === 'event' ? (r.good ? 'up' : 'down') : `${fmt.count(r.good)} / ${fmt.count(r.total)}`) });
  }
  cols.push(
    {
      // how the row counts and why, in one flexible column: it keeps its room at 1024 px
      id: 'status',
      header: 'Counts as · why',
      cell: (r) => (
        <span className="drill__status">
          <Badge tone={STATUS_TONE[r.status] ?? 'neutral'}>{r.status}</Badge>
          {r.tier && <span className="cell-sub">{r.tier}</span>}
          <span className="drill__why" title={r.why || undefined}>
            {r.why || unitsText(r)}
          </span>
        </span>
      ),
    },
    {
      id: 'batch',
      header: 'Batch · file row',
      width: '9.5rem',
      narrowWidth: '8.25rem',
      // The file names are listed under the table; the row number is what must not be cut off.
      cell: (r) => (
        <span className="drill__src" title={r.batch ? `${r.file || '(no file name)'}, row ${r.row}` : undefined}>
          {r.batch ? `#${r.batch} · row ${fmt.count(r.row)}` : '–'}
        </span>
      ),
    },
    {
      id: 'findings',
      header: 'Findings',
      width: '12rem',
      narrowWidth: '8rem',
      cell: (r) =>
        r.findings.length === 0 ? (
          <span className="muted">–</span>
        ) : (
          <span className="drill__finding" title={r.findings.map((x) => `${x.severity}: ${x.message}`).join('\n')}>
            <Badge tone={r.findings.some((x) => x.severity === 'error') ? 'red' : 'amber'}>{r.findings[0].kind}</Badge> {r.findings[0].message}
          </span>
        ),
    },
  );
  return cols;
}

function unitsText(r: DrillRow): string {
  const parts: string[] = [];
  if (r.good_units) parts.push(`${fmt.count(r.good_units)} good`);
  if (r.bad_units) parts.push(`${fmt.count(r.bad_units)} bad`);
  if (r.excluded_units) parts.push(`${fmt.count(r.excluded_units)} excluded`);
  if (r.slice && !parts.length) return 'same slice as the row above';
  return parts.join(', ');
}
