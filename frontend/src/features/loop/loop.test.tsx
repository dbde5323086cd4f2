import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Agenda, ImprovementValidation, SLTLoop } from '../../api/loop';
import { SessionProvider } from '../../state/session';
import { WorkspaceProvider } from '../../state/workspace';
import { adminMe, fakeTransport, type Handlers } from '../imports/fakeTransport';
import { demoActions, overview, rca } from '../../test/fixtures';
import { ActionsScreen } from './ActionsScreen';
import { RcaScreen, nextWhy } from './RcaScreen';
import { MeetingsScreen } from './MeetingsScreen';
import { ImprovementsScreen, effectText, enoughText } from './ImprovementsScreen';
import { OutboxScreen } from './OutboxScreen';
import { ApprovalsScreen } from './ApprovalsScreen';
import { LoopPanel } from '../slt/LoopPanel';

// ECharts needs a layout engine; the chart is checked through its accessible label.
vi.mock('./BeforeAfterChart', async () => {
  const real = await vi.importActual<typeof import('./BeforeAfterChart')>('./BeforeAfterChart');
  return { ...real, BeforeAfterChart: ({ v }: { v: ImprovementValidation }) => <div role="img" aria-label={real.chartLabel(v)} /> };
});

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

afterEach(() => {
  window.location.hash = '';
});

describe('actions', () => {
  it('lists the demo actions overdue first, and shows them on a board by status', async () => {
    const user = userEvent.setup();
    show(<ActionsScreen />, { 'Actions.List': () => demoActions });
    const table = await screen.findByRole('table', { name: 'Actions, overdue first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('2026-11-22 (6 days overdue)')).toBeInTheDocument();
    expect(within(rows[0]).getByText('overdue')).toBeInTheDocument();
    expect(within(rows[0]).getByText('in progress')).toBeInTheDocument();
    expect(within(rows[1]).getByText('2026-12-15')).toBeInTheDocument();
    expect(screen.getByText('1 overdue')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Board' }));
    const board = screen.getByRole('list', { name: 'Actions by status' });
    expect(within(board).getByRole('listitem', { name: 'in progress: 1' })).toHaveTextContent('Agree a recovery plan');
    expect(within(board).getByRole('listitem', { name: 'open: 1' })).toHaveTextContent('Route parcels through the secondary carrier');
    expect(within(board).getByRole('listitem', { name: 'done: 0' })).toBeInTheDocument();
  });

  it('adds an action about a breach, as whoever is signed in, and moves one along', async () => {
    const user = userEvent.setup();
    const f = show(<ActionsScreen prefill={{ breach: 'parcel-delivery-48h@2026-09' }} />, {
      'Actions.List': () => demoActions,
      'Actions.Add': (a: { title: string }) => ({ ...demoActions[1], id: 'A-3', title: a.title, owner: 'Søren Madsen', due: '' }),
      'Actions.Update': (u: { id: string }) => ({ ...demoActions[0], ...u }),
    });
    expect(await screen.findByRole('heading', { name: 'Add an action about breach parcel-delivery-48h@2026-09' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    expect(screen.getByText('Say what is to be done.')).toBeInTheDocument();
    expect(f.calls('Actions.Add')).toHaveLength(0);
    await user.type(screen.getByLabelText('What is to be done'), 'Ask ParcelNet for the September shift roster');
    await user.type(screen.getByLabelText('Due'), '2026-12-05');
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    expect(await screen.findByText('A-3 added for Søren Madsen.')).toBeInTheDocument();
    expect(f.calls('Actions.Add')).toEqual([
      [{ title: 'Ask ParcelNet for the September shift roster', owner: undefined, due: '2026-12-05', note: undefined, links: { breach: 'parcel-delivery-48h@2026-09' } }],
    ]);
    await user.click(screen.getByRole('button', { name: 'Mark A-1 done' }));
    expect(f.calls('Actions.Update')).toEqual([[{ id: 'A-1', status: 'done' }]]);
    // dropping needs a note
    await user.click(screen.getByRole('button', { name: 'Drop A-2' }));
    const dialog = screen.getByRole('dialog', { name: 'Drop A-2' });
    await user.click(within(dialog).getByRole('button', { name: 'Drop action' }));
    expect(within(dialog).getByText(/Say why it is dropped/)).toBeInTheDocument();
  });
});

describe('root-cause analysis', () => {
  it('turns an answer into the next why', () => {
    expect(nextWhy('Volumes grew while the shifts stayed as they were.')).toBe('Why volumes grew while the shifts stayed as they were?');
    expect(nextWhy('  ')).toBe('Why?');
  });

  it('guides the Five Whys draft to a root cause and says what closing still needs', async () => {
    const user = userEvent.setup();
    let saved = rca();
    const f = show(<RcaScreen id="RCA-1" />, {
      'RCAs.Get': () => saved,
      'RCAs.Update': (u: { five_whys: { why: string; because: string }[]; root_causes: string[] }) => {
        saved = { ...saved, five_whys: u.five_whys, root_causes: u.root_causes };
        return saved;
      },
      'RCAs.Close': () => {
        throw new Error('RCA-1 cannot be closed yet: the Five Whys chain has no answered why');
      },
    });
    const chain = await screen.findByRole('list', { name: 'Five Whys' });
    expect(within(chain).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByLabelText('Why 4')).toHaveValue('Why did the sorting shifts stay as they were?');
    expect(screen.getByRole('button', { name: 'Ask the next why' })).toBeDisabled();
    await user.type(screen.getByLabelText('Because 4'), 'The shift plan was fixed in the 2024 contract.');
    await user.click(screen.getByRole('button', { name: 'Ask the next why' }));
    expect(screen.getByLabelText('Why 5')).toHaveValue('Why the shift plan was fixed in the 2024 contract?');
    await user.click(screen.getAllByRole('button', { name: 'This is a root cause' })[3]);
    expect(screen.getByLabelText('Root cause 1')).toHaveValue('The shift plan was fixed in the 2024 contract.');
    await user.click(screen.getByRole('button', { name: 'Save analysis' }));
    expect(await screen.findByText('RCA-1 saved.')).toBeInTheDocument();
    const u = f.calls('RCAs.Update')[0][0] as { five_whys: unknown[]; root_causes: string[] };
    expect(u.five_whys).toHaveLength(5);
    expect(u.root_causes).toEqual(['The shift plan was fixed in the 2024 contract.']);
    expect(screen.getByRole('link', { name: 'Add an action for RCA-1' })).toHaveAttribute('href', '#/actions?rca=RCA-1&slt=parcel-delivery-48h');
    await user.click(screen.getByRole('button', { name: 'Close RCA-1' }));
    expect(await screen.findByText(/cannot be closed yet/)).toBeInTheDocument();
  });

  it('switches to an Apollo chart', async () => {
    const user = userEvent.setup();
    show(<RcaScreen id="RCA-1" />, { 'RCAs.Get': () => rca() });
    await user.click(await screen.findByRole('button', { name: 'Apollo' }));
    await user.type(screen.getByLabelText('Primary effect'), 'Parcels late');
    await user.click(screen.getByRole('button', { name: 'Add a cause' }));
    expect(screen.getByLabelText('Effect 1')).toHaveValue('Parcels late');
    expect(screen.getByLabelText('Kind 1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a solution' }));
    expect(within(screen.getByLabelText('Action 1')).getByRole('option', { name: 'A-1' })).toBeInTheDocument();
  });
});

const agenda: Agenda = {
  scope: 'service', name: 'order-fulfilment', display_name: 'Order fulfilment', owner: 'Søren Madsen', date: '2026-11-28', at: '2026-11-28T00:00:00Z',
  zone: 'Europe/Berlin', since: '2026-08-28', last_meeting: null,
  items: [{ number: 1, title: 'Minutes and actions of the last meeting', summary: 'no earlier meeting recorded' }, { number: 5, title: 'Actions', summary: '2 open, 1 overdue' }],
  slts: [{ slt: 'parcel-delivery-48h', display_name: 'Parcels delivered within 48 hours', service: 'order-fulfilment', owner: 'Søren Madsen', type: 'UC', objective: '>= 95%',
    periods: [{ period: '2026-10', complete: true, attainment: 0.91, value: '91.368%', met: false }], trend: 'worsening', verdict: 'worse', status: { slt: 'parcel-delivery-48h', state: 'missed', label: 'missed', rag: 'red', reasons: [], period: '2026-11' }, counter_metric: null }],
  breaches: [{ id: 'parcel-delivery-48h@2026-10', slt: 'parcel-delivery-48h', tier: '', period: '2026-10', priority: 2.18, value: '91.368%', objective: '>= 95.000%', rca: 'RCA-1', vital_few: true }] as unknown as Agenda['breaches'],
  rcas: [rca()], actions: demoActions, exceptions: [], approvals: [], improvements: [],
  reviews_due: [{ slt: 'parcel-delivery-48h', display_name: 'Parcels delivered within 48 hours', service: 'order-fulfilment', owner: 'Søren Madsen', due: true, triggers: [], reasons: ['review due because it missed 5 months in a row'] }],
  decisions: [{ text: 'Re-plan or escalate A-1', ref: 'Action/A-1' }],
};

describe('meetings', () => {
  it('previews the Order fulfilment agenda, exports it, and records the minutes with an action', async () => {
    const user = userEvent.setup();
    const f = show(<MeetingsScreen scope="service:order-fulfilment" date="2026-11-28" />, {
      'Meetings.Agenda': () => agenda,
      'Meetings.List': () => [],
      'Meetings.AgendaFile': () => ({ name: 'slate-agenda.pdf', type: 'application/pdf', size: 4, data: 'JVBERg==' }),
      'Meetings.Record': () => ({ meeting: { id: 'M-1', scope: 'service', name: 'order-fulfilment', date: '2026-11-28', attendees: [], decisions: [], actions: ['A-3'], recorded_at: '', recorded_by: 'tester' }, actions: [{ ...demoActions[0], id: 'A-3' }] }),
    });
    const a = await screen.findByTestId('agenda');
    expect(within(a).getByRole('heading', { name: 'Agenda — Order fulfilment, 2026-11-28' })).toBeInTheDocument();
    expect(within(within(a).getByRole('list', { name: 'Root-cause analyses' })).getByRole('link', { name: 'RCA-1' })).toBeInTheDocument();
    const acts = within(a).getByRole('list', { name: 'Actions' });
    expect(within(acts).getAllByRole('listitem')[0]).toHaveTextContent('A-1');
    expect(within(acts).getAllByRole('listitem')[0]).toHaveTextContent('6 days overdue');
    expect(within(a).getByRole('list', { name: 'Reviews due' })).toHaveTextContent('missed 5 months in a row');
    expect(within(a).getByRole('list', { name: 'Decisions asked for' })).toHaveTextContent('Re-plan or escalate A-1');
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    await user.click(screen.getByRole('button', { name: 'Agenda as PDF' }));
    expect(f.calls('Meetings.AgendaFile')).toEqual([[{ service: 'order-fulfilment', date: '2026-11-28', format: 'pdf' }]]);

    await user.click(screen.getByRole('button', { name: 'Record the minutes' }));
    expect(screen.getByText('Who took part? Names, comma-separated.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Attendees'), 'Søren Madsen, Maria Keller');
    await user.type(screen.getByLabelText('Decision 1'), 'Keep the target; fund the second shift');
    await user.click(screen.getByRole('button', { name: 'Add an action agreed' }));
    await user.type(screen.getByLabelText('Action 1'), 'Ask ParcelNet for the hub plan');
    await user.click(screen.getByRole('button', { name: 'Record the minutes' }));
    expect(await screen.findByText('M-1 recorded with A-3.')).toBeInTheDocument();
    expect(f.calls('Meetings.Record')).toEqual([
      [{ service: 'order-fulfilment', date: '2026-11-28', attendees: ['Søren Madsen', 'Maria Keller'], decisions: ['Keep the target; fund the second shift'],
        actions: [{ title: 'Ask ParcelNet for the hub plan', links: {}, owner: undefined, due: undefined }], notes: undefined }],
    ]);
  });
});

const validation: ImprovementValidation = {
  improvement: 'IMP-1', slt: 'parcel-delivery-48h', change: '2026-10-20', description: 'A second sorting shift', measure: 'daily attainment', unit: 'share', higher_is_better: true,
  before: { from: '2026-07-22', to: '2026-10-19', n: 90, mean: 0.9267, median: 0.93 }, after: { from: '2026-10-21', to: '2026-11-27', n: 38, mean: 0.9314, median: 0.93 },
  n_before: 90, n_after: 38, test: 'welch', test_why: "Welch's t-test: at least 15 days on each side", p_value: 0.41, effect: 0.0047, effect_ci: [-0.0066, 0.016], effect_size: 0.16,
  effect_size_name: 'hedges_g', significant: false, direction: 'none', alpha: 0.05, power: 0.8, needed_per_group: 620, enough_data: false, days_needed: 1500, caveats: ['the days before the change already trend downwards'],
  verdict: 'No significant change yet.', days: [{ date: '2026-10-19', value: 0.92, phase: 'before' }, { date: '2026-10-21', value: 0.94, phase: 'after' }],
};

describe('improvements', () => {
  it('shows the before/after chart, the verdict and the days still needed', async () => {
    show(<ImprovementsScreen id="IMP-1" />, {
      'Improvements.List': () => [{ id: 'IMP-1', slt: 'parcel-delivery-48h', service: 'order-fulfilment', change: '2026-10-20', description: 'A second sorting shift', created_at: '', created_by: 'demo' }],
      'Improvements.Validate': () => validation,
    });
    const v = await screen.findByTestId('validation');
    expect(within(v).getByText('No significant change yet.')).toBeInTheDocument();
    expect(within(v).getByRole('img', { name: 'Before and after 2026-10-20, daily attainment per day. before: 90 days, mean 92.670%; after: 38 days, mean 93.140%.' })).toBeInTheDocument();
    expect(within(v).getByText('Days still needed').nextSibling).toHaveTextContent('1,500');
    expect(within(v).getByText("Welch's t-test, p 0.41")).toBeInTheDocument();
    expect(within(v).getByText('not significant')).toBeInTheDocument();
    expect(within(v).getByText(/\+0.47 pp \(95% interval −0.66 pp to \+1.6 pp\); Hedges' g 0.16/)).toBeInTheDocument();
    expect(within(v).getByText('the days before the change already trend downwards')).toBeInTheDocument();
  });

  it('reads effects and the data still needed in plain words', () => {
    expect(effectText(-12.5, 'ms')).toBe('−12.5 ms');
    expect(enoughText({ ...validation, enough_data: true })).toBe('Enough data: 90 days before and 38 after.');
    expect(enoughText(validation)).toBe('Not enough data yet: about 1500 more days after the change for 80% power at this effect.');
  });
});

describe('ITSM outbox', () => {
  it('shows a pending task with its error and retries it', async () => {
    const user = userEvent.setup();
    const f = show(<OutboxScreen />, {
      'Integrations.Outbox': () => [
        { id: 'T-2', integration: 'servicenow', event: 'action.created', task: { title: 'Action A-3', description: '', priority: 0 }, status: 'pending', created_at: '', attempts: 2,
          next_attempt: '2026-11-28T00:04:00Z', last_error: 'http://127.0.0.1:9/hook answered 503' },
        { id: 'T-1', integration: 'servicenow', event: 'rca.opened', task: { title: 'Root-cause analysis RCA-1', description: '', priority: 11 }, status: 'delivered', created_at: '', attempts: 1,
          delivered_at: '2026-11-28T00:00:00Z', remote_ref: 'INC0012' },
      ],
      'Integrations.Retry': (id: string) => [id],
      'Integrations.Deliver': () => ({ attempted: 1, delivered: 1, failed: 0, waiting: 0 }),
    });
    const table = await screen.findByRole('table', { name: 'Outbox, pending first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('answered 503');
    expect(rows[1]).toHaveTextContent('INC0012');
    await user.click(screen.getByRole('button', { name: 'Retry T-2 now' }));
    expect(f.calls('Integrations.Retry')).toEqual([['T-2']]);
    await user.click(screen.getByRole('button', { name: 'Deliver now' }));
    expect(await screen.findByText('1 attempted: 1 delivered, 0 failed; 0 waiting for a later attempt.')).toBeInTheDocument();
  });
});

describe('four eyes', () => {
  it('offers the decision to anyone but the requester', async () => {
    const user = userEvent.setup();
    const req = (id: string, by: string) => ({ id, kind: 'false_positive', subject: `parcel-delivery-48h@2026-0${id.slice(-1)}`, slt: 'parcel-delivery-48h', reason: 'strike',
      requested_by: by, requested_at: '2026-11-28T00:00:00Z', status: 'requested' });
    const f = show(<ApprovalsScreen />, {
      'Session.Me': () => ({ ...adminMe, name: 'ada' }),
      'Approvals.List': () => [req('AP-1', 'Ada'), req('AP-2', 'maria')],
      'Approvals.Approve': ({ id }: { id: string }) => ({ ...req(id, 'maria'), status: 'approved', decided_by: 'ada' }),
    });
    const list = await screen.findByRole('list', { name: 'Requests, waiting first' });
    const [mine, theirs] = within(list).getAllByRole('listitem');
    expect(within(mine).queryByRole('button', { name: 'Decide…' })).toBeNull();
    await user.click(within(theirs).getByRole('button', { name: 'Decide…' }));
    const dialog = screen.getByRole('dialog', { name: 'Decide AP-2' });
    await user.type(within(dialog).getByLabelText('Note'), 'the strike is on record');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('AP-2 approved by ada.')).toBeInTheDocument();
    expect(f.calls('Approvals.Approve')).toEqual([[{ id: 'AP-2', note: 'the strike is on record' }]]);
  });
});

describe('the SLT page', () => {
  it('shows the counter-metric, the kept lead and the review due', () => {
    const loop: SLTLoop = {
      slt: 'parcel-delivery-48h', at: '', problems: [], approvals: [], improvements: [], rcas: [rca()], actions: demoActions,
      counter_metric: { slt: 'payment-auth-mean', display_name: 'Payment authorisation time', period: '2026-10', attainment: 310, value: '310 ms', met: true },
      leads: [{ lead: { ref: 'feed:warehouse-backlog', name: 'Warehouse backlog', measure: 'daily mean', unit: 'parcels', higher_is_better: false, days: 391 },
        lag: { ref: 'slt:parcel-delivery-48h', name: 'Parcels', measure: 'daily attainment', unit: 'share', higher_is_better: true, days: 391 }, zone: 'Europe/Berlin', days: 391,
        max_lag: 14, detrended: true, lags: [], lags_tested: 29, best_lag: 2, r: -0.62, p_value: 0.00001, p_adjusted: 0.0003, significant: true, leads: true,
        sentence: 'Warehouse backlog rises 2 days before Parcels falls.' }],
      excluded: { slt: 'parcel-delivery-48h', display_name: 'Parcels', measure: 'clock stopped', periods: [{ period: '2026-10', complete: true, units: 100, excluded: 2, share: 0.02, usual_share: 0.01, mad: 0.001, rising: true, reason: 'rising' }], rising: ['2026-10: 2% of the clock stopped, usually 1%'], decisive_pauses: [], unconfirmed_pauses: 0 },
      review: { slt: 'parcel-delivery-48h', display_name: 'Parcels', service: 'order-fulfilment', owner: 'Søren Madsen', cycle: 'quarterly', next_review: '2027-01-20', due: true, triggers: [],
        reasons: ['review due because it missed 5 months in a row'] },
    };
    render(<LoopPanel loop={loop} />);
    const p = screen.getByTestId('slt-loop');
    expect(within(p).getByRole('link', { name: 'Payment authorisation time' })).toHaveAttribute('href', '#/slt/payment-auth-mean');
    expect(within(p).getByRole('list', { name: 'Leading indicators' })).toHaveTextContent('Warehouse backlog rises 2 days before Parcels falls. (best lag 2 days, r = -0.62, p 0.0003 after trying 29 lags)');
    expect(within(p).getByRole('list', { name: 'Review due' })).toHaveTextContent('missed 5 months in a row');
    expect(within(p).getByText('2026-10: 2% of the clock stopped, usually 1%')).toBeInTheDocument();
    expect(within(p).getByRole('link', { name: 'RCA-1' })).toHaveAttribute('href', '#/rca/RCA-1');
  });
});
