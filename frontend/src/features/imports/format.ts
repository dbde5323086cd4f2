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

/** The example and rule of a typed UTC time, for hints and messages. */
export const UTC_INPUT_EXAMPLE = '2026-06-10 13:00';

/**
 * A UTC time as typed ("2026-06-10 13:00", a 24-hour clock; a T instead of
 * the space and seconds are read too) → "2026-06-10T13:00[:ss]"; null when
 * it is not one (a 30 February, 24:00, a missing zero).
 */
export function utcInput(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(v.trim());
  if (!m) return null;
  const t = `${m[1]}T${m[2]}`;
  const d = new Date(`${t.length === 16 ? `${t}:00` : t}Z`);
  // Date rolls 2026-02-30 over into March: only a time it gives back is one
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, t.length) === t ? t : null;
}

/** A typed UTC time (utcInput) → RFC 3339; text that is not one goes as typed, for the server to name. */
export function localInputToRFC3339(v: string): string {
  if (!v) return '';
  const t = utcInput(v);
  if (t === null) return v;
  return `${t.length === 16 ? `${t}:00` : t}Z`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
