// Users of `slate serve` (admins only): who may sign in, with which role. A
// new user's token is shown once, here; Slate keeps only its hash. Revoking
// locks the token out at once; the user stays listed for the audit trail.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import { ROLES, ROLE_HINTS, type NewUser, type Role, type UserInfo } from '../../api/session';
import { Badge, type BadgeTone } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { useSession } from '../../state/session';
import { Actions, Button, Field, Modal, Notice } from '../imports/controls';
import { fmtDate } from '../imports/format';
import './users.css';
import { errorOf, useLoad } from '../../state/useLoad';


const roleTone: Record<string, BadgeTone> = { admin: 'red', approver: 'amber', manager: 'blue', supplier: 'green', viewer: 'neutral' };

type FormErrors = Partial<Record<'name' | 'supplier' | 'form', string>>;

/** origin is where `slate serve` is reached, for the sign-in link; the window has none to give. */
export function UsersScreen({ origin: given }: { origin?: string }) {
  const api = useApi();
  const origin = given ?? (api.mode === 'browser' ? window.location.origin : '');
  const { me } = useSession();
  const { data, error, reload: load } = useLoad(async () => {
    const [us, sups] = await Promise.all([api.users.list(), api.definitions.definitions('Supplier')]);
    return { users: us, suppliers: sups.map((d) => d.metadata.name) };
  }, [api]);
  const users = data?.users ?? null;
  const suppliers = data?.suppliers ?? [];
  const [form, setForm] = useState<{ name: string; role: Role; supplier: string }>({ name: '', role: 'viewer', supplier: '' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<NewUser | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<UserInfo | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const errs: FormErrors = {};
    if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(form.name.trim())) errs.name = 'Letters, digits, “.”, “_”, “-” or “@”, starting with a letter or digit.';
    if (form.role === 'supplier' && !form.supplier) errs.supplier = 'Which supplier does this user send data for?';
    setErrors(errs);
    if (errs.name || errs.supplier) return;
    setAdding(true);
    try {
      const nu = await api.users.add({ name: form.name.trim(), role: form.role, supplier: form.role === 'supplier' ? form.supplier : undefined });
      setCreated(nu);
      setCopied(false);
      setForm({ name: '', role: form.role, supplier: form.supplier });
      await load();
    } catch (err) {
      setErrors({ form: errorOf(err).message });
    } finally {
      setAdding(false);
    }
  }

  async function copyToken() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  async function revoke() {
    if (!revoking) return;
    setRevokeError(null);
    try {
      const u = await api.users.revoke(revoking.name);
      setRevoking(null);
      setNotice(`${u.name}’s token no longer works. The user stays in the list and in the audit trail.`);
      if (created?.user.name === u.name) setCreated(null);
      await load();
    } catch (e) {
      setRevokeError(errorOf(e).message);
    }
  }

  const columns = useMemo<ColumnDef<UserInfo, unknown>[]>(
    () => [
      { id: 'name', header: 'Name', accessorFn: (u) => u.name, cell: (c) => <span className="cell-strong">{c.row.original.name}</span>, meta: { width: '12rem' } },
      {
        id: 'role',
        header: 'Role',
        accessorFn: (u) => u.role,
        cell: (c) => {
          const u = c.row.original;
          return (
            <span className="cell-stack">
              <span>
                <Badge tone={roleTone[u.role] ?? 'neutral'}>{u.role}</Badge>
              </span>
              {u.supplier && <span className="cell-sub">for {u.supplier}</span>}
            </span>
          );
        },
        meta: { width: '10rem' },
      },
      {
        id: 'state',
        header: 'Token',
        accessorFn: (u) => (u.active ? 'active' : 'revoked'),
        cell: (c) => {
          const u = c.row.original;
          return u.active ? (
            <Badge tone="green">active</Badge>
          ) : (
            <span className="cell-stack">
              <span>
                <Badge tone="neutral">revoked</Badge>
              </span>
              <span className="cell-sub">
                {fmtDate(u.revoked ?? '')} by {u.revoked_by}
              </span>
            </span>
          );
        },
        meta: { width: '10rem' },
      },
      {
        id: 'added',
        header: 'Added',
        accessorFn: (u) => u.created,
        cell: (c) => (
          <span className="cell-stack">
            <span>{fmtDate(c.row.original.created)}</span>
            <span className="cell-sub">by {c.row.original.created_by}</span>
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        enableSorting: false,
        cell: (c) => {
          const u = c.row.original;
          if (!u.active) return null;
          if (me && me.name.toLowerCase() === u.name.toLowerCase()) return <span className="cell-sub">you</span>;
          return (
            <Button className="btn--sm btn--danger" aria-label={`Revoke ${u.name}`} onClick={() => { setRevokeError(null); setRevoking(u); }}>
              Revoke
            </Button>
          );
        },
        meta: { width: '7rem' },
      },
    ],
    [me],
  );

  const link = created ? `${origin}/#token=${encodeURIComponent(created.token)}` : '';

  return (
    <div className="page page--users" data-testid="users">
      <div className="page__head">
        <div>
          <h1>Users</h1>
          <p className="page__lede">
            Who may use Slate through <code>slate serve</code>. Everyone has their own token and role, and the audit trail names them.
          </p>
        </div>
      </div>
      {error ? (
        <ErrorPanel title="The users could not be loaded" error={error} onRetry={load} />
      ) : users === null ? (
        <Loading>Loading users…</Loading>
      ) : (
        <>
          {notice && <Notice tone="success">{notice}</Notice>}
          {created && (
            <section className="card panel token-once" aria-labelledby="token-title">
              <h2 className="panel__title" id="token-title">
                {created.user.name}’s token — shown only now
              </h2>
              <p className="panel__sub">
                Slate keeps only its hash: copy it now and hand it over privately. {created.user.name} signs in by opening the link, or by pasting
                the token when Slate asks for it.
              </p>
              <div className="token-once__row">
                <input className="input mono" readOnly value={created.token} aria-label={`Token of ${created.user.name}`} onFocus={(e) => e.currentTarget.select()} />
                <Button onClick={copyToken}>{copied ? 'Copied' : 'Copy'}</Button>
              </div>
              {origin && (
                <p className="field__hint">
                  Sign-in link: <span className="mono token-once__link">{link}</span>
                </p>
              )}
              <Actions>
                <Button onClick={() => setCreated(null)}>I have copied it</Button>
              </Actions>
            </section>
          )}
          <section className="card panel" aria-labelledby="add-user-title">
            <div className="panel__head">
              <h2 className="panel__title" id="add-user-title">
                Add a user
              </h2>
            </div>
            <form className="user-form" onSubmit={add} noValidate aria-labelledby="add-user-title">
              <Field label="Name" error={errors.name}>
                {(p) => <input {...p} className="input" value={form.name} autoComplete="off" onChange={(e) => setForm({ ...form, name: e.target.value })} />}
              </Field>
              <Field label="Role" hint={ROLE_HINTS[form.role]}>
                {(p) => (
                  <select {...p} className="select" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {form.role === 'supplier' && (
                <Field label="Supplier" error={errors.supplier} hint="The user sends data for this supplier’s feeds only, and sees only those batches.">
                  {(p) => (
                    <select {...p} className="select" value={form.supplier} onChange={(e) => setForm({ ...form, supplier: e.target.value })}>
                      <option value="">— choose a supplier —</option>
                      {suppliers.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
              <div className="user-form__wide">
                {errors.form && <Notice tone="error" title="The user was not added">{errors.form}</Notice>}
                <Actions>
                  <Button type="submit" variant="primary" disabled={adding}>
                    Add user
                  </Button>
                </Actions>
              </div>
            </form>
          </section>
          <section className="card panel" aria-labelledby="user-list-title">
            <div className="panel__head">
              <h2 className="panel__title" id="user-list-title">
                Users
              </h2>
              <span className="muted">
                {users.filter((u) => u.active).length} active · {users.length} in all
              </span>
            </div>
            {users.length === 0 ? (
              <p className="muted">No users yet. Until there are, only the token `slate serve` printed at start works.</p>
            ) : (
              <DataTable caption="Users" columns={columns} data={users} getRowId={(u) => u.name} rowHeight={52} />
            )}
          </section>
        </>
      )}
      {revoking && (
        <Modal
          title={`Revoke ${revoking.name}`}
          onClose={() => setRevoking(null)}
          footer={
            <>
              <Button onClick={() => setRevoking(null)}>Cancel</Button>
              <Button className="btn--danger" onClick={revoke}>
                Revoke
              </Button>
            </>
          }
        >
          <p className="modal__text">
            {revoking.name}’s token stops working at once. To let them back in, add them again: they get a new token.
          </p>
          {revokeError && <Notice tone="error" title="Not revoked">{revokeError}</Notice>}
        </Modal>
      )}
    </div>
  );
}
