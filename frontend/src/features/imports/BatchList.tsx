// Past import batches, newest first: filter by feed or file, download rejects, revert (audited).
import { useDeferredValue, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import { useSession } from '../../state/session';
import { saveDownload } from '../../api/files';
import type { Batch, FeedInfo } from '../../api/imports';
import { Badge } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { SearchField } from '../../components/ui/SearchField';
import { Button, Field, Modal, Notice } from './controls';
import { fmtDate, fmtTime } from './format';
import * as fmt from '../../format';
import { errorOf } from '../../state/useLoad';


export function BatchList({ batches, feeds, onChanged }: { batches: Batch[]; feeds: FeedInfo[]; onChanged: () => void }) {
  const api = useApi();
  const { can } = useSession();
  const [feed, setFeed] = useState('');
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim().toLowerCase());
  const [reverting, setReverting] = useState<Batch | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [revertError, setRevertError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const rows = useMemo(
    () =>
      batches
        .filter((b) => (!feed || b.feed === feed) && (!q || `${b.id} ${b.file ?? ''} ${b.feed}`.toLowerCase().includes(q)))
        .sort((a, b) => b.id - a.id),
    [batches, feed, q],
  );

  async function downloadRejects(b: Batch) {
    setMessage(null);
    try {
      const f = await api.imports.rejectsFile(b.id, 'xlsx');
      if (api.dialogs.available) {
        const path = await api.dialogs.saveFile('Save the rejects report', f.name, f.data ?? '');
        if (path) setMessage({ tone: 'success', text: `Rejects report of batch ${b.id} (${fmt.count(f.rows ?? 0)} rows) saved to ${path}.` });
      } else {
        saveDownload(f);
      }
    } catch (e) {
      setMessage({ tone: 'error', text: errorOf(e).message });
    }
  }

  async function revert() {
    if (!reverting) return;
    setBusy(true);
    setRevertError(null);
    try {
      await api.imports.revert(reverting.id, reason.trim());
      setMessage({ tone: 'success', text: `Batch ${reverting.id} was reverted: its ${fmt.count(reverting.counts.imported)} rows left the data. The record stays for auditors.` });
      setReverting(null);
      setReason('');
      onChanged();
    } catch (e) {
      setRevertError(errorOf(e).message);
    } finally {
      setBusy(false);
    }
  }

  const columns = useMemo<ColumnDef<Batch, unknown>[]>(
    () => [
      { id: 'id', header: 'Batch', accessorFn: (b) => b.id, cell: (c) => <span className="cell-strong">#{c.getValue<number>()}</span>, meta: { width: '5rem', narrowWidth: '4rem' } },
      {
        id: 'file',
        header: 'File',
        accessorFn: (b) => b.file ?? '',
        cell: (c) => {
          const b = c.row.original;
          return (
            <span className="cell-stack">
              <span className="cell-file" title={b.file}>{b.file}</span>
              <span className="cell-sub">
                {b.feed}
                {b.format ? ` · ${b.format.toUpperCase()}` : ''}
                {b.sheet ? ` · ${b.sheet}` : ''}
              </span>
            </span>
          );
        },
      },
      {
        id: 'imported',
        header: 'Rows',
        accessorFn: (b) => b.counts.imported,
        cell: (c) => {
          const b = c.row.original;
          return (
            <span className="cell-stack">
              <span>{fmt.count(b.counts.imported)}</span>
              <span className={b.counts.rejected ? 'cell-sub text-bad' : 'cell-sub'}>{fmt.count(b.counts.rejected)} rejected</span>
            </span>
          );
        },
        meta: { width: '7.5rem', narrowWidth: '6.5rem', numeric: true },
      },
      {
        id: 'range',
        header: 'Data',
        accessorFn: (b) => b.from ?? '',
        cell: (c) =>
          c.row.original.from ? (
            <span className="cell-stack">
              <span>{fmtDate(c.row.original.from)}</span>
              <span className="cell-sub">to {fmtDate(c.row.original.to)}</span>
            </span>
          ) : (
            '–'
          ),
        meta: { width: '7.5rem', narrowWidth: '7rem' },
      },
      {
        id: 'status',
        header: 'Status',
        accessorFn: (b) => b.status,
        cell: (c) => {
          const b = c.row.original;
          const when = b.status === 'reverted' ? b.reverted : (b.published ?? b.created);
          return (
            <span className="cell-stack">
              <span>
                <Badge tone={b.status === 'published' ? 'green' : 'neutral'}>{b.status}</Badge>
              </span>
              <span className="cell-sub" title={fmtTime(when)}>{fmtDate(when)}</span>
            </span>
          );
        },
        meta: { width: '7.5rem', narrowWidth: '7rem' },
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        enableSorting: false,
        cell: (c) => {
          const b = c.row.original;
          return (
            <span className="cell-actions">
              {b.counts.rejected > 0 && (
                <Button className="btn--sm" onClick={() => downloadRejects(b)} aria-label={`Rejects report of batch ${b.id}`}>
                  Rejects
                </Button>
              )}
              {b.status === 'published' && can('Imports/Revert') && (
                <Button className="btn--sm btn--danger" onClick={() => { setReverting(b); setRevertError(null); }} aria-label={`Revert batch ${b.id}`}>
                  Revert
                </Button>
              )}
            </span>
          );
        },
        meta: { width: '10.5rem', narrowWidth: '9rem' },
      },
    ],
    // downloadRejects uses api only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, can],
  );

  return (
    <section className="card panel" aria-labelledby="batches-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="batches-title">
            Past imports
          </h2>
          <p className="panel__sub">
            {fmt.count(batches.length)} batches. Reverting takes a batch's rows out of the data; its record, findings and original file stay.
          </p>
        </div>
      </div>
      <div className="toolbar">
        <Field label="Feed">
          {(p) => (
            <select {...p} className="select" value={feed} onChange={(e) => setFeed(e.target.value)}>
              <option value="">All feeds</option>
              {feeds.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SearchField label="Filter batches by file or number" placeholder="Filter by file or batch number" value={query} onChange={setQuery} />
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {rows.length === 0 ? (
        <p className="muted">
          {batches.length === 0
            ? 'Nothing has been imported yet: choose a feed and a supplier file above, and the batch shows here.'
            : 'No batch matches: choose another feed or change the filter.'}
        </p>
      ) : (
        <DataTable caption="Import batches" columns={columns} data={rows} getRowId={(b) => String(b.id)} rowHeight={48} />
      )}
      {reverting && (
        <Modal
          title={`Revert batch ${reverting.id}?`}
          onClose={() => setReverting(null)}
          footer={
            <>
              <Button onClick={() => setReverting(null)}>Cancel</Button>
              <Button variant="primary" onClick={revert} disabled={busy}>
                Revert batch {reverting.id}
              </Button>
            </>
          }
        >
          <p className="modal__text">
            The {fmt.count(reverting.counts.imported)} rows of <strong>{reverting.file}</strong> leave feed {reverting.feed} at once, and every figure
            computed from them changes. The revert is recorded in the audit trail.
          </p>
          <Field label="Reason" error={revertError} hint="Recorded in the audit trail.">
            {(p) => <textarea {...p} className="textarea" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </Modal>
      )}
    </section>
  );
}
