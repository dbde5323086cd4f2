import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Breach } from '../../api/breaches';
import { fakeTransport } from '../imports/fakeTransport';
import { BreachesScreen } from './BreachesScreen';

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
  let marked = false;
  const f = fakeTransport({
    'Compliance.Breaches': () => ({
      at: '2026-11-28T00:00:00Z',
      breaches: [
        b('shop-availability', 'core-hours', '2026-06', 900),
        b('parcel-delivery-48h', '', '2026-07', 100, { bad_minutes: null, bad_items: 95, pareto_rank: 2, vital_few: false, pareto_cumulative_share: 1 }),
        ...(marked ? [b('parcel-delivery-48h', '', '2026-06', 0, { false_positive: true, false_positive_reason: 'strike week', false_positive_by: 'ana' })] : [b('parcel-delivery-48h', '', '2026-06', 50)]),
      ],
    }),
    'Compliance.MarkFalsePositive': (id: string, reason: string) => {
      marked = true;
      return { id, reason, by: 'ana', at: '' };
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

  it('marks a false positive only with a reason', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await user.click(await screen.findByRole('button', { name: 'Mark parcel-delivery-48h@2026-06 as a false positive' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark as a false positive' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as false positive' }));
    expect(within(dialog).getByText(/Say why this is not a real miss/)).toBeInTheDocument();
    expect(calls('Compliance.MarkFalsePositive')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Reason'), 'strike week');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as false positive' }));
    expect(await screen.findByText(/parcel-delivery-48h@2026-06 is marked as a false positive/)).toBeInTheDocument();
    expect(calls('Compliance.MarkFalsePositive')).toEqual([['parcel-delivery-48h@2026-06', 'strike week']]);
    await user.selectOptions(screen.getByLabelText('Show'), 'false-positive');
    expect(within(screen.getByRole('table', { name: 'Breach log' })).getByText(/strike week — ana/)).toBeInTheDocument();
  });
});
