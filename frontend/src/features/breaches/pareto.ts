// Pure helpers of the breach screen: Pareto groups and filters.
import type { Breach } from '../../api/breaches';

export type ParetoMeasure = 'priority' | 'count';

export interface ParetoGroup {
  /** slt or slt/tier */
  key: string;
  value: number;
  count: number;
  /** Cumulative share of the total up to and including this group, 0..1. */
  cumulative: number;
  /** Within the groups that make up the first 80%. */
  vitalFew: boolean;
}

export const groupKey = (b: Pick<Breach, 'slt' | 'tier'>) => (b.tier ? `${b.slt}/${b.tier}` : b.slt);

/** paretoGroups sums genuine breaches by SLT (and tier), largest first, with the cumulative share. */
export function paretoGroups(breaches: Breach[], measure: ParetoMeasure): ParetoGroup[] {
  const by = new Map<string, { value: number; count: number }>();
  for (const b of breaches) {
    if (b.false_positive) continue;
    const g = by.get(groupKey(b)) ?? { value: 0, count: 0 };
    g.value += measure === 'count' ? 1 : b.priority;
    g.count++;
    by.set(groupKey(b), g);
  }
  const groups = [...by.entries()]
    .map(([key, g]) => ({ key, ...g }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  const total = groups.reduce((s, g) => s + g.value, 0);
  let run = 0;
  return groups.map((g) => {
    const before = total > 0 ? run / total : 0;
    run += g.value;
    return { ...g, cumulative: total > 0 ? run / total : 0, vitalFew: before < 0.8 };
  });
}

export type StatusFilter = 'genuine' | 'false-positive' | 'all';

export function filterBreaches(list: Breach[], q: string, status: StatusFilter, slt: string): Breach[] {
  const needle = q.trim().toLowerCase();
  return list.filter(
    (b) =>
      (status === 'all' || (status === 'genuine') !== b.false_positive) &&
      (!slt || b.slt === slt) &&
      (!needle || `${b.id} ${b.false_positive_reason ?? ''}`.toLowerCase().includes(needle)),
  );
}
