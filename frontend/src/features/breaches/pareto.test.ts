import { describe, expect, it } from 'vitest';
import type { Breach } from '../../api/breaches';
import { filterBreaches, paretoGroups } from './pareto';

const b = (slt: string, tier: string, period: string, priority: number, fp = false): Breach => ({
  id: `${tier ? `${slt}/${tier}` : slt}@${period}`, slt, tier, period, start: '', end: '', attainment: 0.9, target: 0.95, op: '>=',
  shortfall: 0.05, bad_minutes: null, bad_items: 3, budgets_overspent: 1, allowance: 0.05, weight: 1, impact: 1, impact_rule: '', frequency: 1, duration: 1, priority,
  pareto_rank: 1, pareto_cumulative_share: 1, vital_few: false, false_positive: fp, false_positive_reason: fp ? 'probe down' : undefined,
});

const log = [b('a', 'core', '2026-01', 70), b('a', 'core', '2026-02', 10), b('b', '', '2026-01', 15), b('c', '', '2026-03', 5), b('d', '', '2026-03', 500, true)];

describe('pareto', () => {
  it('sums genuine breaches by SLT and tier, largest first, with the cumulative share and the vital few', () => {
    const g = paretoGroups(log, 'priority');
    expect(g.map((x) => [x.key, x.value, x.count, Math.round(x.cumulative * 100), x.vitalFew])).toEqual([
      ['a/core', 80, 2, 80, true],
      ['b', 15, 1, 95, false],
      ['c', 5, 1, 100, false],
    ]);
    expect(paretoGroups(log, 'count').map((x) => x.value)).toEqual([2, 1, 1]);
  });

  it('filters by status, SLT and text', () => {
    expect(filterBreaches(log, '', 'genuine', '').length).toBe(4);
    expect(filterBreaches(log, '', 'false-positive', '').map((x) => x.id)).toEqual(['d@2026-03']);
    expect(filterBreaches(log, 'probe', 'all', '').map((x) => x.id)).toEqual(['d@2026-03']);
    expect(filterBreaches(log, '2026-01', 'all', 'a').map((x) => x.id)).toEqual(['a/core@2026-01']);
  });
});
