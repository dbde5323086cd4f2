// Pure helpers of the exceptions screen: which period rows an exception touches,
// and how they changed.
import type { AttainmentRow, Exception } from '../../api/exceptions';

/** rowsTouched keeps the SLT's period rows (every tier) that overlap the exception window. */
export function rowsTouched(rows: AttainmentRow[], x: Pick<Exception, 'slt' | 'from' | 'to'>): AttainmentRow[] {
  const from = Date.parse(x.from);
  const to = Date.parse(x.to);
  return rows.filter((r) => r.slt === x.slt && Date.parse(r.start) < to && Date.parse(r.end) > from);
}

export const rowKey = (r: Pick<AttainmentRow, 'tier' | 'period'>) => `${r.tier || '∅'}@${r.period}`;

export interface EffectRow {
  key: string;
  tier: string;
  period: string;
  op: string;
  target: number | null;
  before: number | null;
  beforeMet: boolean | null;
  after: number | null;
  afterMet: boolean | null;
  raw: number | null;
}

/** effectRows pairs rows before and after a decision (after may be missing: not decided yet). */
export function effectRows(before: AttainmentRow[], after?: AttainmentRow[]): EffectRow[] {
  const later = new Map((after ?? []).map((r) => [rowKey(r), r]));
  return before.map((b) => {
    const a = after ? later.get(rowKey(b)) : undefined;
    return {
      key: rowKey(b),
      tier: b.tier,
      period: b.period,
      op: b.op,
      target: b.target,
      before: b.attainment,
      beforeMet: b.met,
      after: a ? a.attainment : null,
      afterMet: a ? a.met : null,
      raw: b.attainment_raw,
    };
  });
}

/** Sorts tiers first by name, the overall row (no tier) last. */
export function sortEffect(rows: EffectRow[]): EffectRow[] {
  return [...rows].sort((a, b) => a.period.localeCompare(b.period) || (a.tier ? 0 : 1) - (b.tier ? 0 : 1) || a.tier.localeCompare(b.tier));
}
