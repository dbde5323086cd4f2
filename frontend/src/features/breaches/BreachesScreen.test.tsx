import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Breach } from '../../api/breaches';
import { fakeTransport } from '../imports/fakeTransport';
import { BreachesScreen } from './BreachesScreen';
import { rca } from '../../test/fixtures';

// ECharts needs a layout engine; the chart is checked through its accessible label.
vi.mock('./ParetoChart', async () => {
  const { paretoLabel } = await vi.importActual<typeof import('./ParetoChart')>('./ParetoChart');
  return { ParetoChart: ({ groups, measure }: { groups: never; measure: never }) => <div role="img" aria-label={paretoLabel(groups, measure)} /> };
});

const b = (slt: string, tier: string, period: string, priority: number, extra: Partial<Breach> = {}): Breach => ({
  id: `${tier ? `${slt}/${tier}` : slt}@${period}`, slt, tier, period, start: `${period}-01T00:00:00Z`, end: `${period}-28T00:00:00Z`,
  attainment: 0.994, target: 0.999, op: '>=', shortfall: 0.005, bad_minutes: 75, bad_items: null, budgets_overspent: 5, allowance: 0.001, weight: 2, impact: 10, impact_rule: 'impact weight × error budgets overspent (shortfall ÷ allowed shortfall)',
  frequency: 2, duration: 75, priority, pareto_rank: 1, pareto_cumulative_share: 0.9, vital_few: true, false_positive: false, ...extra,
});

function setup() {
  let asked = false;
  const f = fakeTransport({
    'Compliance.Breaches': () => ({
      at: '2026-11-28T00:00:00Z',
      breaches: [
        b('shop-availability', 'core-hours', '2026-06', 900),
        b('parcel-delivery-48h', '', '2026-07', 100, { bad_minutes: null, bad_items: 95, pareto_rank: 2, vital_few: false, pareto_cumulative_share: 1 }),
        b('parcel-delivery-48h', '', '2026-06', 50),
      ],
    }),
    'RCAs.List': () => [rca()],
    'RCAs.Open': ({ breach }: { breach: string }) => ({ ...rca(), id: 'RCA-2', breaches: [breach] }),
    'RCAs.Get': (id: string) => ({ ...rca(), id }),
    'Approvals.List': () => (asked ? [{ id: 'AP-1', kind: 'false_positive', subject: 'parcel-delivery-48h@2026-06', slt: 'parcel-delivery-48h', reason: 'strike week', requested_by: 'tester', requested_at: '2026-11-28T00:00:00Z', status: 'requested' }] : []),
    'Approvals.RequestFalsePositive': ({ breach, reason }: { breach: string; reason: string }) => {
      asked = true;
      return { id: 'AP-1', kind: 'false_positive', subject: breach, slt: 'parcel-delivery-48h', reason, requested_by: 'tester', requested_at: '', status: 'requested' };
    },
  });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <BreachesScreen />
    </ApiProvider>,
  );
  return f;
}

describe('breaches', () => {
  it('ranks breaches in a Pareto chart and a sortable log', async () => {
    const user = userEvent.setup();
    setup();
    const chart = await screen.findByRole('img', { name: /^Pareto chart of priority by SLT/ });
    expect(chart).toHaveAccessibleName(/shop-availability\/core-hours 900 \(85.7% cumulative\); parcel-delivery-48h 150 \(100.0% cumulative\)/);
    await user.click(screen.getByRole('button', { name: 'Count' }));
    expect(screen.getByRole('img', { name: /^Pareto chart of breaches by SLT: parcel-delivery-48h 2/ })).toBeInTheDocument();
    const log = screen.getByRole('table', { name: 'Breach log' });
    expect(within(log).getAllByRole('row')).toHaveLength(4);
    await user.selectOptions(screen.getByLabelText('SLT'), 'shop-availability');
    expect(within(log).getAllByRole('row')).toHaveLength(2);
    expect(within(log).getByText('99.400%')).toBeInTheDocument();
    expect(within(log).getByText('75 min')).toBeInTheDocument();
  });

  it('asks for a false positive with a reason; a second person decides', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await user.click(await screen.findByRole('button', { name: 'Ask to call parcel-delivery-48h@2026-06 a false positive' }));
    const dialog = screen.getByRole('dialog', { name: 'Ask for a false positive' });
    await user.click(within(dialog).getByRole('button', { name: "Ask for a second person's approval" }));
    expect(within(dialog).getByText(/Say why this is not a real miss/)).toBeInTheDocument();
    expect(calls('Approvals.RequestFalsePositive')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Reason'), 'strike week');
    await user.click(within(dialog).getByRole('button', { name: "Ask for a second person's approval" }));
    expect(await screen.findByText(/AP-1: you asked to call parcel-delivery-48h@2026-06 a false positive. It stays ranked until another person approves/)).toBeInTheDocument();
    expect(calls('Approvals.RequestFalsePositive')).toEqual([[{ breach: 'parcel-delivery-48h@2026-06', reason: 'strike week' }]]);
    expect(await screen.findByText('false positive asked (AP-1)')).toBeInTheDocument();
  });

  it("links each breach to its root-cause analysis, or opens one, and to a new action", async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    expect(await screen.findByRole('link', { name: 'Open RCA-1, the root-cause analysis of parcel-delivery-48h@2026-07' })).toHaveAttribute('href', '#/rca/RCA-1');
    expect(screen.getByRole('link', { name: 'Add an action about parcel-delivery-48h@2026-07' })).toHaveAttribute('href', '#/actions?breach=parcel-delivery-48h%402026-07');
    await user.click(screen.getByRole('button', { name: 'Open a root-cause analysis of shop-availability/core-hours@2026-06' }));
    expect(calls('RCAs.Open')).toEqual([[{ breach: 'shop-availability/core-hours@2026-06' }]]);
    await vi.waitFor(() => expect(window.location.hash).toBe('#/rca/RCA-2'));
    window.location.hash = '';
  });
});
