// How the improvement loop's records read on screen: statuses, due dates
// with how long overdue, what an action is about.
import type { ActionItem, ActionStatus, Links, RCAItem } from '../../api/loop';
import type { BadgeTone } from '../../components/ui/Badge';

export const toError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export const STATUS_LABEL: Record<ActionStatus, string> = { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' };

export function actionTone(a: ActionItem): BadgeTone {
  if (a.overdue) return 'red';
  switch (a.status) {
    case 'in_progress':
      return 'blue';
    case 'done':
      return 'green';
    case 'dropped':
      return 'neutral';
  }
  return 'amber';
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** dueText: "2026-11-22 (6 days overdue)", "2026-12-21", "no date". */
export function dueText(a: Pick<ActionItem, 'due' | 'overdue' | 'days_overdue'>): string {
  if (!a.due) return 'no date';
  return a.overdue ? `${a.due} (${plural(a.days_overdue ?? 0, 'day')} overdue)` : a.due;
}

/** aboutText names what an action is about, the most specific first. */
export function aboutText(l: Links): string {
  const parts: string[] = [];
  if (l.breach) parts.push(`breach ${l.breach}`);
  else if (l.slt) parts.push(`${l.slt}${l.tier ? `/${l.tier}` : ''}${l.period ? `@${l.period}` : ''}`);
  else if (l.service) parts.push(`service ${l.service}`);
  else if (l.supplier) parts.push(`supplier ${l.supplier}`);
  for (const r of [l.rca, l.review, l.meeting, l.improvement]) if (r) parts.push(r);
  return parts.length ? parts.join(', ') : '-';
}

/** periodRange: "2026-06 to 2026-10 (5)". */
export function periodRange(ps: string[]): string {
  if (ps.length === 0) return '-';
  if (ps.length === 1) return ps[0];
  return `${ps[0]} to ${ps[ps.length - 1]} (${ps.length})`;
}

export const methodName = (m: string) => (m === 'apollo' ? 'Apollo' : 'Five Whys');

export function rcaDue(r: RCAItem): string {
  if (r.status === 'closed') return `closed ${r.closed_at?.slice(0, 10) ?? ''}`;
  return r.overdue ? `${r.due} (overdue)` : r.due;
}

/** rcaOfBreach maps each breach id to the analysis that holds it. */
export function rcaOfBreach(rcas: RCAItem[]): Map<string, RCAItem> {
  const m = new Map<string, RCAItem>();
  for (const r of rcas) for (const b of r.breaches) m.set(b, r);
  return m;
}
