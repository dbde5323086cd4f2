// How every figure reads in the UI: the same rules as Go's internal/plain
// (the CLI, the review pack and the API's sentences), so a number reads the
// same on every face.
//   - No scientific notation, no float noise: 2.0999999999999996 reads 2.1.
//   - A share reads as a percentage with three decimals: 0.996439 → 99.644%;
//     never "100.000%" for less than all, nor "0.000%" for more than none.
//   - A target reads as written: 0.999 → 99.9%, 450 → 450 ms.
//   - Other numbers keep three significant digits and at most four decimals,
//     whole numbers in full with "," between thousands.
//   - A value next to its target never rounds onto it or past it.
//   - A statistic always carries its unit: 298 ms.
//   - p-values have four decimals; below 0.0001 they read "< 0.0001".
// Missing values (null, undefined, NaN) read "–".

type Num = number | null | undefined;

export const MAX_DECIMALS = 4;
export const PERCENT_DECIMALS = 3;
const MISSING = '–';

const bad = (v: Num): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

/** decimals: three significant digits, capped at four decimals. */
function decimals(v: number): number {
  const a = Math.abs(v);
  if (a === 0) return 0;
  return Math.max(0, Math.min(MAX_DECIMALS, 3 - Math.floor(Math.log10(a)) - 1));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** group inserts "," between thousands of an unsigned decimal string. */
function group(s: string, neg: boolean): string {
  const [int, frac] = s.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${frac !== undefined ? `.${frac}` : ''}`;
}

/** fixed formats v with dec decimals, grouped; trim drops trailing zeros. */
function fixed(v: number, dec: number, trim: boolean): string {
  let s = Math.abs(v).toFixed(dec);
  if (trim) s = trimZeros(s);
  const zero = s.replace(/[0.]/g, '') === '';
  if (v !== 0 && zero && trim) {
    const tiny = dec === 0 ? '1' : `0.${'0'.repeat(dec - 1)}1`;
    return v < 0 ? `> -${tiny}` : `< ${tiny}`;
  }
  return group(s, v < 0 && !zero);
}

const value = (s: string) => Number(s.replace(/,/g, ''));
const floorTo = (v: number, dec: number) => Math.floor(v * 10 ** dec + 1e-6) / 10 ** dec;
const ceilTo = (v: number, dec: number) => Math.ceil(v * 10 ** dec - 1e-6) / 10 ** dec;
const withUnit = (s: string, unit?: string) => (unit && s !== MISSING ? `${s} ${unit}` : s);

/** 298.018 → "298", 1193000 → "1,193,000", 0.002561 → "0.0026". */
export function number(v: Num): string {
  return bad(v) ? MISSING : fixed(v, decimals(v), true);
}

/** A number with its unit: "298 ms". */
export function quantity(v: Num, unit?: string): string {
  return withUnit(number(v), unit);
}

/** A count: whole numbers grouped (565,990), fractions as number(). */
export function count(v: Num): string {
  if (bad(v)) return MISSING;
  return Number.isInteger(v) ? group(Math.abs(v).toFixed(0), v < 0) : number(v);
}

/** A share as a percentage with dec decimals (default three). */
export function percent(f: Num, dec = PERCENT_DECIMALS): string {
  if (bad(f)) return MISSING;
  const p = f * 100;
  let s = fixed(p, dec, false);
  if (f < 1 && f > 0 && value(s) >= 100) s = fixed(floorTo(p, dec), dec, false);
  else if (f > 0 && value(s) === 0) return `< ${fixed(10 ** -dec, dec, false)}%`;
  return `${s}%`;
}

/** percent() without trailing zeros, for sentences: 95%, 96.457%. */
export function share(f: Num): string {
  const s = percent(f);
  return s.startsWith('<') || s === MISSING ? s : `${trimZeros(s.slice(0, -1))}%`;
}

/** A difference of two shares in percentage points: "-0.0013 pp". */
export function points(d: Num): string {
  return bad(d) ? MISSING : `${number(d * 100)} pp`;
}

/** A target as written: a share as a trimmed percentage, a statistic with its unit. */
export function target(v: Num, ratio: boolean, unit?: string): string {
  if (bad(v)) return MISSING;
  return ratio ? `${fixed(v * 100, MAX_DECIMALS, true)}%` : withUnit(fixed(v, MAX_DECIMALS, true), unit);
}

/** ≥ ≤ > < as a person writes them. */
export function op(o: string | undefined): string {
  return o === '>=' ? '≥' : o === '<=' ? '≤' : (o ?? '');
}

/** "≥ 99.9%", "≤ 450 ms". */
export function objective(o: string | undefined, t: Num, ratio: boolean, unit?: string): string {
  return `${op(o)} ${target(t, ratio, unit)}`.trim();
}

/** An attainment: a share as percent(), a statistic as quantity(). */
export function attainment(v: Num, ratio: boolean, unit?: string): string {
  return ratio ? percent(v) : quantity(v, unit);
}

function beside(x: number, t: number, dec: number, trim: boolean): string {
  for (let d = dec; d <= MAX_DECIMALS; d++) {
    const s = fixed(x, d, trim);
    const y = value(s);
    if (y < t === x < t && y !== t) return s;
  }
  return x < t ? fixed(floorTo(x, MAX_DECIMALS), MAX_DECIMALS, trim) : fixed(ceilTo(x, MAX_DECIMALS), MAX_DECIMALS, trim);
}

/** An attainment shown beside its target: never reads equal to it, or past it, when it is not. */
export function against(v: Num, t: Num, ratio: boolean, unit?: string): string {
  if (bad(v) || bad(t) || v === t) return attainment(v, ratio, unit);
  if (ratio) {
    const s = beside(v * 100, t * 100, PERCENT_DECIMALS, false);
    return v < 1 && value(s) >= 100 ? percent(v) : `${s}%`;
  }
  return withUnit(beside(v, t, decimals(v), true), unit);
}

/** An observed value offered as a target with op: rounded toward where it still meets it (down for ≥, up for ≤). */
export function bound(v: Num, o: string, ratio: boolean, unit?: string): string {
  if (bad(v)) return MISSING;
  const round = o === '<=' || o === '<' ? ceilTo : floorTo;
  if (ratio) return `${op(o)} ${trimZeros(fixed(round(v * 100, PERCENT_DECIMALS), PERCENT_DECIMALS, false))}%`;
  const d = decimals(v);
  return `${op(o)} ${withUnit(fixed(round(v, d), d, true), unit)}`;
}

/** A p-value: four decimals, or "< 0.0001". */
export function pValue(p: Num): string {
  if (bad(p)) return MISSING;
  return p < 0.0001 ? '< 0.0001' : trimZeros(p.toFixed(4));
}

/** Money: two decimals, grouped, and the currency: "1,950.00 EUR". */
export function money(v: Num, currency?: string): string {
  if (bad(v)) return MISSING;
  return withUnit(group(Math.abs(v).toFixed(2), v < 0 && Math.abs(v) >= 0.005), currency);
}

/** A rate such as a burn rate: "1.8×". */
export function times(v: Num): string {
  return bad(v) ? MISSING : `${number(v)}×`;
}

/**
 * compact is for chart axes only, where ticks need few characters: 795200 →
 * "795k", 1193000 → "1.19M"; below 10,000 it is number().
 */
export function compact(v: Num): string {
  if (bad(v)) return MISSING;
  const a = Math.abs(v);
  if (a >= 1e6) return `${number(v / 1e6)}M`;
  if (a >= 1e4) return `${number(v / 1e3)}k`;
  return number(v);
}
