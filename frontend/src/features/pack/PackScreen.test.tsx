import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Job } from '../../api/jobs';
import type { PackQuery, PackResult } from '../../api/packs';
import { WorkspaceProvider } from '../../state/workspace';
import { type Handlers, fakeTransport } from '../imports/fakeTransport';
import { PackScreen, describeScope } from './PackScreen';
import { lastCompleteMonth, periodError } from './period';

const svc = (name: string, bu: string) => ({ name, display_name: name, business_unit: bu, product_line: '', owner: '', criticality: '', slts: [] });
const overview = { app: 'Slate', version: '1', database: '/x.db', services: [svc('payments', 'Retail'), svc('web-shop', 'Retail'), svc('logistics', 'Ops')] };
const result: PackResult = {
  period: '2026-10', generated_at: '2026-11-28T12:00:00Z', fingerprint: 'sha256:abc', scope: 'period=2026-10 services=payments', anonymized: false, slts: 3, sections: 9,
  files: [
    { name: 'review-pack-2026-10.pdf', path: '/d/packs/review-pack-2026-10.pdf', format: 'pdf', size: 310954, sha256: 'aa'.repeat(32) },
    { name: 'review-pack-2026-10.xlsx', path: '/d/packs/review-pack-2026-10.xlsx', format: 'xlsx', size: 130816, sha256: 'bb'.repeat(32) },
  ],
};
const job = (state: Job['state'], extra: Partial<Job<PackResult>> = {}): Job<PackResult> => ({ id: 7, kind: 'pack', title: 'Review pack 2026-10', owner: 'ana', state, done: 4, total: 9, step: 'SLT checkout-success', started: '', ...extra });

function setup(handlers: Handlers, mode: 'browser' | 'desktop' = 'browser') {
  const f = fakeTransport({ 'Workspace.Overview': () => overview, 'Packs.List': () => [], ...handlers }, mode);
  render(
    <ApiProvider api={createApi(f.transport)}>
      <WorkspaceProvider>
        <PackScreen now={() => new Date('2026-11-28T09:00:00Z')} />
      </WorkspaceProvider>
    </ApiProvider>,
  );
  return f;
}

describe('period keys', () => {
  it('defaults to the last complete month', () => {
    expect(lastCompleteMonth(new Date('2026-11-28T09:00:00Z'))).toBe('2026-10');
    expect(lastCompleteMonth(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12');
  });
  it('accepts the keys Slate reads and explains the rest', () => {
    for (const k of ['2026-10', '2026-Q3', '2026-W07', '2026', '2026-10-05']) expect(periodError(k)).toBeNull();
    expect(periodError('October')).toMatch(/is not a period: write 2026-10/);
    expect(periodError(' ')).toBe('Choose a period, for example 2026-10.');
  });
});

describe('pack scope', () => {
  it('reads the scope in words', () => {
    expect(describeScope('period=2026-10 services=*')).toBe('2026-10, every service');
    expect(describeScope('period=2026-Q3 services=payments,web-shop')).toBe('2026-Q3, services payments, web-shop');
    expect(describeScope('something else')).toBe('something else');
  });
});

describe('review pack', () => {
  it('builds with progress, then downloads a file in the browser', async () => {
    const user = userEvent.setup();
    let polls = 0;
    const createObjectURL = vi.fn((_: Blob) => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { calls } = setup({
      'Packs.Start': () => 7,
      'Jobs.Get': () => (++polls < 2 ? job('running') : job('done', { done: 9, result })),
      'Packs.Download': (name: string) => ({ name, content_type: 'application/pdf', data: btoa('%PDF-1.7 pack') }),
    });
    const form = await screen.findByRole('form', { name: 'Build a pack' });
    expect(within(form).getByLabelText('Period')).toHaveValue('2026-10');
    await within(form).findByRole('checkbox', { name: /payments/ });
    await user.click(within(form).getByRole('checkbox', { name: /payments/ }));
    await user.click(within(form).getByRole('checkbox', { name: /Excel/ }));
    await user.click(within(form).getByRole('checkbox', { name: /Anonymize/ }));
    await user.click(within(form).getByRole('button', { name: 'Build the pack' }));
    expect(await screen.findByRole('progressbar', { name: 'Review pack 2026-10' })).toHaveAttribute('aria-valuenow', '44');
    expect(screen.getByText('SLT checkout-success · 4 of 9')).toBeInTheDocument();
    const done = await screen.findByRole('region', { name: 'Review pack 2026-10 is ready' });
    expect(calls('Packs.Start')[0][0]).toEqual<PackQuery>({ period: '2026-10', services: ['payments'], formats: ['pdf'], anonymize: true });
    expect(within(done).getByText('sha256:abc')).toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: /Show .* in its folder/ })).toBeNull();
    await user.click(within(done).getByRole('button', { name: 'Download review-pack-2026-10.pdf' }));
    expect(calls('Packs.Download')[0]).toEqual(['review-pack-2026-10.pdf']);
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('application/pdf');
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('%PDF-1.7 pack');
  });

  it('checks the form at the fields and can cancel a running build', async () => {
    const user = userEvent.setup();
    let cancelled = false;
    const { calls } = setup({
      'Packs.Start': () => 8,
      'Jobs.Get': () => (cancelled ? job('cancelled') : job('running', { done: 1 })),
      'Jobs.Cancel': () => {
        cancelled = true;
        return job('cancelled');
      },
    });
    const form = await screen.findByRole('form', { name: 'Build a pack' });
    const period = within(form).getByLabelText('Period');
    await user.clear(period);
    await user.type(period, 'last month');
    await user.click(within(form).getByRole('checkbox', { name: /PDF/ }));
    await user.click(within(form).getByRole('checkbox', { name: /Excel/ }));
    await user.click(within(form).getByRole('button', { name: 'Build the pack' }));
    expect(within(form).getByText(/“last month” is not a period/)).toBeInTheDocument();
    expect(within(form).getByText('Choose at least one format.')).toBeInTheDocument();
    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(calls('Packs.Start')).toHaveLength(0);

    await user.clear(period);
    await user.type(period, '2026-Q3');
    await user.click(within(form).getByRole('checkbox', { name: /PDF/ }));
    await user.click(within(form).getByRole('button', { name: 'Build the pack' }));
    await screen.findByRole('progressbar');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The pack was not finished.')).toBeInTheDocument();
    expect(calls('Jobs.Cancel')[0]).toEqual([8]);
    expect(calls('Packs.Start')[0][0]).toMatchObject({ period: '2026-Q3', services: [], formats: ['pdf'] });
  });

  it('shows a failed build in plain words', async () => {
    const user = userEvent.setup();
    setup({ 'Packs.Start': () => 9, 'Jobs.Get': () => job('failed', { error: 'no SLT has data in 2026-10' }) });
    const form = await screen.findByRole('form', { name: 'Build a pack' });
    await user.click(within(form).getByRole('button', { name: 'Build the pack' }));
    expect(await screen.findByText('no SLT has data in 2026-10')).toBeInTheDocument();
    expect(screen.getByText('The pack could not be built')).toBeInTheDocument();
  });

  it('in the window: shows the folder and verifies a chosen file', async () => {
    const user = userEvent.setup();
    const { calls } = setup(
      {
        'Packs.Start': () => 7,
        'Jobs.Get': () => job('done', { result }),
        'Dialogs.ShowFolder': () => null,
        'Dialogs.OpenFile': () => ({ id: 'u5', name: 'review-pack-2026-10.pdf', size: 9, received: 9, complete: true, local: '/home/ana/review-pack-2026-10.pdf' }),
        'Packs.Verify': () => ({ file: 'review-pack-2026-10.pdf', format: 'pdf', stored: 'sha256:abc', current: 'sha256:def', match: false, scope: 'period=2026-10 services=*', services: null, components: null, message: 'the data changed since the pack was made' }),
      },
      'desktop',
    );
    const form = await screen.findByRole('form', { name: 'Build a pack' });
    await user.click(within(form).getByRole('button', { name: 'Build the pack' }));
    const done = await screen.findByRole('region', { name: 'Review pack 2026-10 is ready' });
    await user.click(within(done).getByRole('button', { name: 'Show review-pack-2026-10.xlsx in its folder' }));
    expect(calls('Dialogs.ShowFolder')[0]).toEqual(['/d/packs/review-pack-2026-10.xlsx']);
    await user.click(screen.getByRole('button', { name: 'Choose a pack file…' }));
    expect(await screen.findByText('The pack does not match the data.')).toBeInTheDocument();
    expect(screen.getByText('The data changed since the pack was made.')).toBeInTheDocument();
    expect(screen.getByText('sha256:def')).toBeInTheDocument();
    // the window hands Go an upload id for the picked file, never its path
    expect(calls('Packs.Verify')[0]).toEqual(['u5']);
  });

  it('verifies a file of the packs folder by name', async () => {
    const user = userEvent.setup();
    const { calls } = setup({
      'Packs.List': () => result.files,
      'Packs.VerifyStored': (name: string) => ({ file: name, format: 'pdf', stored: 'sha256:abc', current: 'sha256:abc', match: true, scope: 'period=2026-10 services=*', services: [], components: [], message: 'the pack matches the data: definitions, data batches and audit chain are as they were when it was exported' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Verify review-pack-2026-10.pdf' }));
    expect(await screen.findByText('The pack matches the data.')).toBeInTheDocument();
    expect(calls('Packs.VerifyStored')[0]).toEqual(['review-pack-2026-10.pdf']);
  });
});
