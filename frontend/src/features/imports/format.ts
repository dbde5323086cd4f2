// Time formatting shared by the import, breach, exception and pack screens
// (numbers: src/format.ts).
import { count } from '../../format';

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
  return `${count(n)} ${n === 1 ? one : many}`;
}
