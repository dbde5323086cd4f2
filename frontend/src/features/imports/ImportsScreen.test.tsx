import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Batch, FeedInfo, ImportResult, PreviewResult } from '../../api/imports';
import type { Job } from '../../api/jobs';
import { fakeTransport, type Handlers } from './fakeTransport';
import { ImportsScreen } from './ImportsScreen';
import { SessionProvider } from '../../state/session';
import { lastCompleteMonth } from '../pack/period';

const feeds: FeedInfo[] = [
  { name: 'checkout-counts', display_name: 'Checkout attempts', shape: 'counts', interval: '1h', time_zone: 'UTC', required: ['time', 'good', 'total'], optional: ['bad', 'ci'], batches: 1, mapping: { time: 'timestamp', total: 'attempts', bad: 'failed', time_layout: 'iso-local' }, data_to: '2026-11-27T23:00:00Z' },
  { name: 'desk-tickets', display_name: 'desk-tickets', shape: 'item', time_zone: 'Europe/London', required: ['item', 'opened'], optional: ['resolved'], batches: 0 },
];

const preview: PreviewResult = {
  file: 'new.csv', size: 64, format: 'csv', encoding: 'utf-8', delimiter: ',', sheets: [], header_row: 1,
  header: ['timestamp', 'attempts', 'failed'],
  samples: [['2026-11-28 00:00:00', '180', '0'], ['2026-11-28 01:00:00', 'n/a', '1']],
  suggestion: { mapping: { time: 'timestamp', total: 'attempts', bad: 'failed' }, missing: [], notes: [] },
  saved: feeds[0].mapping,
};

const result = (dryRun: boolean): ImportResult => ({
  batch: dryRun ? undefined : 63, feed: 'checkout-counts', file: 'new.csv', size: 64, sha256: 'x', format: 'csv', header_row: 1,
  header: preview.header, mapping: {}, mapping_from: 'request', dry_run: dryRun, counts: { read: 2, imported: 1, rejected: 1, empty: 0, warnings: 0 },
  finding_counts: { non_numeric: 1 }, severities: { error: 1 },
  findings: [{ kind: 'non_numeric', severity: 'error', row: 3, column: 'attempts', raw: 'n/a', message: '"n/a" in attempts is not a number' }],
  from: '2026-11-28T00:00:00Z', to: '2026-11-28T00:00:00Z', seconds: 0.01,
});

const batch: Batch = { id: 2, feed: 'checkout-counts', status: 'published', file: 'old.csv', format: 'csv', header: [], finding_counts: {}, counts: { read: 5, imported: 5, rejected: 0, empty: 0, warnings: 0 }, created: '2026-11-01T00:00:00Z', published: '2026-11-01T00:00:00Z', from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:00:00Z' };

function job(id: number, state: Job['state'], r?: ImportResult): Job {
  return { id, kind: 'import', title: 't', owner: 'ana', state, done: state === 'running' ? 10 : 64, total: 64, started: '', result: r };
}

function setup(extra: Handlers = {}, mode: 'browser' | 'desktop' = 'browser', signedIn = false) {
  const jobs: Record<number, Job[]> = {};
  let next = 0;
  const f = fakeTransport({
    'Imports.Feeds': () => feeds,
    'Imports.Batches': () => [batch],
    'Imports.Upload': (c: { name: string; size: number }) => ({ id: 'u1', name: c.name, size: c.size, received: c.size, complete: true }),
    'Imports.Preview': () => preview,
    'Imports.Start': (req: { dry_run: boolean }) => {
      const id = ++next;
      jobs[id] = [job(id, 'running'), job(id, 'done', result(req.dry_run))];
      return id;
    },
    'Jobs.Get': (id: number) => (jobs[id].length > 1 ? jobs[id].shift() : jobs[id][0]),
    'Imports.RejectsFile': () => ({ name: 'rejects-batch-63.xlsx', type: 'application/zip', size: 4, data: 'UEsDBA==' }),
    'Imports.Revert': () => ({ ...batch, status: 'reverted' }),
    ...extra,
  }, mode);
  render(
    <ApiProvider api={createApi(f.transport)}>
      {signedIn ? (
        <SessionProvider>
          <ImportsScreen />
        </SessionProvider>
      ) : (
        <ImportsScreen />
      )}
    </ApiProvider>,
  );
  return { ...f, jobs };
}

async function toMapping(user: ReturnType<typeof userEvent.setup>) {
  const wizard = await screen.findByRole('region', { name: 'Import a supplier file' });
  await user.selectOptions(within(wizard).getByLabelText('Feed'), 'checkout-counts');
  await user.upload(within(wizard).getByLabelText('Supplier file (CSV or XLSX)'), new File(['timestamp,attempts,failed\n'], 'new.csv', { type: 'text/csv' }));
  expect(await within(wizard).findByText(/new\.csv · .* · uploaded/)).toBeInTheDocument();
  await user.click(within(wizard).getByRole('button', { name: 'Preview' }));
  await within(wizard).findByRole('region', { name: 'First rows of the file' });
  return wizard;
}

describe('import wizard', () => {
  it('uploads, previews with the saved mapping, checks, imports and downloads the rejects', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { calls } = setup();
    const wizard = await toMapping(user);
    expect(calls('Imports.Upload')[0][0]).toMatchObject({ name: 'new.csv', offset: 0, data: btoa('timestamp,attempts,failed\n') });
    expect(calls('Imports.Preview')[0]).toEqual(['u1', 'checkout-counts', '']);
    expect(within(wizard).getByText("the feed's saved mapping")).toBeInTheDocument();
    expect(within(wizard).getByLabelText(/^Total count/)).toHaveValue('attempts');
    expect(within(wizard).getByLabelText(/^Bad count/)).toHaveValue('failed');
    expect(within(wizard).getByRole('columnheader', { name: /attempts\s*→ total count/ })).toBeInTheDocument();

    // an incomplete mapping is refused at the field
    await user.selectOptions(within(wizard).getByLabelText(/^Time \*/), '');
    await user.click(within(wizard).getByRole('button', { name: 'Check the file' }));
    expect(within(wizard).getByText('Choose the column that holds the time.')).toBeInTheDocument();
    expect(within(wizard).getByLabelText(/^Time \*/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls('Imports.Start')).toHaveLength(0);
    await user.selectOptions(within(wizard).getByLabelText(/^Time \*/), 'timestamp');

    await user.click(within(wizard).getByRole('button', { name: 'Check the file' }));
    expect(await within(wizard).findByText('Some rows will be rejected')).toBeInTheDocument();
    expect(calls('Imports.Start')[0][0]).toEqual({
      upload: 'u1', feed: 'checkout-counts', dry_run: true, on_conflict: 'reject',
      mapping: { time: 'timestamp', total: 'attempts', bad: 'failed', time_layout: 'iso-local' }, sheet: undefined,
    });
    const findings = within(wizard).getByRole('table', { name: 'Findings in new.csv' });
    expect(within(findings).getByText('"n/a" in attempts is not a number')).toBeInTheDocument();

    await user.click(within(wizard).getByRole('button', { name: 'Import 1 row' }));
    expect(await within(wizard).findByText('Batch 63 imported into checkout-counts')).toBeInTheDocument();
    expect(calls('Imports.Start')[1][0]).toMatchObject({ dry_run: false });

    await user.click(within(wizard).getByRole('button', { name: 'Rejects report (XLSX)' }));
    expect(calls('Imports.RejectsFile')[0]).toEqual([63, 'xlsx']);
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
  });

  it('cancels a running check, and says nothing was imported', async () => {
    const user = userEvent.setup();
    const { jobs, calls } = setup({
      'Jobs.Cancel': (id: number) => {
        jobs[id] = [{ ...job(id, 'cancelled') }];
        return job(id, 'running');
      },
    });
    const wizard = await toMapping(user);
    await user.click(within(wizard).getByRole('button', { name: 'Check the file' }));
    // the job keeps running until it is cancelled
    jobs[1] = [job(1, 'running')];
    const cancel = await within(wizard).findByRole('button', { name: 'Cancel check' });
    expect(within(wizard).getByRole('progressbar', { name: /Checking new\.csv/ })).toBeInTheDocument();
    await user.click(cancel);
    expect(await within(wizard).findByText('The check was cancelled. Nothing was imported.')).toBeInTheDocument();
    expect(calls('Jobs.Cancel')).toEqual([[1]]);
  });

  it('shows the Go error of a preview at the file field', async () => {
    const user = userEvent.setup();
    setup({ 'Imports.Preview': () => Promise.reject(new Error('new.csv: binary content, not a CSV export')) });
    const wizard = await screen.findByRole('region', { name: 'Import a supplier file' });
    await user.upload(within(wizard).getByLabelText('Supplier file (CSV or XLSX)'), new File(['x'], 'new.csv'));
    await within(wizard).findByText(/uploaded/);
    await user.click(within(wizard).getByRole('button', { name: 'Preview' }));
    expect(await within(wizard).findByText('new.csv: binary content, not a CSV export')).toBeInTheDocument();
    expect(within(wizard).getByLabelText('Supplier file (CSV or XLSX)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('in the window: picks a file, reads it by upload id, saves the rejects where the person says', async () => {
    const user = userEvent.setup();
    const { calls } = setup(
      {
        'Dialogs.OpenFile': () => ({ id: 'w1', name: 'new.csv', size: 64, received: 64, complete: true, local: '/home/ana/new.csv' }),
        'Dialogs.SaveFile': () => '/home/ana/rejects-batch-63.xlsx',
        'Dialogs.ShowFolder': () => null,
      },
      'desktop',
    );
    const wizard = await screen.findByRole('region', { name: 'Import a supplier file' });
    await user.click(within(wizard).getByLabelText('Supplier file'));
    expect(await within(wizard).findByText(/new\.csv · 64 B · \/home\/ana\/new\.csv/)).toBeInTheDocument();
    await user.click(within(wizard).getByRole('button', { name: 'Preview' }));
    await within(wizard).findByRole('region', { name: 'First rows of the file' });
    expect(calls('Imports.Preview')[0]).toEqual(['w1', 'checkout-counts', '']);
    await user.click(within(wizard).getByRole('button', { name: 'Check the file' }));
    await user.click(await within(wizard).findByRole('button', { name: 'Import 1 row' }));
    await user.click(await within(wizard).findByRole('button', { name: 'Rejects report (XLSX)' }));
    expect(await within(wizard).findByText('/home/ana/rejects-batch-63.xlsx')).toBeInTheDocument();
    expect(calls('Dialogs.SaveFile')[0]).toEqual(['Save the rejects report', 'rejects-batch-63.xlsx', 'UEsDBA==']);
    expect(calls('Imports.Upload')).toHaveLength(0);
  });

  it('shows a supplier only what a supplier may do', async () => {
    const user = userEvent.setup();
    const { calls } = setup({
      'Session.Me': () => ({ name: 'sam', role: 'supplier', supplier: 'parcelnet', rights: [], methods: ['Imports/Feeds', 'Imports/Batches', 'Imports/Start', 'Imports/Upload', 'Imports/Preview', 'Imports/RejectsFile', 'Imports/TemplateFile'] }),
      'Imports.TemplateFile': () => ({ name: 'checkout-counts-template.xlsx', type: 'application/zip', size: 4, data: 'UEsDBA==' }),
    }, 'browser', true);
    expect(await screen.findByText(/The data you send for parcelnet/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Your data set' })).toBeNull();
    const table = await screen.findByRole('table', { name: 'Import batches' });
    expect(within(table).queryByRole('button', { name: 'Revert batch 2' })).toBeNull();
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Supplier template (XLSX)' }));
    expect(calls('Imports.TemplateFile')[0]).toEqual(['checkout-counts']);
  });

  it('lets a supplier download its data set of a month, and says plainly when the month has no rows', async () => {
    const user = userEvent.setup();
    const own: FeedInfo = { ...feeds[0], name: 'parcel-orders', display_name: 'Parcel orders', supplier: 'parcelnet', data_to: '2026-10-31T22:00:00Z' };
    const xlsx = { name: 'parcelnet-parcel-orders-2026-10-data.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 2048, data: 'UEsDBA==', rows: 1234 };
    const { calls } = setup({
      'Session.Me': () => ({ name: 'sam', role: 'supplier', supplier: 'parcelnet', rights: [], methods: ['Imports/Feeds', 'Imports/Batches', 'Imports/Start', 'Imports/Upload', 'Imports/Preview', 'Suppliers/DataSet'] }),
      'Imports.Feeds': () => [own],
      'Suppliers.DataSet': (q: { period: string }) => (q.period === '2026-10' ? xlsx : { ...xlsx, name: `parcelnet-parcel-orders-${q.period}-data.xlsx`, size: 4000, rows: 0 }),
    }, 'browser', true);
    const panel = await screen.findByRole('region', { name: 'Your data set' });
    expect(within(panel).getByLabelText('Your feed')).toHaveValue('parcel-orders');
    const month = within(panel).getByLabelText('Month');
    expect(month).toHaveValue(lastCompleteMonth(new Date()));

    // a month that is not one is refused at the field, without a call
    await user.clear(month);
    await user.click(within(panel).getByRole('button', { name: 'Download data set (XLSX)' }));
    expect(within(panel).getByText('Choose a month, for example 2026-10.')).toBeInTheDocument();
    expect(calls('Suppliers.DataSet')).toHaveLength(0);

    const createObjectURL = vi.fn((_: Blob) => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.type(month, '2026-10');
    await user.click(within(panel).getByRole('button', { name: 'Download data set (XLSX)' }));
    expect(await within(panel).findByText('parcelnet-parcel-orders-2026-10-data.xlsx: 1,234 rows of parcel-orders in 2026-10 (2.0 KB), downloaded.')).toBeInTheDocument();
    expect(calls('Suppliers.DataSet')[0]).toEqual([{ supplier: 'parcelnet', period: '2026-10', feed: 'parcel-orders' }]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(createObjectURL.mock.calls[0][0].type).toBe(xlsx.type);
    expect(click).toHaveBeenCalledTimes(1);

    // a month without rows: an error, and no empty file
    await user.clear(month);
    await user.type(month, '2026-11');
    await user.click(within(panel).getByRole('button', { name: 'Download data set (XLSX)' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('parcel-orders has no rows in 2026-11: there is nothing to download. Slate holds its data up to 2026-10-31.');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('shows the server refusing a data set as it is', async () => {
    const user = userEvent.setup();
    const own: FeedInfo = { ...feeds[0], name: 'parcel-orders', supplier: 'parcelnet' };
    setup({
      'Session.Me': () => ({ name: 'sam', role: 'supplier', supplier: 'parcelnet', rights: [], methods: ['Imports/Feeds', 'Imports/Batches', 'Suppliers/DataSet'] }),
      'Imports.Feeds': () => [own],
      'Suppliers.DataSet': () => Promise.reject(new Error('feed "parcel-orders" is not in parcelnet\'s review scope (its feeds: )')),
    }, 'browser', true);
    const panel = await screen.findByRole('region', { name: 'Your data set' });
    await user.click(within(panel).getByRole('button', { name: 'Download data set (XLSX)' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('feed "parcel-orders" is not in parcelnet\'s review scope');
  });

  it('does not offer the supplier data set to a manager (the Suppliers screen does)', async () => {
    setup({ 'Session.Me': () => ({ name: 'ana', role: 'manager', rights: [], methods: ['Imports/Feeds', 'Imports/Batches', 'Imports/Start', 'Suppliers/DataSet'] }) }, 'browser', true);
    await screen.findByRole('region', { name: 'Import a supplier file' });
    expect(screen.queryByRole('region', { name: 'Your data set' })).toBeNull();
  });

  it('reverts a past batch with a reason', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const table = await screen.findByRole('table', { name: 'Import batches' });
    expect(within(table).getByText('old.csv')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Revert batch 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Revert batch 2?' });
    await user.type(within(dialog).getByLabelText('Reason'), 'wrong month');
    await user.click(within(dialog).getByRole('button', { name: 'Revert batch 2' }));
    expect(await screen.findByText(/Batch 2 was reverted/)).toBeInTheDocument();
    expect(calls('Imports.Revert')).toEqual([[2, 'wrong month']]);
    expect(calls('Imports.Batches').length).toBeGreaterThan(1);
  });
});
