// Audit log: the hash-chained events (virtualised, filtered by action, object
// and user), one event's detail, and Verify, which walks the whole chain.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import type { AuditEvent, AuditVerification } from '../../api/audit';
import { Badge, type BadgeTone } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { Button, Field, Notice } from '../imports/controls';
import { fmtTime, plural } from '../imports/format';
import { type AuditFilter, NO_FILTER, distinct, filterEvents, shortHash } from './filter';
import * as fmt from '../../format';
import './audit.css';
import { errorOf, useLoad } from '../../state/useLoad';


function actionTone(a: string): BadgeTone {
  if (a.endsWith('.deleted') || a.includes('revert') || a.includes('reject')) return 'red';
  if (a.startsWith('definition.')) return 'blue';
  if (a.startsWith('import')) return 'violet';
  if (a.startsWith('exception') || a.includes('approve')) return 'amber';
  if (a.startsWith('pack') || a.startsWith('export')) return 'green';
  return 'neutral';
}

export function AuditScreen() {
  const api = useApi();
  const { data: events, error, reload: load } = useLoad(() => api.audit.log(0), [api]);
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [selected, setSelected] = useState<number | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<Error | null>(null);

  async function verify() {
    setVerifying(true);
    setVerifyError(null);
    setVerification(null);
    try {
      setVerification(await api.audit.verify());
    } catch (e) {
      setVerifyError(errorOf(e));
    } finally {
      setVerifying(false);
    }
  }

  const all = events ?? [];
  const actions = useMemo(() => distinct(all, 'action'), [all]);
  const actors = useMemo(() => distinct(all, 'actor'), [all]);
  // newest first: the last change is what people look for
  // the object filter is typed: filter the (possibly long) log with the deferred value, so typing stays quick
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => filterEvents(all, deferred).reverse(), [all, deferred]);
  const detail = selected === null ? undefined : all.find((e) => e.seq === selected);
  const filtered = filter.action || filter.actor || filter.object.trim();

  const columns = useMemo<ColumnDef<AuditEvent, unknown>[]>(
    () => [
      { id: 'seq', header: '#', accessorFn: (e) => e.seq, cell: (c) => <span className="cell-strong">{c.row.original.seq}</span>, meta: { width: '4rem', narrowWidth: '3.5rem', numeric: true } },
      { id: 'time', header: 'Time (UTC)', accessorFn: (e) => e.time, cell: (c) => <span className="nowrap">{fmtTime(c.row.original.time).replace(' UTC', '')}</span>, meta: { width: '10.5rem', narrowWidth: '10.25rem' } },
      { id: 'actor', header: 'User', accessorFn: (e) => e.actor, cell: (c) => <span className="audit-actor" title={c.row.original.actor}>{c.row.original.actor}</span>, meta: { width: '8rem', narrowWidth: '6rem' } },
      {
        id: 'action',
        header: 'Action',
        accessorFn: (e) => e.action,
        cell: (c) => <Badge tone={actionTone(c.row.original.action)}>{c.row.original.action}</Badge>,
        meta: { width: '11rem', narrowWidth: '9.75rem' },
      },
      { id: 'object', header: 'Object', accessorFn: (e) => e.object, cell: (c) => <span className="audit-object">{c.row.original.object}</span> },
      {
        id: 'hash',
        header: 'Hash',
        accessorFn: (e) => e.hash,
        enableSorting: false,
        cell: (c) => <code className="cell-sub">{shortHash(c.row.original.hash)}</code>,
        // the open event shows the whole hash; narrow windows keep the room for the object
        meta: { width: '9.5rem', hideWhenNarrow: true },
      },
      {
        id: 'open',
        header: () => <span className="visually-hidden">Detail</span>,
        enableSorting: false,
        cell: (c) => (
          <Button
            className="btn--sm"
            aria-label={`Details of event ${c.row.original.seq}`}
            aria-pressed={selected === c.row.original.seq}
            onClick={() => setSelected(c.row.original.seq)}
          >
            Details
          </Button>
        ),
        meta: { width: '5.5rem' },
      },
    ],
    [selected],
  );

  return (
    <div className="page page--audit" data-testid="audit">
      <div className="page__head">
        <div>
          <h1>Audit log</h1>
          <p className="page__lede">
            Every import, definition change, decision and export, each event sealed with the hash of the one before, so a change anywhere shows.
          </p>
        </div>
        <Button variant="primary" icon="audit" className="page__action" onClick={verify} disabled={verifying || events === null}>
          {verifying ? 'Verifying…' : 'Verify the chain'}
        </Button>
      </div>

      {verification &&
        (verification.ok ? (
          <Notice tone="success" title={`The audit trail is intact: ${plural(verification.events, 'event')} checked.`}>
            {verification.data_checked && (
              <p>
                {`The data matches too: the stored points of ${plural(verification.batches ?? 0, 'published batch', 'published batches')} (${fmt.count(verification.points ?? 0)} points) hash to what their imports recorded.`}
              </p>
            )}
            <p>
              Head: event {verification.events}, hash <code className="audit-hash" data-testid="audit-head">{verification.head || '–'}</code>
            </p>
            <p className="muted">
              Keep the head somewhere this database’s owner cannot change (<code>slate audit anchor</code> writes it, signed): a trail rewritten and
              re-hashed inside the file, or cut at the end, only shows against it.
            </p>
          </Notice>
        ) : verification.bad_batch ? (
          <Notice tone="error" title={`The data of batch ${verification.bad_batch} no longer matches the audit trail.`}>
            <p>{verification.problem}</p>
            <p>The chain itself checks out, but stored points were changed outside Slate. Restore the database from a backup and compare.</p>
          </Notice>
        ) : (
          <Notice tone="error" title={`The audit trail is broken at event ${verification.first_bad ?? '?'}.`}>
            <p>{verification.problem || 'The event does not match the hash chain.'}</p>
            <p>
              Events before it check out; event {verification.first_bad} and everything after it cannot be trusted. Restore the database from a backup
              and compare.
            </p>
          </Notice>
        ))}
      {verifyError && (
        <Notice tone="error" title="The chain could not be checked">
          {verifyError.message}
        </Notice>
      )}

      {error ? (
        <ErrorPanel title="The audit log could not be loaded" error={error} onRetry={load} />
      ) : events === null ? (
        <Loading>Loading the audit log…</Loading>
      ) : (
        <div className="audit-layout">
          {detail && <EventDetail event={detail} onClose={() => setSelected(null)} />}
          <section className="card panel audit-list" aria-labelledby="audit-list-title">
            <div className="panel__head">
              <h2 className="panel__title" id="audit-list-title">
                Events
              </h2>
              <span className="muted" aria-live="polite">
                {filtered ? `${fmt.count(shown.length)} of ${plural(all.length, 'event')}` : plural(all.length, 'event')} · newest first
              </span>
            </div>
            <div className="toolbar" role="search" aria-label="Filter the audit log">
              <Field label="Action">
                {(p) => (
                  <select {...p} className="select" value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
                    <option value="">Any action</option>
                    {actions.map((a) => (
                      <option key={a}>{a}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Object">
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    type="search"
                    placeholder="e.g. SLT/ or Batch/12"
                    value={filter.object}
                    onChange={(e) => setFilter({ ...filter, object: e.target.value })}
                  />
                )}
              </Field>
              <Field label="User">
                {(p) => (
                  <select {...p} className="select" value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value })}>
                    <option value="">Anyone</option>
                    {actors.map((a) => (
                      <option key={a}>{a}</option>
                    ))}
                  </select>
                )}
              </Field>
              {filtered && (
                <Button onClick={() => setFilter(NO_FILTER)} className="audit-clear">
                  Clear filters
                </Button>
              )}
            </div>
            {all.length === 0 ? (
              <p className="muted">Nothing has been recorded yet. Imports, definition changes, decisions and exports each add an event here.</p>
            ) : shown.length === 0 ? (
              <p className="muted">No event matches these filters: clear them to see all {plural(all.length, 'event')}.</p>
            ) : (
              <DataTable caption="Audit events" columns={columns} data={shown} getRowId={(e) => String(e.seq)} virtualizeAbove={60} maxHeight={480} rowHeight={41} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function EventDetail({ event, onClose }: { event: AuditEvent; onClose: () => void }) {
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [event.seq]);
  const details = event.details === undefined || event.details === null ? '' : JSON.stringify(event.details, null, 2);
  return (
    <section className="card panel audit-detail" aria-labelledby="audit-detail-title" ref={box}>
      <div className="panel__head">
        <h2 className="panel__title" id="audit-detail-title">
          Event {event.seq}
        </h2>
        <Button className="btn--sm" onClick={onClose} aria-label="Close the event detail">
          Close
        </Button>
      </div>
      <div className="audit-detail__body">
      <dl className="audit-fields">
        <dt>Action</dt>
        <dd>
          <Badge tone={actionTone(event.action)}>{event.action}</Badge>
        </dd>
        <dt>Object</dt>
        <dd>{event.object}</dd>
        <dt>User</dt>
        <dd>{event.actor}</dd>
        <dt>Time</dt>
        <dd>{fmtTime(event.time)}</dd>
        <dt>Hash</dt>
        <dd>
          <code className="audit-hash">{event.hash}</code>
        </dd>
        <dt>Previous</dt>
        <dd>
          <code className="audit-hash">{event.prev || '(first event)'}</code>
        </dd>
      </dl>
      <div className="audit-detail__json">
        <h3 className="audit-detail__sub">Details</h3>
        {details ? (
          <pre className="audit-json" tabIndex={0} aria-label={`Details of event ${event.seq} as JSON`}>
            {details}
          </pre>
        ) : (
          <p className="muted">No details recorded.</p>
        )}
      </div>
      </div>
    </section>
  );
}
