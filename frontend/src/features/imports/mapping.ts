// Pure helpers of the import wizard's mapping step.
import type { FeedInfo, Mapping, MappingField, PreviewResult } from '../../api/imports';

export const FIELD_LABELS: Record<MappingField, string> = {
  time: 'Time',
  value: 'Value',
  good: 'Good count',
  bad: 'Bad count',
  total: 'Total count',
  ok: 'Good/bad flag',
  item: 'Item id',
  opened: 'Opened at',
  resolved: 'Resolved at',
  paused: 'Paused (seconds)',
  priority: 'Priority',
  ci: 'Configuration item',
};

export const FIELD_HINTS: Partial<Record<MappingField, string>> = {
  good: 'Or map the bad count: good = total − bad.',
  bad: 'Used when the file counts failures instead of successes.',
  ok: '1/0, true/false, up/down, ok/fail…',
  paused: 'Seconds the clock was stopped.',
};

export const TIME_LAYOUTS = [
  { value: '', label: 'Detect (RFC 3339, ISO, Excel serial, Unix)' },
  { value: 'rfc3339', label: 'RFC 3339 (2026-03-01T14:05:00Z)' },
  { value: 'iso-local', label: 'ISO local (2026-03-01 14:05)' },
  { value: 'excel', label: 'Excel serial number' },
  { value: 'unix', label: 'Unix seconds' },
  { value: 'unix-ms', label: 'Unix milliseconds' },
  { value: '02/01/2006 15:04', label: 'Day first (01/03/2026 14:05)' },
  { value: '01/02/2006 15:04', label: 'Month first (03/01/2026 14:05)' },
];

/** Header names compare as Go does: case and punctuation ignored. */
export function normHeader(h: string): string {
  return h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The header cell a mapping's column reference ("Status", "status", "#3") names, or undefined. */
export function resolveColumn(ref: string | undefined, header: string[]): string | undefined {
  if (!ref) return undefined;
  const m = /^#(\d+)$/.exec(ref.trim());
  if (m) return header[Number(m[1]) - 1];
  const n = normHeader(ref);
  return header.find((h) => normHeader(h) === n);
}

export const COLUMN_FIELDS: MappingField[] = ['time', 'value', 'good', 'bad', 'total', 'ok', 'item', 'opened', 'resolved', 'paused', 'priority', 'ci'];

/** The fields the feed's shape uses, required first. */
export function feedFields(feed: FeedInfo): { field: MappingField; required: boolean }[] {
  return [
    ...feed.required.map((f) => ({ field: f as MappingField, required: true })),
    ...feed.optional.filter((f) => !feed.required.includes(f)).map((f) => ({ field: f as MappingField, required: false })),
  ];
}

export type MappingSource = 'saved' | 'suggested';

/**
 * initialMapping picks what the mapping step starts with: the feed's saved
 * mapping when every column it names is in this file, else the suggestion.
 * Column references are turned into the file's own header names.
 */
export function initialMapping(p: PreviewResult): { mapping: Mapping; source: MappingSource } {
  const fromSaved = p.saved ? normaliseTo(p.saved, p.header) : null;
  if (fromSaved) return { mapping: fromSaved, source: 'saved' };
  return { mapping: normaliseTo(p.suggestion.mapping, p.header, true) ?? {}, source: 'suggested' };
}

function normaliseTo(m: Mapping, header: string[], lenient = false): Mapping | null {
  const out: Mapping = { ...m };
  for (const f of COLUMN_FIELDS) {
    const ref = m[f];
    if (!ref) continue;
    const col = resolveColumn(ref, header);
    if (!col) {
      if (!lenient) return null;
      delete out[f];
      continue;
    }
    out[f] = col;
  }
  delete out.sheet;
  return out;
}

/** Problems at the fields: a required column not chosen, or one column used twice. */
export function mappingErrors(m: Mapping, feed: FeedInfo): Partial<Record<MappingField, string>> {
  const errs: Partial<Record<MappingField, string>> = {};
  for (const { field, required } of feedFields(feed)) {
    if (!required || m[field]) continue;
    if (field === 'good' && m.bad && m.total) continue; // good = total − bad
    errs[field] = `Choose the column that holds the ${FIELD_LABELS[field].toLowerCase()}${field === 'good' ? ' (or the bad count)' : ''}.`;
  }
  const seen = new Map<string, MappingField>();
  for (const { field } of feedFields(feed)) {
    const col = m[field];
    if (!col) continue;
    const other = seen.get(col);
    if (other) errs[field] = `“${col}” is already the ${FIELD_LABELS[other].toLowerCase()} column.`;
    else seen.set(col, field);
  }
  return errs;
}

/** The request mapping: only the feed's fields, nothing empty. */
export function cleanMapping(m: Mapping, feed: FeedInfo, sheet?: string): Mapping {
  const out: Mapping = {};
  for (const { field } of feedFields(feed)) if (m[field]) out[field] = m[field];
  if (m.time_layout) out.time_layout = m.time_layout;
  if (m.decimal_comma) out.decimal_comma = true;
  if (sheet) out.sheet = sheet;
  return out;
}

/** Which field a header column is mapped to, for the preview table. */
export function fieldOfColumn(m: Mapping, col: string): MappingField | undefined {
  return COLUMN_FIELDS.find((f) => m[f] === col);
}
