// Number and time formatting shared by the import, breach, exception and pack screens.

const int = new Intl.NumberFormat('en-GB');

export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : int.format(n);
}

/** 0.99431 → "99.43%"; digits grow when the value is close to 100%. */
export function fmtPct(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const p = v * 100;
  return `${p.toFixed(p > 99.99 && p < 100 ? Math.max(digits, 3) : digits)}%`;
}

/** Compact number: 795200 → "795k", 0.0027 → "0.0027". */
export function fmtNum(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return v.toFixed(1);
  if (a === 0) return '0';
  return v.toPrecision(2);
}

/** ISO time → "2026-06-10 13:05 UTC" (minutes; seconds only when present). */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = d.toISOString();
  const secs = s.slice(17, 19) !== '00' ? s.slice(16, 19) : '';
  return `${s.slice(0, 10)} ${s.slice(11, 16)}${secs} UTC`;
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

/** "<input type=datetime-local>" value (read as UTC) → RFC 3339. */
export function localInputToRFC3339(v: string): string {
  if (!v) return '';
  const withSecs = v.length === 16 ? `${v}:00` : v;
  return `${withSecs}Z`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}
