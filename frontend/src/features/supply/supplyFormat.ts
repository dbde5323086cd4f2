// How the supplier and design checks read on screen: chain statuses, the
// agreement of maturity and record, a target a component would need.
import type { BadgeTone } from '../../components/ui/Badge';
import * as fmt from '../../format';

export const toError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** A measured chain period's status (supply.Status*). */
export const CHAIN_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  met: { label: 'met', tone: 'green' },
  part_missed: { label: 'a part missed', tone: 'amber' },
  mapping_problem: { label: 'parts met, whole missed', tone: 'red' },
  incomplete: { label: 'running', tone: 'neutral' },
  no_data: { label: 'no data', tone: 'neutral' },
};

/** Whether a supplier's maturity and record agree (supply.Agree*). */
export const AGREEMENT: Record<string, { label: string; tone: BadgeTone }> = {
  consistent: { label: 'consistent', tone: 'green' },
  high_maturity_poor_record: { label: 'disagree: high maturity, poor record', tone: 'red' },
  low_maturity_good_record: { label: 'disagree: low maturity, good record', tone: 'amber' },
  not_assessed: { label: 'not assessed', tone: 'neutral' },
  not_enough_record: { label: 'too little record', tone: 'neutral' },
};

export const TREND: Record<string, string> = { improving: 'improving', worsening: 'worsening', stable: 'stable', not_enough_data: 'too few periods' };

/** "99.95%": a target a component would need, rounded up so that it is enough; above 100% it cannot be reached. */
export function needed(to: number): string {
  if (to > 1) return 'more than 100% (impossible)';
  const p = Math.ceil(to * 1e5 - 1e-6) / 1e3;
  return `${Number(p.toFixed(3))}%`;
}

/** "3.51 of 5": a maturity score. */
export function score(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : `${fmt.number(Number(v.toFixed(2)))} of 5`;
}

/** "12 of 12 periods (100%)". */
export function periodsMet(met: number, periods: number, share: number | null | undefined): string {
  if (!periods) return 'no complete period';
  return `${met} of ${periods} period${periods === 1 ? '' : 's'} (${fmt.share(share ?? met / periods)})`;
}

/** "106 s", "3 min", "19.6 h": a duration in seconds for people (three significant digits). */
export function seconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '–';
  if (s >= 7200) return `${fmt.number(s / 3600)} h`;
  if (s >= 120) return `${fmt.number(s / 60)} min`;
  return `${fmt.number(s)} s`;
}

