// The ITSM outbox: tasks Slate pushes to ITSM tools when an RCA opens or an
// action is created. Pending ones first, with their attempts and the last
// error; a retry makes one due now, "Deliver now" runs a delivery pass
// (slate serve and the window run one every minute on their own).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import type { OutboxEntry } from '../../api/loop';
import { useSession } from '../../state/session';
import { Badge } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { Button, Notice } from '../imports/controls';
import { fmtTime } from '../imports/format';
import { toError } from './loopFormat';
import './loop.css';

export function OutboxScreen() {
  const api = useApi();
  const { can } = useSession();
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setEntries(await api.loop.integrations.outbox());
    } catch (e) {
      setError(toError(e));
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);

  const retry = useCallback(
    async (e: OutboxEntry) => {
      setNotice(null);
      try {
        await api.loop.integrations.retry(e.id);
        setNotice(`${e.id} is due now: the next delivery sends it.`);
        await load();
      } catch (err) {
        setError(toError(err));
      }
    },
    [api, load],
  );
  async function deliver() {
    setNotice(null);
    try {
      const r = await api.loop.integrations.deliver();
      setNotice(`${r.attempted} attempted: ${r.delivered} delivered, ${r.failed} failed; ${r.waiting} waiting for a later attempt.`);
      await load();
    } catch (err) {
      setError(toError(err));
    }
  }

  const mayRetry = can('Integrations/Retry');
  const columns = useMemo<ColumnDef<OutboxEntry, unknown>[]>(
    () => [
      {
        id: 'task',
        header: 'Task',
        accessorFn: (e) => e.task.title,
        cell: ({ row: { original: e } }) => (
          <span className="cell-stack">
            <span>{e.task.title}</span>
            <span className="cell-sub">
              {e.id} · {e.event} → {e.integration}
            </span>
          </span>
        ),
        meta: { width: '40%' },
      },
      {
        id: 'status',
        header: 'Status',
        accessorKey: 'status',
        cell: ({ row: { original: e } }) => <Badge tone={e.status === 'delivered' ? 'green' : e.last_error ? 'red' : 'amber'}>{e.status}</Badge>,
        meta: { width: '10%' },
      },
      { id: 'attempts', header: 'Attempts', accessorKey: 'attempts', meta: { width: '8%', numeric: true } },
      {
        id: 'next',
        header: 'Next attempt / reference',
        accessorFn: (e) => (e.status === 'delivered' ? (e.remote_ref ?? '') : (e.next_attempt ?? '')),
        cell: ({ row: { original: e } }) =>
          e.status === 'delivered' ? (
            <span className="cell-stack">
              <span>{e.remote_ref || '–'}</span>
              <span className="cell-sub">delivered {e.delivered_at ? fmtTime(e.delivered_at) : ''}</span>
            </span>
          ) : (
            <span className="cell-stack">
              <span>{e.next_attempt ? fmtTime(e.next_attempt) : '–'}</span>
              {mayRetry && (
                <button type="button" className="linkish" onClick={() => retry(e)} aria-label={`Retry ${e.id} now`}>
                  Retry now
                </button>
              )}
            </span>
          ),
        meta: { width: '18%' },
      },
      { id: 'error', header: 'Last error', accessorFn: (e) => e.last_error ?? '', cell: ({ getValue }) => <span className="cell-sub">{(getValue() as string) || '–'}</span>, meta: { width: '24%' } },
    ],
    [mayRetry, retry],
  );
  const pending = (entries ?? []).filter((e) => e.status === 'pending').length;
  return (
    <div className="page" data-testid="outbox">
      <div className="page__head">
        <div>
          <h1>ITSM outbox</h1>
          <p className="page__lede">Tasks pushed to ITSM tools. A task is never lost: while a receiver is down it waits here with the reason and is retried with backoff.</p>
        </div>
        <span className="actions">
          <Button icon="refresh" onClick={load}>
            Refresh
          </Button>
          {can('Integrations/Deliver') && (
            <Button variant="primary" onClick={deliver}>
              Deliver now
            </Button>
          )}
        </span>
      </div>
      {notice && <Notice tone="success">{notice}</Notice>}
      {error ? (
        <ErrorPanel title="The outbox could not be loaded" error={error} onRetry={load} />
      ) : !entries ? (
        <Loading>Loading the outbox…</Loading>
      ) : entries.length === 0 ? (
        <Empty title="The outbox is empty">Define an Integration (a webhook or a drop folder) to push RCAs and actions to an ITSM tool.</Empty>
      ) : (
        <section className="card panel" aria-label="Outbox">
          <p className="panel__sub">
            {pending} pending, {entries.length - pending} delivered
          </p>
          <DataTable caption="Outbox, pending first" columns={columns} data={entries} getRowId={(e) => e.id} rowHeight={60} minWidth="760px" />
        </section>
      )}
    </div>
  );
}
