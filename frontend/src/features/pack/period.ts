// Period keys of a review pack.

/** The last complete calendar month before now, as YYYY-MM (UTC). */
export function lastCompleteMonth(now: Date): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0-based: the current month; the previous one is m-1
  const d = new Date(Date.UTC(y, m - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const KEY = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4]|-W(0[1-9]|[1-4]\d|5[0-3]))?$/;

/** An error in plain words, or null when the key is one Slate reads. */
export function periodError(p: string): string | null {
  const t = p.trim();
  if (!t) return 'Choose a period, for example 2026-10.';
  return KEY.test(t) ? null : `“${t}” is not a period: write 2026-10 (month), 2026-Q3, 2026-W07, 2026 or 2026-10-05.`;
}
