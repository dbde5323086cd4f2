import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Job } from '../../api/jobs';
import type { PackResult } from '../../api/packs';
import type { Me } from '../../api/session';
import { SessionProvider } from '../../state/session';
import { WorkspaceProvider } from '../../state/workspace';
import { fakeTransport, type Handlers } from '../imports/fakeTransport';
import { capacityAnswer, chainReport, changeImpact, ciReport, cmdbList, dto, maturityReport, overview, supplierScope } from '../../test/fixtures';
import type { ChainReport } from '../../api/supply';
import type { Overview } from '../../api';
import { SuppliersScreen } from './SuppliersScreen';
import { DesignScreen } from './DesignScreen';
import { CMDBScreen, ageDays } from './CMDBScreen';
import { CMDBFinding, flaggedShare } from './CMDBFinding';
import { needed, periodsMet, score, seconds } from './supplyFormat';

function show(node: React.ReactNode, handlers: Handlers) {
  const f = fakeTransport({ 'Workspace.Overview': () => overview, ...handlers });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <SessionProvider>
        <WorkspaceProvider>{node}</WorkspaceProvider>
      </SessionProvider>
    </ApiProvider>,
  );
  return f;
}

/** A signed-in viewer: reads, may not build packs, import a CMDB or draft SLTs. */
const viewer = (extra: string[] = []): Me => ({
  name: 'vera',
  role: 'viewer',
  rights: ['read', 'feeds'],
  methods: ['Workspace/Overview', 'Workspace/Definitions', 'Suppliers/Check', 'Suppliers/Maturity', 'Suppliers/Scope', 'Design/Capacity', 'Design/Change', 'CMDB/List', 'CMDB/Check', ...extra],
});

const now = () => new Date('2026-11-28T09:00:00Z');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('supplier figures', () => {
  it('read as a person writes them', () => {
    expect(needed(0.999499874937461)).toBe('99.95%');
    expect(needed(0.995)).toBe('99.5%');
    expect(needed(1.009)).toBe('more than 100% (impossible)');
    expect(score(3.511111111111111)).toBe('3.51 of 5');
    expect(score(null)).toBe('–');
    expect(periodsMet(6, 12, 0.5)).toBe('6 of 12 periods (50%)');
    expect(periodsMet(0, 0, null)).toBe('no complete period');
    expect(seconds(105.75273405585)).toBe('106 s');
    expect(seconds(180)).toBe('3 min');
    expect(seconds(10.036)).toBe('10 s');
    expect(seconds(3550.920802976494)).toBe('59.2 min');
    expect(seconds(70685.2114853672)).toBe('19.6 h');
    expect(flaggedShare(0.6275862068965518)).toBe('63%');
    expect(flaggedShare(0.0823)).toBe('8.2%');
    expect(flaggedShare(0.000001)).toBe('< 0.001%');
  });
});

describe('suppliers', () => {
  it('shows the chain: the gap, why the targets cannot add up, the parts met while the whole missed, the orphan', async () => {
    show(<SuppliersScreen now={now} />, { 'Suppliers.Check': () => chainReport, 'Suppliers.Maturity': () => maturityReport });
    const chain = await screen.findByRole('article', { name: 'Chain of shop-availability' });
    expect(within(chain).getByText('Gap: checkout-success has no contract')).toBeInTheDocument();
    expect(within(chain).getByText('not feasible')).toBeInTheDocument();
    expect(chain).toHaveTextContent('The components\' targets allow at most 98.505% end to end, against a target of 99.9%.');
    expect(chain).toHaveTextContent('raise several, for example hosting-availability to 99.95%, checkout-success to 99.95%, or lower the end-to-end target to 98.505%.');
    const alone = within(chain).getByRole('table', { name: 'What each component alone would need' });
    expect(within(alone).getAllByText('more than 100% (impossible)')).toHaveLength(2);
    expect(within(chain).getByText('The parts met their targets, yet the whole missed in 2026-02')).toBeInTheDocument();
    const periods = within(chain).getByRole('table', { name: 'Measured attainment of shop-availability and its parts' });
    const feb = within(periods).getByText('2026-02').closest('tr')!;
    expect(within(feb).getByText('parts met, whole missed')).toBeInTheDocument();
    expect(within(feb).getByText('99.882%')).toBeInTheDocument();
    expect(screen.getByText('Orphan contract parcelnet-delivery (parcelnet)')).toBeInTheDocument();
  });

  it('names the one component to improve, and by how much, when one can close the gap', async () => {
    const e = chainReport.end_to_end[0];
    const fixable = dto<ChainReport>({
      end_to_end: [{ ...e, gaps: [], periods: [], feasibility: { ...e.feasibility, best: 0.995 * 0.999, fix: { slt: 'hosting-availability', from: 0.995, to: 0.99990990990991, change: 0.00490990990991, possible: true }, balanced: [] } }],
      orphans: [],
    });
    show(<SuppliersScreen now={now} />, { 'Suppliers.Check': () => fixable, 'Suppliers.Maturity': () => maturityReport });
    const chain = await screen.findByRole('article', { name: 'Chain of shop-availability' });
    expect(chain).toHaveTextContent('Raise hosting-availability from 99.5% to 99.991% (0.491 pp more) and the chain can meet it.');
  });

  it('sets maturity by area beside the record and flags where they disagree', async () => {
    show(<SuppliersScreen now={now} />, { 'Suppliers.Check': () => chainReport, 'Suppliers.Maturity': () => maturityReport });
    const table = await screen.findByRole('table', { name: "Each supplier's maturity beside its record" });
    const parcel = within(table).getByText('ParcelNet Logistics').closest('tr')!;
    expect(parcel).toHaveTextContent('3.91 of 5 (high)');
    expect(parcel).toHaveTextContent('6 of 12 periods (50%)');
    expect(parcel).toHaveTextContent('18,200.00 EUR');
    expect(within(parcel).getByText('disagree: high maturity, poor record')).toBeInTheDocument();
    expect(within(within(table).getByText('CloudHost GmbH').closest('tr')!).getByText('consistent')).toBeInTheDocument();
    const areas = screen.getByRole('table', { name: 'Maturity of cloudhost by area' });
    expect(within(areas).getByText('Change and release management').closest('tr')).toHaveTextContent('2.67');
    expect(screen.getByText(/the questionnaire and the record disagree/)).toHaveClass('text-bad');
  });

  it('shows a supplier review scope, downloads its data set and builds the joint pack', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_: Blob) => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const result: PackResult = {
      period: '2026-10', generated_at: '2026-11-28T12:00:00Z', fingerprint: 'sha256:3833dc7e6aa0', scope: 'period=2026-10 supplier=parcelnet', anonymized: false, slts: 1, sections: 14, supplier: 'parcelnet',
      files: [
        { name: 'review-pack-2026-10-parcelnet.pdf', path: '/d/packs/review-pack-2026-10-parcelnet.pdf', format: 'pdf', size: 125000, sha256: 'aa'.repeat(32) },
        { name: 'parcelnet-parcel-orders-2026-10-data.xlsx', path: '/d/packs/parcelnet-parcel-orders-2026-10-data.xlsx', format: 'data', size: 45400, sha256: 'bb'.repeat(32) },
      ],
    };
    const job = (state: Job['state']): Job<PackResult> => ({ id: 4, kind: 'pack', title: 'Review pack 2026-10 with parcelnet', owner: 'tester', state, done: 1, total: 1, step: '', started: '', result: state === 'done' ? result : undefined });
    const f = show(<SuppliersScreen now={now} />, {
      'Suppliers.Check': () => chainReport,
      'Suppliers.Maturity': () => maturityReport,
      'Suppliers.Scope': () => supplierScope,
      'Suppliers.DataSet': () => ({ name: 'parcelnet-parcel-orders-2026-10-data.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 45400, data: btoa('PK'), rows: 1376 }),
      'Packs.Start': () => 4,
      'Jobs.Get': () => job('done'),
      'Packs.Download': (name: string) => ({ name, content_type: 'application/pdf', data: btoa('%PDF') }),
    });
    await screen.findByRole('table', { name: "Each supplier's maturity beside its record" });
    await user.selectOptions(screen.getByLabelText('Supplier'), 'parcelnet');
    await user.clear(screen.getByLabelText('Review period'));
    await user.type(screen.getByLabelText('Review period'), '2026-10');
    await user.click(screen.getByRole('button', { name: 'Show the review scope' }));
    expect(await screen.findByText('Contingency plan')).toBeInTheDocument();
    expect(f.calls('Suppliers.Scope')).toEqual([[{ supplier: 'parcelnet', period: '2026-10' }]]);
    expect(screen.getByRole('table', { name: 'SLTs of the review and why' })).toHaveTextContent('bound by parcelnet-delivery');
    expect(screen.getByText('Route parcels through the secondary carrier under contract C-2024-7')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download the data set of parcel-orders' }));
    expect(await screen.findByText(/parcelnet-parcel-orders-2026-10-data\.xlsx: 1,376 rows of parcel-orders in 2026-10 \(45\.4 KB\), saved\./)).toBeInTheDocument();
    expect(f.calls('Suppliers.DataSet')).toEqual([[{ supplier: 'parcelnet', period: '2026-10', feed: 'parcel-orders' }]]);
    expect(createObjectURL).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Build the supplier pack' }));
    const files = await screen.findByLabelText('Supplier pack files');
    expect(f.calls('Packs.Start')).toEqual([[{ period: '2026-10', supplier: 'parcelnet', services: [], formats: ['pdf', 'xlsx'], anonymize: false }]]);
    expect(files).toHaveTextContent('parcelnet-parcel-orders-2026-10-data.xlsx (data set, 45.4 KB)');
    await user.click(within(files).getByRole('button', { name: 'Download review-pack-2026-10-parcelnet.pdf' }));
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2));
    expect(f.calls('Packs.Download')).toEqual([['review-pack-2026-10-parcelnet.pdf']]);
  });

  it("opens a supplier's review from its address", async () => {
    const f = show(<SuppliersScreen supplier="parcelnet" now={now} />, { 'Suppliers.Check': () => chainReport, 'Suppliers.Maturity': () => maturityReport, 'Suppliers.Scope': () => supplierScope });
    expect(await screen.findByText('Contingency plan')).toBeInTheDocument();
    expect(f.calls('Suppliers.Scope')).toEqual([[{ supplier: 'parcelnet', period: '2026-10' }]]);
    expect(screen.getByLabelText('Supplier')).toHaveValue('parcelnet');
    // first on the page, before the chains
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(regions[0]).toBe('joint-h');
  });

  it('offers a viewer the checks and the scope, but no pack or data set; a refusal reads plainly', async () => {
    const user = userEvent.setup();
    show(<SuppliersScreen now={now} />, {
      'Session.Me': () => viewer(),
      'Suppliers.Check': () => chainReport,
      'Suppliers.Maturity': () => maturityReport,
      'Suppliers.Scope': () => {
        throw new Error('unknown supplier "nobody": define it first');
      },
    });
    await screen.findByRole('table', { name: "Each supplier's maturity beside its record" });
    await user.click(screen.getByRole('button', { name: 'Show the review scope' }));
    expect(await screen.findByText('unknown supplier "nobody": define it first')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Build the supplier pack' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Download the data set/ })).toBeNull();
  });
});

describe('service design', () => {
  it('checks capacity with Erlang C and says the smallest team that meets the target', async () => {
    const user = userEvent.setup();
    const f = show(<DesignScreen />, { 'Design.Capacity': () => capacityAnswer, 'Workspace.Definitions': () => [] });
    await user.click(await screen.findByRole('button', { name: 'Calculate' }));
    const ans = await screen.findByLabelText('Capacity answer');
    expect(f.calls('Design.Capacity')).toEqual([[{ arrivals: '100/h', handle_time: '3m', servers: 6, target: '80% in 20s', from_feed: '', from: '', to: '' }]]);
    expect(ans).toHaveTextContent('Traffic 5 erlangs: 100 arrivals an hour (given) × 3 min handle time (given); target 80% in 20s.');
    const kv = within(ans).getByText('Wait at all', { selector: 'dt' }).closest('dl')!;
    expect(kv).toHaveTextContent('Wait at all58.8%');
    expect(kv).toHaveTextContent('Answered in 20 s47.4%');
    expect(kv).toHaveTextContent('Average speed of answer106 s');
    expect(kv).toHaveTextContent('Occupancy83.3%');
    expect(kv).toHaveTextContent('Smallest team that meets it8 servers');
    const rows = within(within(ans).getByRole('table', { name: 'Team sizes around the answer' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('checked');
    expect(rows[3]).toHaveTextContent('smallest that meets the target');
  });

  it('reads the demand from a feed, and says where each input came from', async () => {
    const user = userEvent.setup();
    const fromFeed = dto<typeof capacityAnswer>({
      ...capacityAnswer,
      arrivals_source: 'feed',
      handle_time_source: 'feed',
      demand: {
        feed: 'desk-tickets', shape: 'item', time_zone: 'Europe/Berlin', arrivals: 1813, peak_arrivals_per_hour: 0.5178571428571429, peak_slot: 'Thu 15:00–16:00 (Europe/Berlin), over 56 weeks',
        handle_time_seconds: 70685.2114853672, resolved: 1811, note: 'handle time: the mean time from opened to resolved, minus pauses, of 1811 items; it includes time items waited, so it overstates the work',
      },
      result: { ...capacityAnswer.result, arrivals_per_hour: 0.5178571428571429, handle_time_seconds: 70685.211, traffic_erlangs: 10.168011502976192 },
    });
    const f = show(<DesignScreen />, {
      'Workspace.Definitions': (kind: string) => (kind === 'Feed' ? [{ apiVersion: 'slate/v1', kind: 'Feed', metadata: { name: 'desk-tickets' }, spec: { shape: 'item' } }] : []),
      'Design.Capacity': () => fromFeed,
    });
    await user.selectOptions(await screen.findByLabelText('From feed'), await screen.findByRole('option', { name: 'desk-tickets' }));
    await user.clear(screen.getByLabelText('Arrivals'));
    await user.clear(screen.getByLabelText('Handle time'));
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    const ans = await screen.findByLabelText('Capacity answer');
    expect(f.calls('Design.Capacity')[0][0]).toMatchObject({ arrivals: '', handle_time: '', from_feed: 'desk-tickets' });
    expect(ans).toHaveTextContent('From desk-tickets: 0.518 arrivals an hour at the busiest hour of the week (Thu 15:00–16:00 (Europe/Berlin), over 56 weeks); mean handle time 19.6 h; 1,813 arrivals read.');
    expect(ans).toHaveTextContent('Traffic 10.2 erlangs: 0.518 arrivals an hour (feed) × 19.6 h handle time (feed)');
  });

  it('shows a refused capacity question plainly, and checks the team size before asking', async () => {
    const user = userEvent.setup();
    const f = show(<DesignScreen />, {
      'Design.Capacity': () => {
        throw new Error('handle time: a handle time of zero cannot be answered; give the mean time a contact takes, e.g. 3m');
      },
      'Workspace.Definitions': () => [],
    });
    const servers = await screen.findByLabelText('Servers');
    await user.clear(servers);
    await user.type(servers, '2.5');
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    expect(screen.getByText(/Servers is a whole number/)).toBeInTheDocument();
    expect(f.calls('Design.Capacity')).toHaveLength(0);
    await user.clear(servers);
    await user.type(servers, '6');
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    expect(await screen.findByText(/a handle time of zero cannot be answered/)).toBeInTheDocument();
  });

  it('prices a change window in error budget', async () => {
    const user = userEvent.setup();
    const withSLTs = { ...overview, services: overview.services.map((s, i) => ({ ...s, slts: i === 1 ? [dto<Overview['services'][number]['slts'][number]>({ name: 'shop-availability', feed: 'shop-probe' })] : [] })) };
    const f = show(<DesignScreen />, { 'Workspace.Overview': () => withSLTs, 'Design.Change': () => changeImpact, 'Workspace.Definitions': () => [] });
    await screen.findByRole('option', { name: 'shop-availability' });
    await user.click(screen.getByRole('button', { name: 'Assess the change' }));
    expect(screen.getByText('Give the start and the end of the change window.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Window from (UTC)'), { target: { value: '2026-12-09T22:00' } });
    fireEvent.change(screen.getByLabelText('Window to (UTC)'), { target: { value: '2026-12-10T00:00' } });
    await user.type(screen.getByLabelText('Expected error rate'), '40');
    await user.click(screen.getByRole('button', { name: 'Assess the change' }));
    const res = await screen.findByRole('article', { name: 'Change impact on shop-availability' });
    expect(f.calls('Design.Change')[0][0]).toMatchObject({ slt: 'shop-availability', from: '2026-12-09T22:00', to: '2026-12-10T00:00', expected_error_rate: 0.4 });
    expect(within(res).getByText('meets it only as planned maintenance')).toBeInTheDocument();
    const row = within(res).getByText('off-hours').closest('tr')!;
    expect(row).toHaveTextContent('90.673%');
    expect(row).toHaveTextContent('-19.265%');
    expect(row).toHaveTextContent('99.404% missed');
    expect(row).toHaveTextContent('71.277%');
    expect(res).toHaveTextContent('Unplanned, the window uses 90.673%');
  });

  it('drafts an SLT from a template and applies it through the definitions', async () => {
    const user = userEvent.setup();
    const yaml = 'apiVersion: slate/v1\nkind: SLT\nmetadata:\n  name: probe-availability\n';
    const f = show(<DesignScreen />, {
      'Workspace.Definitions': (kind: string) =>
        kind === 'SLTTemplate'
          ? [{ apiVersion: 'slate/v1', kind: 'SLTTemplate', metadata: { name: 'supplier-availability-monthly', displayName: 'Supplier availability, monthly (UC)' }, spec: {} }]
          : [{ apiVersion: 'slate/v1', kind: 'Feed', metadata: { name: 'shop-probe' }, spec: { shape: 'probe' } }],
      'Design.NewSLT': (q: { name: string }) => ({ name: q.name, yaml }),
      'Workspace.Apply': () => ({ created: ['SLT/probe-availability'], updated: [], unchanged: [] }),
    });
    await screen.findByRole('option', { name: 'Supplier availability, monthly (UC)' });
    await user.type(screen.getByLabelText('Name'), 'probe-availability');
    await user.click(screen.getByRole('button', { name: 'Draft the SLT' }));
    const draft = await screen.findByLabelText(/Review the draft of probe-availability/);
    expect(draft).toHaveValue(yaml);
    expect(f.calls('Design.NewSLT')).toEqual([[{ name: 'probe-availability', template: 'supplier-availability-monthly', service: 'order-fulfilment', feed: 'shop-probe' }]]);
    await user.click(screen.getByRole('button', { name: 'Apply the SLT' }));
    expect(await screen.findByText('SLT probe-availability created: it is in the definitions and the audit trail.')).toBeInTheDocument();
    expect(f.calls('Workspace.Apply')).toEqual([['probe-availability.yaml', yaml]]);
  });

  it('shows a refused name, and a refused apply by line, plainly', async () => {
    const user = userEvent.setup();
    let refuse = true;
    show(<DesignScreen />, {
      'Workspace.Definitions': (kind: string) =>
        kind === 'SLTTemplate' ? [{ apiVersion: 'slate/v1', kind: 'SLTTemplate', metadata: { name: 'uc-monthly' }, spec: {} }] : [{ apiVersion: 'slate/v1', kind: 'Feed', metadata: { name: 'shop-probe' }, spec: {} }],
      'Design.NewSLT': (q: { name: string }) => {
        if (refuse) throw new Error(`SLT name "${q.name}" does not follow the naming rule ^[a-z][a-z0-9-]+$ (lower case, digits and dashes)`);
        return { name: q.name, yaml: 'kind: SLT\n' };
      },
      'Workspace.Apply': () => {
        throw new Error('1 problem, nothing was changed:\nprobe.yaml: document 1 (line 4) SLT/probe: spec.objective.target: 99.5 is outside 0..1');
      },
    });
    await screen.findByRole('option', { name: 'uc-monthly' });
    await user.type(screen.getByLabelText('Name'), 'Probe');
    await user.click(screen.getByRole('button', { name: 'Draft the SLT' }));
    expect(await screen.findByText(/does not follow the naming rule/)).toBeInTheDocument();
    expect(screen.getByText('No draft')).toBeInTheDocument();
    refuse = false;
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'probe');
    await user.click(screen.getByRole('button', { name: 'Draft the SLT' }));
    await user.click(await screen.findByRole('button', { name: 'Apply the SLT' }));
    expect(await screen.findByText('line 4 spec.objective.target: 99.5 is outside 0..1')).toBeInTheDocument();
    expect(screen.getByText('Not applied')).toBeInTheDocument();
  });

  it('offers a viewer the checks but not the SLT draft', async () => {
    show(<DesignScreen />, { 'Session.Me': () => viewer(), 'Workspace.Definitions': () => [] });
    expect(await screen.findByRole('button', { name: 'Calculate' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Assess the change' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'New SLT from a template' })).toBeNull();
  });
});

describe('CMDB', () => {
  it('lists the CIs with their verification and age', async () => {
    show(<CMDBScreen />, { 'CMDB.List': () => cmdbList });
    const table = await screen.findByRole('table', { name: 'Configuration items, with their verification' });
    const gw = within(table).getByText('Payment gateway adapter').closest('tr')!;
    expect(gw).toHaveTextContent('2026-05-12207 days ago');
    expect(within(gw).getByText('not verified')).toBeInTheDocument();
    expect(within(within(table).getByText('Checkout API').closest('tr')!).getByText('verified')).toBeInTheDocument();
    expect(within(table).getByText('not in the CMDB')).toBeInTheDocument();
    expect(screen.getByText(/1 verified, 1 not verified in the last 90 days, 1 declared by an SLT but not in the CMDB/)).toBeInTheDocument();
    expect(ageDays('2026-12-05T00:00:00Z', '2026-12-05T08:00:00Z')).toBe(0);
    expect(ageDays(undefined, '2026-12-05T08:00:00Z')).toBeNull();
  });

  it('imports a CMDB export as an upload, and shows a refused file plainly', async () => {
    const user = userEvent.setup();
    let fail = false;
    const f = show(<CMDBScreen />, {
      'CMDB.List': () => cmdbList,
      'Imports.Upload': (c: { name: string; size: number }) => ({ id: 'u7', name: c.name, size: c.size, received: c.size, complete: true }),
      'CMDB.Import': () => {
        if (fail) throw new Error('cmdb.csv line 3: verified_at "yesterday" is not a date; write 2026-10-14');
        return { file: 'cmdb.csv', at: '2026-12-05T08:00:00Z', cis: 7, added: 1, changed: 2, removed: 0, size: 900, sha256: 'cd'.repeat(32) };
      },
    });
    const input = await screen.findByLabelText('CMDB export (CSV)');
    await user.upload(input, new File(['id,name,class,owner,status,verified_at\n'], 'cmdb.csv', { type: 'text/csv' }));
    expect(await screen.findByText('7 configuration items (900 B): 1 added, 2 changed, 0 removed.')).toBeInTheDocument();
    expect(f.calls('CMDB.Import')).toEqual([['u7']]);
    expect(f.calls('CMDB.List')).toHaveLength(2);
    fail = true;
    await user.upload(input, new File(['x'], 'cmdb.csv', { type: 'text/csv' }));
    expect(await screen.findByText('cmdb.csv was not imported; nothing changed')).toBeInTheDocument();
    expect(screen.getByText(/verified_at "yesterday" is not a date/)).toBeInTheDocument();
  });

  it('offers a viewer no import', async () => {
    show(<CMDBScreen />, { 'Session.Me': () => viewer(), 'CMDB.List': () => cmdbList });
    await screen.findByRole('table', { name: 'Configuration items, with their verification' });
    expect(screen.queryByRole('button', { name: 'Import CMDB (CSV)' })).toBeNull();
  });

  it('shows the drill-down finding: the share of rows from unverified CIs, CI by CI', () => {
    render(<CMDBFinding r={ciReport} />);
    const box = screen.getByRole('region', { name: 'CMDB finding' });
    expect(within(box).getByText("63% of this period's rows come from CIs unknown to the CMDB or not verified in the last 90 days")).toBeInTheDocument();
    const wms = within(box).getByText('warehouse-wms').closest('tr')!;
    expect(wms).toHaveTextContent('4027.586%not verified2026-07-21Søren Madsen');
  });

  it('says nothing more than a line when every row comes from a verified CI', () => {
    render(<CMDBFinding r={{ ...ciReport, flagged: 0, unknown: 0, unverified: 0, share: 0, cis: [], message: 'every row of incident-resolution in 2026-10 comes from a CI verified in the last 90 days' }} />);
    expect(screen.queryByRole('region', { name: 'CMDB finding' })).toBeNull();
    expect(screen.getByText('CMDB: Every row of incident-resolution in 2026-10 comes from a CI verified in the last 90 days.')).toBeInTheDocument();
  });
});
