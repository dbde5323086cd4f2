// Definitions: services, SLTs, calendars, maintenance windows, contracts,
// suppliers and feeds as forms (Apply's problems at the field), create, edit,
// delete (refused while referred to), and the whole workspace as YAML.
import { useCallback, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import { useSession } from '../../state/session';
import type { DefinitionDoc, DefinitionKind } from '../../api/workspace';
import { DataTable } from '../../components/ui/DataTable';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { useWorkspace } from '../../state/workspace';
import { Button, Modal, Notice } from '../imports/controls';
import { DefinitionForm } from './DefinitionForm';
import { YamlView } from './YamlView';
import { KIND_INFO, KIND_ORDER, type Refs, emptyDoc, noun } from './schema';
import './definitions.css';
import { errorOf, useLoad } from '../../state/useLoad';


type Editing = { doc: DefinitionDoc; isNew: boolean } | null;

export function DefinitionsScreen() {
  const api = useApi();
  const { can } = useSession();
  const { reload: reloadWorkspace } = useWorkspace();
  const { data: docs, error, reload: load } = useLoad(() => api.definitions.definitions('', ''), [api]);
  const [kind, setKind] = useState<DefinitionKind>('Service');
  const [view, setView] = useState<'forms' | 'yaml'>('forms');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DefinitionDoc | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const changed = useCallback(async () => {
    await load();
    reloadWorkspace();
  }, [load, reloadWorkspace]);

  const byKind = useMemo(() => {
    const m = new Map<string, DefinitionDoc[]>();
    for (const d of docs ?? []) m.set(d.kind, [...(m.get(d.kind) ?? []), d]);
    return m;
  }, [docs]);
  const refs = useMemo<Refs>(() => {
    const names = (k: DefinitionKind) => (byKind.get(k) ?? []).map((d) => d.metadata.name).sort();
    return { services: names('Service'), suppliers: names('Supplier'), feeds: names('Feed'), slts: names('SLT'), calendars: names('Calendar') };
  }, [byKind]);

  const info = KIND_INFO[kind];
  const list = byKind.get(kind) ?? [];

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await api.definitions.delete(deleting.kind, deleting.metadata.name);
      setNotice(`${deleting.kind}/${deleting.metadata.name} deleted.`);
      setDeleting(null);
      await changed();
    } catch (e) {
      setDeleteError(errorOf(e).message);
    }
  }

  const columns = useMemo<ColumnDef<DefinitionDoc, unknown>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        accessorFn: (d) => d.metadata.name,
        cell: (c) => {
          const d = c.row.original;
          return (
            <span className="cell-stack">
              <span className="cell-strong">{d.metadata.name}</span>
              {d.metadata.displayName && <span className="cell-sub">{d.metadata.displayName}</span>}
            </span>
          );
        },
        meta: { width: '34%' },
      },
      { id: 'summary', header: 'Summary', accessorFn: (d) => KIND_INFO[d.kind as DefinitionKind]?.summary(d) ?? '', cell: (c) => <span className="def-summary">{String(c.getValue())}</span> },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        enableSorting: false,
        cell: (c) => {
          const d = c.row.original;
          if (!can('Workspace/Apply')) return null;
          return (
            <span className="cell-actions">
              <Button className="btn--sm" aria-label={`Edit ${d.kind} ${d.metadata.name}`} onClick={() => setEditing({ doc: d, isNew: false })}>
                Edit
              </Button>
              <Button
                className="btn--sm btn--danger"
                aria-label={`Delete ${d.kind} ${d.metadata.name}`}
                onClick={() => {
                  setDeleteError(null);
                  setDeleting(d);
                }}
              >
                Delete
              </Button>
            </span>
          );
        },
        meta: { width: '9rem' },
      },
    ],
    [can],
  );

  return (
    <div className="page page--definitions" data-testid="definitions">
      <div className="page__head">
        <div>
          <h1>Definitions</h1>
          <p className="page__lede">The workspace as code: every change is validated as a whole, stored all or nothing, and audited.</p>
        </div>
        <div className="segmented" role="group" aria-label="View">
          <button type="button" className="segmented__btn" aria-pressed={view === 'forms'} onClick={() => setView('forms')}>
            Forms
          </button>
          <button
            type="button"
            className="segmented__btn"
            aria-pressed={view === 'yaml'}
            onClick={() => {
              setEditing(null);
              setView('yaml');
            }}
          >
            YAML
          </button>
        </div>
      </div>

      {error ? (
        <ErrorPanel title="The definitions could not be loaded" error={error} onRetry={load} />
      ) : docs === null ? (
        <Loading>Loading definitions…</Loading>
      ) : view === 'yaml' ? (
        <YamlView initialKind="" onApplied={changed} />
      ) : (
        <>
          <div className="def-kinds" role="group" aria-label="Kind">
            {KIND_ORDER.map((k) => (
              <button
                key={k}
                type="button"
                className="def-kinds__btn"
                aria-pressed={k === kind}
                disabled={editing !== null && k !== kind}
                onClick={() => {
                  setKind(k);
                  setNotice(null);
                }}
              >
                {KIND_INFO[k].plural}
                <span className="def-kinds__count">{(byKind.get(k) ?? []).length}</span>
              </button>
            ))}
          </div>
          {notice && <Notice tone="success">{notice}</Notice>}
          {editing ? (
            <DefinitionForm
              key={`${editing.doc.kind}/${editing.doc.metadata.name}/${editing.isNew}`}
              info={info}
              doc={editing.doc}
              isNew={editing.isNew}
              refs={refs}
              onCancel={() => setEditing(null)}
              onSaved={async (m) => {
                setEditing(null);
                setNotice(m);
                await changed();
              }}
            />
          ) : (
            <section className="card panel" aria-labelledby="def-list-title">
              <div className="panel__head">
                <div>
                  <h2 className="panel__title" id="def-list-title">
                    {info.plural}
                  </h2>
                  <p className="panel__sub">{info.lede}</p>
                </div>
                {can('Workspace/Apply') && (
                <Button
                  variant="primary"
                  onClick={() => {
                    setNotice(null);
                    setEditing({ doc: emptyDoc(kind), isNew: true });
                  }}
                >
                  New {noun(info)}
                </Button>
                )}
              </div>
              {list.length === 0 ? (
                <p className="muted">
                  No {info.plural.toLowerCase()} yet: add one with “New {noun(info)}”, or paste the documents into the YAML view.
                </p>
              ) : (
                <DataTable caption={info.plural} columns={columns} data={list} getRowId={(d) => d.metadata.name} rowHeight={48} />
              )}
            </section>
          )}
        </>
      )}
      {deleting && (
        <Modal
          title={`Delete ${deleting.kind} ${deleting.metadata.name}?`}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <Button onClick={() => setDeleting(null)}>Cancel</Button>
              <Button className="btn--danger" onClick={confirmDelete}>
                Delete
              </Button>
            </>
          }
        >
          <p className="modal__text">
            The deletion is recorded in the audit log. Slate refuses it while another definition refers to {deleting.metadata.name}.
          </p>
          {deleteError && (
            <Notice tone="error" title="Not deleted">
              {deleteError}
            </Notice>
          )}
        </Modal>
      )}
    </div>
  );
}
