// The breach log: missed periods ranked by priority (Pareto), filters, the
// loop's follow-up of each breach (its root-cause analysis, or opening one;
// adding an action about it), and false positives asked for with a reason —
// another person decides (four eyes) before a breach leaves the ranking.
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import { useSession } from '../../state/session';
import type { Breach } from '../../api/breaches';
import type { RCAItem } from '../../api/loop';
import { href } from '../../state/route';
import { rcaOfBreach } from '../loop/loopFormat';
import { Badge } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { SearchField } from '../../components/ui/SearchField';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { NARROW, useMediaQuery } from '../../components/ui/useMediaQuery';
import { Button, Field, Modal, Notice } from '../imports/controls';
import { fmtTime } from '../imports/format';
import { ParetoChart } from './ParetoChart';
import { type ParetoMeasure, type StatusFilter, filterBreaches, paretoGroups } from './pareto';
import * as fmt from '../../format';
import './breaches.css';
import { errorOf, useLoad } from '../../state/useLoad';


// A statistic's breach carries its unit; a share has none (an old server sends no unit: a target above 1 is a statistic).
const isShare = (b: Breach) => !b.unit && (b.target === null || Math.abs(b.target) <= 1);
const fmtValue = (b: Breach, v: number | null) => fmt.against(v, b.target, isShare(b), b.unit);
const fmtGoal = (b: Breach) => fmt.objective(b.op, b.target, isShare(b), b.unit);

export function BreachesScreen({ theme = 'light' }: { theme?: string }) {
  const api = useApi();
  const { can } = useSession();
  const mayRCA = can('RCAs/List');
  const mayAsk = can('Approvals/List');
  // the log, the analyses that hold its breaches, and the false positives waiting for a second person
  const { data, error, reload: load } = useLoad(async () => {
    const [log, rs, aps] = await Promise.all([api.breaches.list(), mayRCA ? api.loop.rcas.list() : [], mayAsk ? api.loop.approvals.list({ status: 'requested' }) : []]);
    return { log, rcas: rcaOfBreach(rs), asked: new Map(aps.filter((a) => a.kind === 'false_positive').map((a) => [a.subject, a])) };
  }, [api, mayRCA, mayAsk]);
  const log = data?.log ?? null;
  const rcas = useMemo(() => data?.rcas ?? new Map<string, RCAItem>(), [data]);
  const asked = useMemo(() => data?.asked ?? new Map(), [data]);
  const [openError, setOpenError] = useState<Error | null>(null);
  const openRCA = useCallback(
    async (b: Breach) => {
      setOpenError(null);
      try {
        const r = await api.loop.rcas.open(b.id);
        window.location.hash = href('rca', r.id);
      } catch (e) {
        setOpenError(errorOf(e));
      }
    },
    [api],
  );
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);
  const [status, setStatus] = useState<StatusFilter>('genuine');
  const [slt, setSlt] = useState('');
  const [measure, setMeasure] = useState<ParetoMeasure>('priority');
  const [marking, setMarking] = useState<Breach | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const all = useMemo(() => log?.breaches ?? [], [log]);
  const rows = useMemo(() => filterBreaches(all, q, status, slt), [all, q, status, slt]);
  const groups = useMemo(() => paretoGroups(filterBreaches(all, q, 'genuine', slt), measure), [all, q, slt, measure]);
  const slts = useMemo(() => [...new Set(all.map((b) => b.slt))].sort(), [all]);
  // counted once per breach log, not on every keystroke in the filter (the log can be long)
  const summary = useMemo(
    () => ({
      fp: all.filter((b) => b.false_positive).length,
      groups: paretoGroups(all, 'count').length,
      vitalFew: paretoGroups(all, 'priority').filter((g) => g.vitalFew).length,
    }),
    [all],
  );
  const fpCount = summary.fp;

  async function mark() {
    if (!marking) return;
    if (!reason.trim()) {
      setReasonError('Say why this is not a real miss (for example: the monitoring probe itself was down).');
      return;
    }
    setBusy(true);
    setReasonError(null);
    try {
      const a = await api.loop.approvals.requestFalsePositive(marking.id, reason.trim());
      setDone(`${a.id}: you asked to call ${marking.id} a false positive. It stays ranked until another person approves (Four eyes).`);
      setMarking(null);
      setReason('');
      await load();
    } catch (e) {
      setReasonError(errorOf(e).message);
    } finally {
      setBusy(false);
    }
  }

  // In narrow windows impact and frequency move under the priority they make up, so the breach keeps its room.
  const narrow = useMediaQuery(NARROW);
  const columns = useMemo<ColumnDef<Breach, unknown>[]>(
    () => [
      {
        id: 'rank',
        header: 'Rank',
        accessorFn: (b) => (b.false_positive ? Number.MAX_SAFE_INTEGER : b.pareto_rank),
        cell: (c) => (c.row.original.false_positive ? '–' : c.row.original.pareto_rank),
        meta: { width: '3.75rem', narrowWidth: '4.5rem', numeric: true },
      },
      {
        id: 'id',
        header: 'Breach',
        accessorFn: (b) => b.id,
        cell: (c) => {
          const b = c.row.original;
          return (
            <span className="cell-stack">
              <span className="cell-strong breach-name">
                {b.slt}
                {b.tier ? (
                  <>
                    {' '}
                    <span className="muted nowrap">/ {b.tier}</span>
                  </>
                ) : null}
              </span>
              <span className="cell-sub">
                {b.period} · {fmtTime(b.start).slice(0, 10)} – {fmtTime(b.end).slice(0, 10)}
              </span>
              <FollowUp b={b} rca={rcas.get(b.id)} mayOpen={can('RCAs/Open')} mayAdd={can('Actions/Add')} onOpen={openRCA} />
            </span>
          );
        },
      },
      {
        id: 'attainment',
        header: 'Attainment',
        accessorFn: (b) => b.attainment ?? -1,
        cell: (c) => {
          const b = c.row.original;
          return (
            <span className="cell-stack">
              <span className="text-bad">{fmtValue(b, b.attainment)}</span>
              <span className="cell-sub">
                target {fmtGoal(b)}
              </span>
            </span>
          );
        },
        meta: { width: '8rem', narrowWidth: '7.5rem', numeric: true },
      },
      {
        id: 'bad',
        header: 'Bad',
        accessorFn: (b) => b.bad_minutes ?? b.bad_items ?? 0,
        cell: (c) => {
          const b = c.row.original;
          return b.bad_minutes !== null ? `${fmt.count(b.bad_minutes)} min` : b.bad_items !== null ? `${fmt.count(b.bad_items)} items` : '–';
        },
        meta: { width: '6rem', narrowWidth: '5.75rem', numeric: true },
      },
      {
        id: 'impact',
        header: 'Budgets',
        accessorFn: (b) => b.budgets_overspent,
        cell: (c) => <span title={`error budgets overspent (shortfall ÷ allowed shortfall); weight ${c.row.original.weight}`}>{fmt.number(c.getValue<number>())}</span>,
        meta: { width: '5.5rem', numeric: true, hideWhenNarrow: true },
      },
      { id: 'frequency', header: 'Freq', accessorFn: (b) => b.frequency, meta: { width: '4.5rem', numeric: true, hideWhenNarrow: true } },
      {
        id: 'priority',
        header: 'Priority',
        accessorFn: (b) => b.priority,
        cell: (c) => {
          const b = c.row.original;
          return narrow ? (
            <span className="cell-stack">
              <span>{fmt.number(b.priority)}</span>
              <span className="cell-sub" title={b.impact_rule}>
                budgets {fmt.number(b.budgets_overspent)}
              </span>
              <span className="cell-sub">freq {b.frequency}</span>
            </span>
          ) : (
            fmt.number(b.priority)
          );
        },
        meta: { width: '6rem', narrowWidth: '6.25rem', numeric: true },
      },
      {
        id: 'status',
        header: 'Status',
        accessorFn: (b) => (b.false_positive ? 'false positive' : b.vital_few ? 'vital few' : ''),
        cell: (c) => {
          const b = c.row.original;
          if (b.false_positive)
            return (
              <span className="cell-stack">
                <span>
                  <Badge>false positive</Badge>
                </span>
                <span className="cell-sub" title={b.false_positive_reason}>
                  {b.false_positive_reason} — {b.false_positive_by}
                </span>
              </span>
            );
          // the action sits under the status, so the breach itself keeps its room at 1024 px
          return (
            <span className="cell-stack breach-status">
              {b.vital_few ? (
                <span>
                  <Badge tone="red">vital few</Badge>
                </span>
              ) : (
                <span className="cell-sub">{fmt.percent(b.pareto_cumulative_share, 1)} cum.</span>
              )}
              {asked.get(b.id) ? (
                <span className="cell-sub" title={`asked by ${asked.get(b.id)?.requested_by}: ${asked.get(b.id)?.reason}`}>
                  false positive asked ({asked.get(b.id)?.id})
                </span>
              ) : can('Approvals/RequestFalsePositive') && (
              <button
                type="button"
                className="linkish breach-fp"
                aria-label={`Ask to call ${b.id} a false positive`}
                onClick={() => {
                  setMarking(b);
                  setReason('');
                  setReasonError(null);
                  setDone(null);
                }}
              >
                False positive…
              </button>
              )}
            </span>
          );
        },
        meta: { width: '8.5rem' },
      },
    ],
    [narrow, can, rcas, asked, openRCA],
  );

  return (
    <div className="page page--breaches" data-testid="breaches">
      <div className="page__head">
        <div>
          <h1>Breaches</h1>
          <p className="page__lede">
            Missed periods, ranked by priority: the error budgets each overspent × the SLT's impact weight, one unit for every kind of SLT. The vital
            few cause 80% of the damage: fix those first.
          </p>
        </div>
        <Button icon="refresh" onClick={load}>
          Refresh
        </Button>
      </div>
      {error ? (
        <ErrorPanel title="The breach log could not be computed" error={error} onRetry={load} />
      ) : !log ? (
        <Loading>Computing the breach log…</Loading>
      ) : all.length === 0 ? (
        <Empty title="No breaches">Every complete period met its target.</Empty>
      ) : (
        <>
          <dl className="kv kv--wide" aria-label="Breach summary">
            <div className="is-bad">
              <dt>Genuine breaches</dt>
              <dd>{fmt.count(all.length - fpCount)}</dd>
            </div>
            <div>
              <dt>SLTs and tiers with breaches</dt>
              <dd>{fmt.count(summary.groups)}</dd>
            </div>
            <div>
              <dt>Vital few</dt>
              <dd>{fmt.count(summary.vitalFew)}</dd>
            </div>
            <div>
              <dt>False positives</dt>
              <dd>{fmt.count(fpCount)}</dd>
            </div>
          </dl>
          <section className="card panel" aria-labelledby="pareto-title">
            <div className="panel__head">
              <div>
                <h2 className="panel__title" id="pareto-title">
                  Where the damage is
                </h2>
                <p className="panel__sub">Genuine breaches by SLT and tier, largest first; red bars are the vital few.</p>
              </div>
              <div className="segmented" role="group" aria-label="Rank by">
                <button type="button" aria-pressed={measure === 'priority'} onClick={() => setMeasure('priority')}>
                  Priority
                </button>
                <button type="button" aria-pressed={measure === 'count'} onClick={() => setMeasure('count')}>
                  Count
                </button>
              </div>
            </div>
            {groups.length > 0 ? <ParetoChart groups={groups} measure={measure} theme={theme} /> : <p className="muted">No genuine breach matches the filter.</p>}
          </section>
          <section className="card panel" aria-labelledby="log-title">
            <div className="panel__head">
              <h2 className="panel__title" id="log-title">
                Breach log
              </h2>
              <span className="muted">
                {fmt.count(rows.length)} of {fmt.count(all.length)} · computed {fmtTime(log.at)}
              </span>
            </div>
            <div className="toolbar">
              <Field label="Show">
                {(p) => (
                  <select {...p} className="select" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
                    <option value="genuine">Genuine breaches</option>
                    <option value="false-positive">False positives</option>
                    <option value="all">All</option>
                  </select>
                )}
              </Field>
              <Field label="SLT">
                {(p) => (
                  <select {...p} className="select" value={slt} onChange={(e) => setSlt(e.target.value)}>
                    <option value="">All SLTs</option>
                    {slts.map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </select>
                )}
              </Field>
              <SearchField label="Filter breaches" placeholder="Filter by SLT, tier, period or reason" value={query} onChange={setQuery} />
            </div>
            {done && <Notice tone="success">{done}</Notice>}
            {openError && <Notice tone="error">{openError.message}</Notice>}
            {rows.length === 0 ? (
              <p className="muted">No breach matches: change what to show, the SLT or the filter text.</p>
            ) : (
              <DataTable caption="Breach log" columns={columns} data={rows} getRowId={(b) => b.id} rowHeight={56} minWidth="720px" />
            )}
          </section>
        </>
      )}
      {marking && (
        <Modal
          title="Ask for a false positive"
          onClose={() => setMarking(null)}
          footer={
            <>
              <Button onClick={() => setMarking(null)}>Cancel</Button>
              <Button variant="primary" onClick={mark} disabled={busy}>
                Ask for a second person's approval
              </Button>
            </>
          }
        >
          <p className="modal__text">
            <strong>{marking.id}</strong>: {fmtValue(marking, marking.attainment)} against {fmtGoal(marking)}. Another person decides (four
            eyes); once approved the breach stays in the log and leaves the ranking. Your request and the decision are in the audit trail.
          </p>
          <Field label="Reason" error={reasonError} hint="Reviewers and auditors read this.">
            {(p) => <textarea {...p} className="textarea" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </Modal>
      )}
    </div>
  );
}

/** FollowUp links a breach to its root-cause analysis (or opens one) and to a new action about it. */
function FollowUp({ b, rca, mayOpen, mayAdd, onOpen }: { b: Breach; rca?: RCAItem; mayOpen: boolean; mayAdd: boolean; onOpen: (b: Breach) => void }) {
  if (b.false_positive) return null;
  return (
    <span className="cell-sub breach-loop">
      {rca ? (
        <a href={href('rca', rca.id)} aria-label={`Open ${rca.id}, the root-cause analysis of ${b.id}`}>
          {rca.id}
        </a>
      ) : (
        mayOpen && (
          <button type="button" className="linkish" onClick={() => onOpen(b)} aria-label={`Open a root-cause analysis of ${b.id}`}>
            Open RCA
          </button>
        )
      )}
      {mayAdd && (
        <a href={href('actions', { breach: b.id })} aria-label={`Add an action about ${b.id}`}>
          Add action
        </a>
      )}
    </span>
  );
}
