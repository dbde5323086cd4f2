// Root-cause analyses: the list (open first, the highest priority first;
// listing applies the root-cause rule first) and one analysis worked through
// a guided Five Whys chain or an Apollo chart, with its root causes, the
// proposed team, its actions, and closing (which the server refuses, saying
// what is missing, until a root cause, an action and the method are there).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import type { Apollo, Cause, RCAItem, Solution, Why } from '../../api/loop';
import { useSession } from '../../state/session';
import { href } from '../../state/route';
import { Badge } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { Actions as ButtonRow, Button, Field, Notice } from '../imports/controls';
import { fmtTime } from '../imports/format';
import * as fmt from '../../format';
import { Breadcrumbs } from '../portfolio/rag';
import { methodName, periodRange, rcaDue, toError } from './loopFormat';
import './loop.css';

export function RcaScreen({ id }: { id?: string }) {
  return id ? <RcaDetail id={id} /> : <RcaList />;
}

function RcaList() {
  const api = useApi();
  const [items, setItems] = useState<RCAItem[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setItems(await api.loop.rcas.list());
    } catch (e) {
      setError(toError(e));
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);
  const columns = useMemo<ColumnDef<RCAItem, unknown>[]>(
    () => [
      {
        id: 'id',
        header: 'Analysis',
        accessorKey: 'id',
        cell: ({ row: { original: r } }) => (
          <span className="cell-stack">
            <a href={href('rca', r.id)}>
              {r.id}: {r.slt}
              {r.tier ? `/${r.tier}` : ''}
            </a>
            <span className="cell-sub">{r.problem}</span>
          </span>
        ),
        meta: { width: '44%' },
      },
      { id: 'periods', header: 'Missed', accessorFn: (r) => periodRange(r.periods), meta: { width: '16%' } },
      { id: 'priority', header: 'Priority', accessorKey: 'priority', cell: ({ getValue }) => fmt.number(getValue() as number), meta: { width: '8%', numeric: true } },
      { id: 'owner', header: 'Owner', accessorKey: 'owner', meta: { width: '12%' } },
      {
        id: 'due',
        header: 'Due',
        accessorKey: 'due',
        cell: ({ row: { original: r } }) => <span className={r.overdue ? 'text-bad' : undefined}>{rcaDue(r)}</span>,
        meta: { width: '12%' },
      },
      {
        id: 'status',
        header: 'Status',
        accessorKey: 'status',
        cell: ({ row: { original: r } }) => <Badge tone={r.status === 'closed' ? 'green' : r.overdue ? 'red' : 'amber'}>{r.status}</Badge>,
        meta: { width: '8%' },
      },
    ],
    [],
  );
  return (
    <div className="page" data-testid="rcas">
      <div className="page__head">
        <div>
          <h1>Root-cause analyses</h1>
          <p className="page__lede">
            Slate opens one when an SLT misses its target several periods in a row; open one for a single breach from the breach log. Open analyses
            first, the highest priority first.
          </p>
        </div>
        <Button icon="refresh" onClick={load}>
          Refresh
        </Button>
      </div>
      {error ? (
        <ErrorPanel title="The analyses could not be loaded" error={error} onRetry={load} />
      ) : !items ? (
        <Loading>Applying the root-cause rule and loading the analyses…</Loading>
      ) : items.length === 0 ? (
        <Empty title="No root-cause analyses">No SLT has missed its target often enough in a row to need one.</Empty>
      ) : (
        <section className="card panel">
          <DataTable caption="Root-cause analyses" columns={columns} data={items} getRowId={(r) => r.id} rowHeight={64} minWidth="760px" />
        </section>
      )}
    </div>
  );
}

interface Draft {
  problem: string;
  method: string;
  whys: Why[];
  rootCauses: string[];
  apollo: Apollo;
  owner: string;
  due: string;
}

const draftOf = (r: RCAItem): Draft => ({
  problem: r.problem,
  method: r.method,
  whys: r.five_whys.length ? r.five_whys.map((w) => ({ ...w })) : [{ why: '', because: '' }],
  rootCauses: r.root_causes.length ? [...r.root_causes] : [''],
  apollo: r.apollo ? { ...r.apollo, causes: r.apollo.causes.map((c) => ({ ...c })), solutions: r.apollo.solutions.map((s) => ({ ...s })) } : { primary_effect: '', causes: [], solutions: [] },
  owner: r.owner,
  due: r.due,
});

/** nextWhy turns an answer into the next question: "Because X." → "Why X?" */
export function nextWhy(because: string): string {
  const t = because.trim().replace(/[.!]+$/, '');
  if (!t) return 'Why?';
  return `Why ${t.charAt(0).toLowerCase()}${t.slice(1)}?`;
}

function RcaDetail({ id }: { id: string }) {
  const api = useApi();
  const { can } = useSession();
  const [r, setR] = useState<RCAItem | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conclusion, setConclusion] = useState('');
  const [closeError, setCloseError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const x = await api.loop.rcas.get(id);
      setR(x);
      setDraft(draftOf(x));
    } catch (e) {
      setError(toError(e));
    }
  }, [api, id]);
  useEffect(() => {
    load();
  }, [load]);

  if (error) return <ErrorPanel title={`${id} could not be loaded`} error={error} onRetry={load} />;
  if (!r || !draft) return <Loading>Loading {id}…</Loading>;
  const editable = r.status === 'open' && can('RCAs/Update');
  const set = (d: Partial<Draft>) => setDraft({ ...draft, ...d });

  async function save() {
    if (!r || !draft) return;
    setSaveError(null);
    setNotice(null);
    try {
      const whys = draft.whys.filter((w) => w.why.trim() || w.because.trim()).map((w) => ({ why: w.why.trim(), because: w.because.trim() }));
      const missing = whys.findIndex((w) => !w.why);
      if (missing >= 0) {
        setSaveError(`Why ${missing + 1} has an answer but no question.`);
        return;
      }
      const x = await api.loop.rcas.update({
        id: r.id,
        problem: draft.problem,
        method: draft.method,
        owner: draft.owner,
        due: draft.due,
        five_whys: whys,
        root_causes: draft.rootCauses.map((c) => c.trim()).filter(Boolean),
        ...(draft.method === 'apollo' ? { apollo: draft.apollo } : {}),
      });
      setR(x);
      setDraft(draftOf(x));
      setNotice(`${x.id} saved.`);
    } catch (e) {
      setSaveError(toError(e).message);
    }
  }

  async function close() {
    if (!r) return;
    setCloseError(null);
    try {
      const x = await api.loop.rcas.close(r.id, conclusion.trim());
      setR(x);
      setDraft(draftOf(x));
      setNotice(`${x.id} closed by ${x.closed_by}.`);
    } catch (e) {
      setCloseError(toError(e).message);
    }
  }

  const addActionHref = href('actions', { rca: r.id, slt: r.slt });
  return (
    <div className="page" data-testid="rca-detail">
      <Breadcrumbs items={[{ label: 'Root-cause analyses', href: href('rca') }, { label: r.id }]} />
      <div className="page__head">
        <div>
          <h1 className="rca-title">
            {r.id}: <a href={href('slt', r.slt)}>{r.slt}</a>
            {r.tier ? `/${r.tier}` : ''}
          </h1>
          <p className="page__lede">
            {methodName(r.method)} · {r.status} · missed {periodRange(r.periods)} · priority {fmt.number(r.priority)} weighted error budgets overspent
          </p>
        </div>
      </div>
      {notice && <Notice tone="success">{notice}</Notice>}
      <div className="rca-grid">
        <div>
          <section className="card panel" aria-labelledby="problem-h">
            <h2 className="panel__title" id="problem-h">
              Problem
            </h2>
            {editable ? (
              <Field label="Problem statement">{(p) => <textarea {...p} className="textarea" value={draft.problem} onChange={(e) => set({ problem: e.target.value })} />}</Field>
            ) : (
              <p className="problem">{r.problem}</p>
            )}
          </section>
          <section className="card panel" aria-labelledby="method-h">
            <div className="panel__head">
              <h2 className="panel__title" id="method-h">
                {methodName(draft.method)}
              </h2>
              {editable && (
                <div className="segmented" role="group" aria-label="Method">
                  <button type="button" aria-pressed={draft.method === 'five_whys'} onClick={() => set({ method: 'five_whys' })}>
                    Five Whys
                  </button>
                  <button type="button" aria-pressed={draft.method === 'apollo'} onClick={() => set({ method: 'apollo' })}>
                    Apollo
                  </button>
                </div>
              )}
            </div>
            {draft.method === 'apollo' ? (
              <ApolloForm apollo={draft.apollo} actions={r.actions} editable={editable} onChange={(apollo) => set({ apollo })} />
            ) : (
              <FiveWhys whys={draft.whys} editable={editable} onChange={(whys) => set({ whys })} onRootCause={(c) => set({ rootCauses: [...draft.rootCauses.filter(Boolean), c] })} />
            )}
          </section>
          <section className="card panel" aria-labelledby="causes-h">
            <h2 className="panel__title" id="causes-h">
              Root causes
            </h2>
            {editable ? (
              <>
                {draft.rootCauses.map((c, i) => (
                  <Field key={i} label={`Root cause ${i + 1}`}>
                    {(p) => (
                      <input
                        {...p}
                        className="input"
                        value={c}
                        onChange={(e) => set({ rootCauses: draft.rootCauses.map((x, j) => (j === i ? e.target.value : x)) })}
                      />
                    )}
                  </Field>
                ))}
                <button type="button" className="linkish" onClick={() => set({ rootCauses: [...draft.rootCauses, ''] })}>
                  Add a root cause
                </button>
              </>
            ) : r.root_causes.length ? (
              <ul>
                {r.root_causes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">None recorded yet.</p>
            )}
          </section>
          {editable && (
            <>
              {saveError && <Notice tone="error">{saveError}</Notice>}
              <ButtonRow>
                <Button onClick={() => setDraft(draftOf(r))}>Undo changes</Button>
                <Button variant="primary" onClick={save}>
                  Save analysis
                </Button>
              </ButtonRow>
            </>
          )}
        </div>
        <aside>
          <section className="card panel" aria-labelledby="about-h">
            <h2 className="panel__title" id="about-h">
              About
            </h2>
            {editable ? (
              <>
                <Field label="Owner">{(p) => <input {...p} className="input" value={draft.owner} onChange={(e) => set({ owner: e.target.value })} />}</Field>
                <Field label="Due" error={r.overdue ? 'Overdue.' : undefined}>
                  {(p) => <input {...p} type="date" className="input" value={draft.due} onChange={(e) => set({ due: e.target.value })} />}
                </Field>
              </>
            ) : (
              <dl className="about">
                <dt>Owner</dt>
                <dd>{r.owner}</dd>
                <dt>Due</dt>
                <dd className={r.overdue ? 'text-bad' : undefined}>{rcaDue(r)}</dd>
              </dl>
            )}
            <dl className="about">
              <dt>Opened</dt>
              <dd>
                {fmtTime(r.opened_at)} by {r.opened_by}
              </dd>
            </dl>
            <p className="cell-sub">Breaches: {r.breaches.join(', ')}</p>
          </section>
          {r.team && (
            <section className="card panel" aria-labelledby="team-h">
              <h2 className="panel__title" id="team-h">
                Proposed team
              </h2>
              <p className="cell-sub">{r.team.reason}</p>
              <ul className="loop-list">
                {r.team.members.map((m) => (
                  <li key={m.name + m.service}>
                    <strong>{m.name}</strong> ({m.role}) · {m.service}: {m.slts.join(', ')}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card panel" aria-labelledby="ractions-h">
            <h2 className="panel__title" id="ractions-h">
              Actions
            </h2>
            {r.actions.length ? (
              <ul className="loop-list">
                {r.actions.map((a) => (
                  <li key={a}>
                    <a href={href('actions', { q: a })}>{a}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No action yet: an analysis closes only with the action that removes its root cause.</p>
            )}
            {can('Actions/Add') && r.status === 'open' && <a href={addActionHref}>Add an action for {r.id}</a>}
          </section>
          {r.status === 'open' && can('RCAs/Close') && (
            <section className="card panel" aria-labelledby="close-h">
              <h2 className="panel__title" id="close-h">
                Close the analysis
              </h2>
              <Field label="Conclusion">{(p) => <textarea {...p} className="textarea" value={conclusion} onChange={(e) => setConclusion(e.target.value)} />}</Field>
              {closeError && <Notice tone="error">{closeError}</Notice>}
              <ButtonRow>
                <Button onClick={close}>Close {r.id}</Button>
              </ButtonRow>
            </section>
          )}
          {r.status === 'closed' && (
            <Notice tone="success" title={`Closed ${r.closed_at?.slice(0, 10)} by ${r.closed_by}`}>
              {r.conclusion}
            </Notice>
          )}
        </aside>
      </div>
    </div>
  );
}

function FiveWhys({ whys, editable, onChange, onRootCause }: { whys: Why[]; editable: boolean; onChange: (w: Why[]) => void; onRootCause: (c: string) => void }) {
  const setAt = (i: number, w: Partial<Why>) => onChange(whys.map((x, j) => (j === i ? { ...x, ...w } : x)));
  const last = whys[whys.length - 1];
  return (
    <>
      <p className="panel__sub">Ask why the problem happened; ask why again of each answer, until the answer is something you can act on. That answer is a root cause.</p>
      <ol className="why-chain" aria-label="Five Whys">
        {whys.map((w, i) => (
          <li key={i} className={`why-step${w.because ? '' : ' is-open'}`}>
            <span className="why-step__n" aria-hidden="true">
              {i + 1}
            </span>
            <div className="why-step__fields">
              {editable ? (
                <>
                  <Field label={`Why ${i + 1}`}>{(p) => <input {...p} className="input" value={w.why} onChange={(e) => setAt(i, { why: e.target.value })} />}</Field>
                  <Field label={`Because ${i + 1}`}>{(p) => <textarea {...p} className="textarea" value={w.because} onChange={(e) => setAt(i, { because: e.target.value })} />}</Field>
                  <span className="move">
                    {w.because.trim() && (
                      <button type="button" className="linkish" onClick={() => onRootCause(w.because.trim())}>
                        This is a root cause
                      </button>
                    )}
                    {whys.length > 1 && (
                      <button type="button" className="linkish" onClick={() => onChange(whys.filter((_, j) => j !== i))} aria-label={`Remove why ${i + 1}`}>
                        Remove
                      </button>
                    )}
                  </span>
                </>
              ) : (
                <>
                  <strong>{w.why}</strong>
                  <span>{w.because ? `Because ${w.because.charAt(0).toLowerCase()}${w.because.slice(1)}` : <em className="muted">not answered yet</em>}</span>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {editable && (
        <button type="button" className="linkish" disabled={!last?.because.trim()} onClick={() => onChange([...whys, { why: nextWhy(last.because), because: '' }])}>
          Ask the next why
        </button>
      )}
    </>
  );
}

function ApolloForm({ apollo, actions, editable, onChange }: { apollo: Apollo; actions: string[]; editable: boolean; onChange: (a: Apollo) => void }) {
  const setCause = (i: number, c: Partial<Cause>) => onChange({ ...apollo, causes: apollo.causes.map((x, j) => (j === i ? { ...x, ...c } : x)) });
  const setSol = (i: number, s: Partial<Solution>) => onChange({ ...apollo, solutions: apollo.solutions.map((x, j) => (j === i ? { ...x, ...s } : x)) });
  const effects = [apollo.primary_effect, ...apollo.causes.map((c) => c.cause)].filter(Boolean);
  if (!editable) {
    return (
      <>
        <p className="problem">Primary effect: {apollo.primary_effect || '—'}</p>
        <ul>
          {apollo.causes.map((c, i) => (
            <li key={i}>
              {c.cause} ({c.kind || 'cause'} of “{c.effect}”) — evidence: {c.evidence || '—'}
            </li>
          ))}
        </ul>
        <ul>
          {apollo.solutions.map((s, i) => (
            <li key={i}>
              {s.solution} (controls “{s.controls}”{s.action ? `, ${s.action}` : ''})
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <p className="panel__sub">Behind every effect Apollo asks for at least one action and one condition, each with evidence; solutions control causes.</p>
      <Field label="Primary effect">{(p) => <input {...p} className="input" value={apollo.primary_effect} onChange={(e) => onChange({ ...apollo, primary_effect: e.target.value })} />}</Field>
      <h3 className="subhead">Causes</h3>
      {apollo.causes.map((c, i) => (
        <div className="apollo-row" key={i}>
          <Field label={`Effect ${i + 1}`}>
            {(p) => (
              <select {...p} className="select" value={c.effect} onChange={(e) => setCause(i, { effect: e.target.value })}>
                {effects.map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`Cause ${i + 1}`}>{(p) => <input {...p} className="input" value={c.cause} onChange={(e) => setCause(i, { cause: e.target.value })} />}</Field>
          <Field label={`Kind ${i + 1}`}>
            {(p) => (
              <select {...p} className="select" value={c.kind ?? ''} onChange={(e) => setCause(i, { kind: e.target.value })}>
                <option value="">—</option>
                <option value="action">action</option>
                <option value="condition">condition</option>
              </select>
            )}
          </Field>
          <Field label={`Evidence ${i + 1}`}>{(p) => <input {...p} className="input" value={c.evidence} onChange={(e) => setCause(i, { evidence: e.target.value })} />}</Field>
          <button type="button" className="linkish" onClick={() => onChange({ ...apollo, causes: apollo.causes.filter((_, j) => j !== i) })}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="linkish" onClick={() => onChange({ ...apollo, causes: [...apollo.causes, { effect: effects[effects.length - 1] ?? '', cause: '', kind: '', evidence: '' }] })}>
        Add a cause
      </button>
      <h3 className="subhead">Solutions</h3>
      {apollo.solutions.map((s, i) => (
        <div className="apollo-row apollo-sol" key={i}>
          <Field label={`Solution ${i + 1}`}>{(p) => <input {...p} className="input" value={s.solution} onChange={(e) => setSol(i, { solution: e.target.value })} />}</Field>
          <Field label={`Controls ${i + 1}`}>
            {(p) => (
              <select {...p} className="select" value={s.controls} onChange={(e) => setSol(i, { controls: e.target.value })}>
                <option value="">—</option>
                {apollo.causes.map((c) => (
                  <option key={c.cause}>{c.cause}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={`Action ${i + 1}`}>
            {(p) => (
              <select {...p} className="select" value={s.action ?? ''} onChange={(e) => setSol(i, { action: e.target.value || undefined })}>
                <option value="">—</option>
                {actions.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="linkish" onClick={() => onChange({ ...apollo, solutions: apollo.solutions.filter((_, j) => j !== i) })}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="linkish" onClick={() => onChange({ ...apollo, solutions: [...apollo.solutions, { solution: '', controls: '' }] })}>
        Add a solution
      </button>
    </>
  );
}
