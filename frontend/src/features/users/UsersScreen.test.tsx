import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, ApiError, createApi } from '../../api';
import type { UserInfo } from '../../api/session';
import { SessionProvider } from '../../state/session';
import { App } from '../../App';
import { fakeTransport, type Handlers } from '../imports/fakeTransport';
import { UsersScreen } from './UsersScreen';

const users: UserInfo[] = [
  { name: 'root', role: 'admin', active: true, created: '2026-11-01T00:00:00Z', created_by: 'ana' },
  { name: 'vera', role: 'viewer', active: false, created: '2026-11-02T00:00:00Z', created_by: 'root', revoked: '2026-11-20T00:00:00Z', revoked_by: 'root' },
];

function setup(extra: Handlers = {}) {
  const list = [...users];
  const f = fakeTransport({
    'Session.Me': () => ({ name: 'root', role: 'admin', rights: [], methods: ['Users/List', 'Users/Add', 'Users/Revoke'] }),
    'Users.List': () => list.map((u) => ({ ...u })),
    'Workspace.Definitions': () => [{ apiVersion: 'slate/v1', kind: 'Supplier', metadata: { name: 'parcelnet' }, spec: {} }],
    'Users.Add': (r: { name: string; role: string; supplier?: string }) => {
      const u = { name: r.name, role: r.role, supplier: r.supplier, active: true, created: '2026-11-28T00:00:00Z', created_by: 'root' };
      list.push(u);
      return { user: u, token: 'slate_s3cr3tT0ken' };
    },
    'Users.Revoke': (name: string) => {
      const u = list.find((x) => x.name === name)!;
      Object.assign(u, { active: false, revoked: '2026-11-28T00:00:00Z', revoked_by: 'root' });
      return u;
    },
    ...extra,
  });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <SessionProvider>
        <UsersScreen origin="http://slate.example:8420" />
      </SessionProvider>
    </ApiProvider>,
  );
  return f;
}

describe('users', () => {
  it('adds a supplier user, shows the token once, and revokes', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(within(table).getByText('vera')).toBeInTheDocument();
    // nobody revokes themselves from here; revoked users have no button
    expect(within(table).queryByRole('button', { name: 'Revoke root' })).toBeNull();
    expect(within(table).queryByRole('button', { name: 'Revoke vera' })).toBeNull();

    const form = screen.getByRole('form', { name: 'Add a user' });
    await user.type(within(form).getByLabelText('Name'), '../sam');
    await user.selectOptions(within(form).getByLabelText('Role'), 'supplier');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByText(/Letters, digits/)).toBeInTheDocument();
    expect(within(form).getByText('Which supplier does this user send data for?')).toBeInTheDocument();
    expect(calls('Users.Add')).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'sam');
    await user.selectOptions(within(form).getByLabelText('Supplier'), 'parcelnet');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    const once = await screen.findByRole('region', { name: 'sam’s token — shown only now' });
    expect(within(once).getByLabelText('Token of sam')).toHaveValue('slate_s3cr3tT0ken');
    expect(within(once).getByText('http://slate.example:8420/#token=slate_s3cr3tT0ken')).toBeInTheDocument();
    expect(calls('Users.Add')[0][0]).toEqual({ name: 'sam', role: 'supplier', supplier: 'parcelnet' });
    await user.click(within(once).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText('slate_s3cr3tT0ken')).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Revoke sam' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke sam' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText(/sam’s token no longer works/)).toBeInTheDocument();
    expect(calls('Users.Revoke')).toEqual([['sam']]);
  });
});

describe('signing in', () => {
  function renderApp(handlers: Handlers) {
    const f = fakeTransport(handlers);
    render(
      <ApiProvider api={createApi(f.transport)}>
        <App />
      </ApiProvider>,
    );
    return f;
  }

  it('asks for a token when the server does not take this tab’s', async () => {
    renderApp({ 'Session.Me': () => Promise.reject(new ApiError('missing or wrong token', 'Session.Me', 401)) });
    expect(await screen.findByRole('heading', { name: 'Sign in to Slate' })).toBeInTheDocument();
    expect(screen.getByLabelText('Token')).toHaveAttribute('type', 'password');
  });

  it('offers a supplier only the Imports screen, and names who is signed in', async () => {
    window.location.hash = '#/portfolio';
    const f = renderApp({
      'Session.Me': () => ({ name: 'sam', role: 'supplier', supplier: 'parcelnet', rights: [], methods: ['Imports/Feeds', 'Imports/Batches', 'Imports/Upload'] }),
      'Imports.Feeds': () => [],
      'Imports.Batches': () => [],
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Imports']);
    expect(await screen.findByTestId('imports')).toBeInTheDocument();
    expect(screen.getByTestId('whoami')).toHaveTextContent('samsupplier · parcelnet');
    // a supplier does not read the workspace: Overview is never asked for
    expect(f.calls('Workspace.Overview')).toHaveLength(0);
  });
});
