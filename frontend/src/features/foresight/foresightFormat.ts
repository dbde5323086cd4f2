// How the foresight figures read: a chance of missing, a Brier score, a skill
// against the baseline, a calibration difference with its unit.
import * as fmt from '../../format';

type Num = number | null | undefined;
const MISSING = '–';
const bad = (v: Num): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

/** 0.31 → "31%"; below 0.5% → "< 1%". */
export function chance(p: Num): string {
  return bad(p) ? MISSING : fmt.percent(p, 0);
}

/** A Brier score or an AUC: three decimals. */
export function score(v: Num): string {
  return bad(v) ? MISSING : v.toFixed(3);
}

/** Skill against the baseline, signed: "+8%", "-8%". */
export function skill(v: Num): string {
  if (bad(v)) return MISSING;
  const s = fmt.percent(Math.abs(v), 0);
  return v < 0 ? `-${s}` : `+${s}`;
}

/** A difference of a feed and its reference: in the unit for value feeds, in points for shares. */
export function diff(v: Num, shape: string, unit: string, signed = false): string {
  if (bad(v)) return MISSING;
  const s = shape === 'value' ? fmt.quantity(v, unit) : fmt.points(v);
  return signed && v > 0 ? `+${s}` : s;
}

/** An interval of differences: "[19 ms, 19.2 ms]". */
export function interval(a: Num[], shape: string, unit: string): string {
  return bad(a[0]) || bad(a[1]) ? MISSING : `[${diff(a[0], shape, unit)}, ${diff(a[1], shape, unit)}]`;
}

/** A coefficient (CCC, kappa, r): four decimals at most. */
export function coef(v: Num): string {
  return bad(v) ? MISSING : fmt.number(Math.round(v * 1e4) / 1e4);
}
