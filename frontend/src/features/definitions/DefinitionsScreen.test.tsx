import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { DefinitionDoc } from '../../api/workspace';
import { WorkspaceProvider } from '../../state/workspace';
import { fakeTransport } from '../imports/fakeTransport';
import { DefinitionsScreen } from './DefinitionsScreen';

const overview = { app: 'Slate', version: '1', database: '/x.db', services: [] };

function docs(): DefinitionDoc[] {
  return [
    { apiVersion: 'slate/v1', kind: 'Service', metadata: { name: 'payments', displayName: 'Payments' }, spec: { businessUnit: 'Retail', criticality: 'high' } },
    { apiVersion: 'slate/v1', kind: 'Feed', metadata: { name: 'checkout-counts' }, spec: { shape: 'counts' } },
    {
      apiVersion: 'slate/v1', kind: 'SLT', metadata: { name: 'checkout-success' },
      spec: { service: 'payments', feed: 'checkout-counts', type: 'SLA', period: 'month', indicator: { kind: 'ratio' }, objective: { target: 0.99 }, review: { cycle: 'quarterly' } },
    },
  ];
}

const YAML = 'apiVersion: slate/v1\nkind: Service\nmetadata:\n  name: payments\nspec:\n  businessUnit: Retail\n';

function setup(apply: (file: string, text: string) => unknown, del: (kind: string, name: string) => unknown = () => null) {
  const f = fakeTransport({
    'Workspace.Overview': () => overview,
    'Workspace.Definitions': () => docs(),
    'Workspace.DefinitionsYAML': () => YAML,
    'Workspace.Apply': apply,
    'Workspace.Delete': del,
  });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <WorkspaceProvider>
        <DefinitionsScreen />
      </WorkspaceProvider>
    </ApiProvider>,
  );
  return f;
}

describe('definitions', () => {
  it('lists a kind and shows Apply’s problems at the fields of the form', async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => {
      throw new Error(
        '2 problem(s), nothing was changed:\n' +
          'SLT/checkout-success (form): document 1 (line 1) SLT/checkout-success: spec.objective.target: 1.2 is outside 0..1 for the ratio indicator (write 99.5% as 0.995)\n' +
          'document 0 (line 0) Contract/acme: spec.slt: refers to SLT "checkout-success", which no longer fits',
      );
    });
    expect(await screen.findByRole('table', { name: 'Services' })).toBeInTheDocument();
    expect(screen.getByText('Retail · high')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^SLTs/ }));
    await user.click(screen.getByRole('button', { name: 'Edit SLT checkout-success' }));
    const form = screen.getByRole('form', { name: 'Edit SLT checkout-success' });
    expect(within(form).getByLabelText('Name *')).toBeDisabled();
    expect(within(form).getByLabelText('Service *')).toHaveValue('payments');
    expect(within(form).getByText(/Kept as they are: spec\.review/)).toBeInTheDocument();
    const target = within(form).getByLabelText('Objective target');
    await user.clear(target);
    await user.type(target, '1.2');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByText('1.2 is outside 0..1 for the ratio indicator (write 99.5% as 0.995)')).toBeInTheDocument();
    expect(target).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText(/Contract\/acme · spec\.slt: refers to SLT/)).toBeInTheDocument();
    expect(within(form).getByText('Not saved: 2 problems. Nothing was changed.')).toBeInTheDocument();
    // the form sends the whole document, with what it does not show kept
    const [file, text] = calls('Workspace.Apply')[0];
    expect(file).toBe('SLT/checkout-success (form)');
    const sent = JSON.parse(text as string);
    expect(sent.spec.objective).toEqual({ target: 1.2 });
    expect(sent.spec.review).toEqual({ cycle: 'quarterly' });
  });

  it('checks numbers before sending and creates a new definition', async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => ({ created: ['Service/billing'], updated: [], unchanged: [] }));
    await screen.findByRole('table', { name: 'Services' });
    await user.click(screen.getByRole('button', { name: 'New service' }));
    const form = screen.getByRole('form', { name: 'New service' });
    await user.click(within(form).getByRole('button', { name: 'Create service' }));
    expect(within(form).getByText('Name is required.')).toBeInTheDocument();
    expect(calls('Workspace.Apply')).toHaveLength(0);
    await user.type(within(form).getByLabelText('Name *'), 'billing');
    await user.selectOptions(within(form).getByLabelText('Criticality'), 'critical');
    await user.click(within(form).getByRole('button', { name: 'Create service' }));
    expect(await screen.findByText('Service/billing created.')).toBeInTheDocument();
    expect(JSON.parse(calls('Workspace.Apply')[0][1] as string)).toEqual({ apiVersion: 'slate/v1', kind: 'Service', metadata: { name: 'billing' }, spec: { criticality: 'critical' } });
  });

  it('shows why a delete is refused', async () => {
    const user = userEvent.setup();
    setup(
      () => null,
      () => {
        throw new Error('Service/payments is still referred to by SLT/checkout-success; change or delete those first');
      },
    );
    await screen.findByRole('table', { name: 'Services' });
    await user.click(screen.getByRole('button', { name: 'Delete Service payments' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Service payments?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/still referred to by SLT\/checkout-success/)).toBeInTheDocument();
  });

  it('applies YAML and points at the document and line of each problem', async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => {
      throw new Error('1 problem(s), nothing was changed:\nworkspace.yaml: document 1 (line 6) Service/payments: spec.criticality: "huge" is not low, medium, high or critical');
    });
    await screen.findByRole('table', { name: 'Services' });
    await user.click(screen.getByRole('button', { name: 'YAML' }));
    const editor = await screen.findByLabelText('YAML of the definitions');
    await screen.findByDisplayValue(/businessUnit: Retail/);
    await user.clear(editor);
    await user.type(editor, 'kind: Service{enter}metadata:{enter}  name: payments{enter}spec:{enter}  businessUnit: Retail{enter}  criticality: huge');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const go = await screen.findByRole('button', { name: 'Document 1, line 6' });
    expect(screen.getByText(/Service\/payments · spec\.criticality: "huge" is not/)).toBeInTheDocument();
    expect(calls('Workspace.Apply')[0][0]).toBe('workspace.yaml');
    await user.click(go);
    const ta = editor as HTMLTextAreaElement;
    expect(ta).toHaveFocus();
    expect(ta.value.slice(ta.selectionStart, ta.selectionEnd)).toBe('  criticality: huge');
  });
});
