// Improvement actions: a list and a board by status, overdue first (the
// server's order: the longest overdue first, then by due date), adding an
// action (prefilled from a breach, an RCA or a meeting: #/actions?breach=…),
// moving it along, dropping it with a note, and its notes and history.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import type { ActionItem, ActionStatus, Links } from '../../api/loop';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { href } from '../../state/route';
import { Badge } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { SearchField } from '../../components/ui/SearchField';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { Actions as ButtonRow, Button, Field, Modal, Notice } from '../imports/controls';
import { fmtTime } from '../imports/format';
import { aboutText, actionTone, dueText, STATUS_LABEL, toError } from './loopFormat';
import './loop.css';

type View = 'list' | 'board';
type Show = 'live' | 'overdue' | 'closed' | 'all';

const STATUSES: ActionStatus[] = ['open', 'in_progress', 'done', 'dropped'];

/** What the add form was opened with (from the address: a breach, an RCA, a meeting). */
export interface ActionPrefill {
  breach?: string;
  slt?: string;
  period?: string;
  rca?: string;
  meeting?: string;
  service?: string;
  supplier?: string;
}

export function ActionsScreen({ prefill: from = {}, view: initialView = 'list', search = '' }: { prefill?: ActionPrefill & Record<string, string | undefined>; view?: View; search?: string }) {
  const prefill: ActionPrefill = { breach: from.breach, slt: from.slt, period: from.period, rca: from.rca, meeting: from.meeting, service: from.service, supplier: from.supplier };
  const api = useApi();
  const { can } = useSession();
  const [items, setItems] = useState<ActionItem[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [view, setView] = useState<View>(initialView);
  const [show, setShow] = useState<Show>('live');
  const [owner, setOwner] = useState('');
  const [query, setQuery] = useState(search);
  const [notice, setNotice] = useState<string | null>(null);
  const [dropping, setDropping] = useState<ActionItem | null>(null);
  const [open, setOpen] = useState<ActionItem | null>(null);
  const adding = Object.values(prefill).some(Boolean);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems(await api.loop.actions.list());
    } catch (e) {
      setError(toError(e));
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);

  const owners = useMemo(() => [...new Set((items ?? []).map((a) => a.owner))].sort(), [items]);
  // The board shows every status; the list what "Show" asks for.
  const onBoard = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (items ?? []).filter((a) => (!owner || a.owner === owner) && (!q || `${a.id} ${a.title} ${a.owner} ${aboutText(a.links)}`.toLowerCase().includes(q)));
  }, [items, owner, query]);
  const shown = useMemo(
    () =>
      onBoard.filter((a) => {
        const closed = a.status === 'done' || a.status === 'dropped';
        return show === 'all' || (show === 'live' && !closed) || (show === 'closed' && closed) || (show === 'overdue' && a.overdue);
      }),
    [onBoard, show],
  );
  const overdue = (items ?? []).filter((a) => a.overdue).length;
  const live = (items ?? []).filter((a) => a.status === 'open' || a.status === 'in_progress').length;

  const move = useCallback(
    async (a: ActionItem, status: ActionStatus) => {
      setNotice(null);
      try {
        const done = await api.loop.actions.update({ id: a.id, status });
        setNotice(`${done.id} is ${STATUS_LABEL[status]}.`);
        await load();
      } catch (e) {
        setError(toError(e));
      }
    },
    [api, load],
  );

  const mayChange = can('Actions/Update');
  const columns = useMemo<ColumnDef<ActionItem, unknown>[]>(
    () => [
      {
        id: 'id',
        header: 'Action',
        accessorKey: 'id',
        cell: ({ row: { original: a } }) => (
          <span className="cell-stack">
            <button type="button" className="linkish" onClick={() => setOpen(a)} aria-label={`${a.id}: ${a.title}`}>
              {a.title}
            </button>
            <span className="cell-sub">
              {a.id} · {aboutText(a.links)}
            </span>
          </span>
        ),
        meta: { width: '44%' },
      },
      { id: 'owner', header: 'Owner', accessorKey: 'owner', meta: { width: '16%' } },
      {
        id: 'due',
        header: 'Due',
        accessorFn: (a) => a.due ?? '',
        cell: ({ row: { original: a } }) => <span className={a.overdue ? 'text-bad' : undefined}>{dueText(a)}</span>,
        meta: { width: '18%' },
      },
      {
        id: 'status',
        header: 'Status',
        accessorKey: 'status',
        cell: ({ row: { original: a } }) => (
          <span className="cell-stack">
            <span>
              <Badge tone={actionTone({ ...a, overdue: false })}>{STATUS_LABEL[a.status as ActionStatus] ?? a.status}</Badge>
              {a.overdue && (
                <>
                  {' '}
                  <Badge tone="red">overdue</Badge>
                </>
              )}
            </span>
            {mayChange && <MoveButtons a={a} onMove={move} onDrop={setDropping} />}
          </span>
        ),
        meta: { width: '22%' },
      },
    ],
    [mayChange, move],
  );

  return (
    <div className="page page--actions" data-testid="actions">
      <div className="page__head">
        <div>
          <h1>Actions</h1>
          <p className="page__lede">Who does what by when about which miss. Overdue actions come first; every change is kept in the action's history.</p>
        </div>
        <Button icon="refresh" onClick={load}>
          Refresh
        </Button>
      </div>
      {can('Actions/Add') && <AddAction key={JSON.stringify(prefill)} prefill={prefill} expanded={adding} onAdded={(m) => (setNotice(m), load())} />}
      {notice && <Notice tone="success">{notice}</Notice>}
      {error && <ErrorPanel title="The actions could not be loaded or changed" error={error} onRetry={load} />}
      {!items && !error ? (
        <Loading>Loading the actions…</Loading>
      ) : items && items.length === 0 ? (
        <Empty title="No actions yet">Add the first one above, from a breach, or in a meeting's minutes.</Empty>
      ) : items ? (
        <section className="card panel" aria-labelledby="actions-title">
          <div className="panel__head">
            <div>
              <h2 className="panel__title" id="actions-title">
                {view === 'list' ? 'Action list' : 'Action board'}
              </h2>
              <p className="panel__sub">
                {live} live, <strong className={overdue ? 'text-bad' : undefined}>{overdue} overdue</strong>
              </p>
            </div>
            <div className="segmented" role="group" aria-label="View">
              <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
                List
              </button>
              <button type="button" aria-pressed={view === 'board'} onClick={() => setView('board')}>
                Board
              </button>
            </div>
          </div>
          <div className="toolbar">
            {view === 'list' && (
              <Field label="Show">
                {(p) => (
                  <select {...p} className="select" value={show} onChange={(e) => setShow(e.target.value as Show)}>
                    <option value="live">Open and in progress</option>
                    <option value="overdue">Overdue</option>
                    <option value="closed">Done and dropped</option>
                    <option value="all">All</option>
                  </select>
                )}
              </Field>
            )}
            <Field label="Owner">
              {(p) => (
                <select {...p} className="select" value={owner} onChange={(e) => setOwner(e.target.value)}>
                  <option value="">Everyone</option>
                  {owners.map((o) => (
                    <option key={o}>{o}</option>
                  ))}
                </select>
              )}
            </Field>
            <SearchField label="Filter actions" placeholder="Filter by title, owner, SLT, RCA…" value={query} onChange={setQuery} />
          </div>
          {view === 'list' ? (
            shown.length === 0 ? (
              <p className="muted">No action matches.</p>
            ) : (
              <DataTable caption="Actions, overdue first" columns={columns} data={shown} getRowId={(a) => a.id} rowHeight={60} minWidth="720px" />
            )
          ) : (
            <Board items={onBoard} mayChange={mayChange} onMove={move} onDrop={setDropping} onOpen={setOpen} />
          )}
        </section>
      ) : null}
      {dropping && <DropDialog a={dropping} onClose={() => setDropping(null)} onDone={(m) => (setDropping(null), setNotice(m), load())} />}
      {open && <ActionDialog a={open} onClose={() => setOpen(null)} onChanged={(m) => (setOpen(null), setNotice(m), load())} />}
    </div>
  );
}

function MoveButtons({ a, onMove, onDrop }: { a: ActionItem; onMove: (a: ActionItem, s: ActionStatus) => void; onDrop: (a: ActionItem) => void }) {
  const closed = a.status === 'done' || a.status === 'dropped';
  return (
    <span className="move">
      {a.status === 'open' && (
        <button type="button" className="linkish" onClick={() => onMove(a, 'in_progress')} aria-label={`Start ${a.id}`}>
          Start
        </button>
      )}
      {!closed && (
        <button type="button" className="linkish" onClick={() => onMove(a, 'done')} aria-label={`Mark ${a.id} done`}>
          Done
        </button>
      )}
      {!closed && (
        <button type="button" className="linkish" onClick={() => onDrop(a)} aria-label={`Drop ${a.id}`}>
          Drop…
        </button>
      )}
      {closed && (
        <button type="button" className="linkish" onClick={() => onMove(a, 'open')} aria-label={`Reopen ${a.id}`}>
          Reopen
        </button>
      )}
    </span>
  );
}

/** The board: one column per status; within a column the server's order (overdue first). */
function Board({
  items,
  mayChange,
  onMove,
  onDrop,
  onOpen,
}: {
  items: ActionItem[];
  mayChange: boolean;
  onMove: (a: ActionItem, s: ActionStatus) => void;
  onDrop: (a: ActionItem) => void;
  onOpen: (a: ActionItem) => void;
}) {
  return (
    <div className="board" role="list" aria-label="Actions by status">
      {STATUSES.map((s) => {
        const col = items.filter((a) => a.status === s);
        return (
          <section key={s} className={`board__col board__col--${s}`} role="listitem" aria-label={`${STATUS_LABEL[s]}: ${col.length}`}>
            <h3 className="board__title">
              {STATUS_LABEL[s]} <span className="board__n">{col.length}</span>
            </h3>
            <ul className="board__cards">
              {col.map((a) => (
                <li key={a.id} className={`board__card${a.overdue ? ' is-overdue' : ''}`} data-testid={`card-${a.id}`}>
                  <button type="button" className="board__open linkish" onClick={() => onOpen(a)}>
                    {a.title}
                  </button>
                  <span className="cell-sub">
                    {a.id} · {a.owner}
                  </span>
                  <span className={`board__due${a.overdue ? ' text-bad' : ''}`}>{dueText(a)}</span>
                  <span className="cell-sub">{aboutText(a.links)}</span>
                  {mayChange && <MoveButtons a={a} onMove={onMove} onDrop={onDrop} />}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function AddAction({ prefill, expanded, onAdded }: { prefill: ActionPrefill; expanded: boolean; onAdded: (msg: string) => void }) {
  const api = useApi();
  const { state } = useWorkspace();
  const [shown, setShown] = useState(expanded);
  const [form, setForm] = useState({ title: '', owner: '', due: '', slt: prefill.slt ?? '', note: '' });
  const [errors, setErrors] = useState<{ title?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const slts = useMemo(() => (state.overview?.services ?? []).flatMap((s) => s.slts.map((t) => ({ name: t.name, label: t.display_name || t.name }))), [state.overview]);
  const fixed: Links = { breach: prefill.breach, rca: prefill.rca, meeting: prefill.meeting, period: prefill.period, service: prefill.service, supplier: prefill.supplier };
  const fixedText = aboutText(fixed);

  if (!shown) {
    return (
      <div className="add-line">
        <Button variant="primary" onClick={() => setShown(true)}>
          Add an action…
        </Button>
      </div>
    );
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.title.trim()) {
      setErrors({ title: 'Say what is to be done.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const links: Links = { ...fixed, slt: prefill.breach ? undefined : form.slt || undefined };
      const a = await api.loop.actions.add({ title: form.title.trim(), owner: form.owner.trim() || undefined, due: form.due || undefined, links, note: form.note.trim() || undefined });
      setForm({ title: '', owner: '', due: '', slt: form.slt, note: '' });
      onAdded(`${a.id} added for ${a.owner}${a.due ? `, due ${a.due}` : ''}.`);
    } catch (err) {
      setErrors({ form: toError(err).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card panel" aria-labelledby="add-title">
      <h2 className="panel__title" id="add-title">
        Add an action{fixedText !== '-' ? ` about ${fixedText}` : ''}
      </h2>
      <form className="loop-form" onSubmit={submit} noValidate>
        <Field label="What is to be done" error={errors.title} className="loop-form__wide">
          {(p) => <input {...p} className="input" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} autoFocus={expanded} />}
        </Field>
        <Field label="Owner" hint="Empty: the owner of the RCA or SLT it is about.">
          {(p) => <input {...p} className="input" value={form.owner} onChange={(e) => setForm({ ...form, owner: e.target.value })} />}
        </Field>
        <Field label="Due">
          {(p) => <input {...p} type="date" className="input" value={form.due} onChange={(e) => setForm({ ...form, due: e.target.value })} />}
        </Field>
        {!prefill.breach && (
          <Field label="SLT">
            {(p) => (
              <select {...p} className="select" value={form.slt} onChange={(e) => setForm({ ...form, slt: e.target.value })}>
                <option value="">None</option>
                {slts.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Note" className="loop-form__wide">
          {(p) => <input {...p} className="input" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />}
        </Field>
        {errors.form && (
          <div className="loop-form__wide">
            <Notice tone="error">{errors.form}</Notice>
          </div>
        )}
        <div className="loop-form__wide">
          <ButtonRow>
            <Button type="submit" variant="primary" disabled={busy}>
              Add action
            </Button>
          </ButtonRow>
        </div>
      </form>
    </section>
  );
}

function DropDialog({ a, onClose, onDone }: { a: ActionItem; onClose: () => void; onDone: (m: string) => void }) {
  const api = useApi();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function drop() {
    if (!note.trim()) {
      setError('Say why it is dropped: the meeting and the auditors read it.');
      return;
    }
    try {
      const d = await api.loop.actions.close(a.id, 'dropped', note.trim());
      onDone(`${d.id} dropped.`);
    } catch (e) {
      setError(toError(e).message);
    }
  }
  return (
    <Modal
      title={`Drop ${a.id}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={drop}>
            Drop action
          </Button>
        </>
      }
    >
      <p className="modal__text">
        <strong>{a.title}</strong> ({a.owner}). A dropped action stays on record with your note.
      </p>
      <Field label="Why" error={error}>
        {(p) => <textarea {...p} className="textarea" value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </Modal>
  );
}

function ActionDialog({ a, onClose, onChanged }: { a: ActionItem; onClose: () => void; onChanged: (m: string) => void }) {
  const api = useApi();
  const { can } = useSession();
  const [note, setNote] = useState('');
  const [due, setDue] = useState(a.due ?? '');
  const [error, setError] = useState<string | null>(null);
  async function save() {
    const u: { id: string; note?: string; due?: string } = { id: a.id };
    if (note.trim()) u.note = note.trim();
    if (due !== (a.due ?? '')) u.due = due;
    if (!u.note && u.due === undefined) {
      setError('Nothing to save: write a note or change the due date.');
      return;
    }
    try {
      await api.loop.actions.update(u);
      onChanged(`${a.id} updated.`);
    } catch (e) {
      setError(toError(e).message);
    }
  }
  const links = a.links;
  return (
    <Modal
      title={`${a.id}: ${a.title}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          {can('Actions/Update') && (
            <Button variant="primary" onClick={save}>
              Save
            </Button>
          )}
        </>
      }
    >
      <dl className="kv kv--wide">
        <div>
          <dt>Owner</dt>
          <dd>{a.owner}</dd>
        </div>
        <div className={a.overdue ? 'is-bad' : undefined}>
          <dt>Due</dt>
          <dd>{dueText(a)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABEL[a.status as ActionStatus] ?? a.status}</dd>
        </div>
        <div>
          <dt>Made by</dt>
          <dd>
            {a.created_by} ({a.origin})
          </dd>
        </div>
      </dl>
      <p className="modal__text">
        About {aboutText(links)}
        {links.rca && (
          <>
            {' '}
            · <a href={href('rca', links.rca)}>{links.rca}</a>
          </>
        )}
        {links.slt && (
          <>
            {' '}
            · <a href={href('slt', links.slt)}>{links.slt}</a>
          </>
        )}
      </p>
      {a.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {a.notes.map((n, i) => (
            <li key={i}>
              <span className="cell-sub">
                {fmtTime(n.at)} · {n.by}
              </span>{' '}
              {n.text}
            </li>
          ))}
        </ul>
      )}
      <details className="history">
        <summary>History ({a.history.length})</summary>
        <ul>
          {a.history.map((c, i) => (
            <li key={i}>
              {fmtTime(c.at)} · {c.actor} · {c.field}
              {c.from ? `: ${c.from} → ${c.to}` : c.to ? `: ${c.to}` : ''}
            </li>
          ))}
        </ul>
      </details>
      {can('Actions/Update') && (
        <>
          <Field label="Due">{(p) => <input {...p} type="date" className="input" value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
          <Field label="Add a note" error={error}>
            {(p) => <textarea {...p} className="textarea" value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
        </>
      )}
    </Modal>
  );
}
