// The definition forms: which fields each kind shows, how a form value becomes
// part of the document (and back), and where Apply's problems belong.
import type { DefinitionDoc, DefinitionKind, DefinitionProblem } from '../../api/workspace';

export type FieldType = 'text' | 'number' | 'select' | 'textarea' | 'list' | 'holidays' | 'creditTiers' | 'earnBack';

/** Lists of names the selects offer, from the workspace. */
export interface Refs {
  services: string[];
  suppliers: string[];
  feeds: string[];
  slts: string[];
  calendars: string[];
}

export interface FieldDef {
  /** Path in the document, as Apply's problems name it: spec.objective.target. */
  path: string;
  label: string;
  type: FieldType;
  hint?: string;
  options?: readonly string[] | ((r: Refs) => string[]);
  /** A select may be left empty. */
  optional?: boolean;
  required?: boolean;
  wide?: boolean;
  /** Starts a group of fields under this heading. */
  section?: string;
  /** Shown (and stored) only when this holds; hidden fields are left out of the document. */
  showIf?: (v: FormValues) => boolean;
}

export interface KindInfo {
  kind: DefinitionKind;
  label: string;
  plural: string;
  /** Short description under the list. */
  lede: string;
  fields: FieldDef[];
  /** What the list shows beside the name. */
  summary: (d: DefinitionDoc) => string;
  /** Parts of the spec the form does not edit (kept as they are; edit them in YAML). */
  yamlOnly?: string[];
}

const OPS = ['>=', '>', '<=', '<'] as const;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAMES: Record<(typeof DAYS)[number], string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

const common: FieldDef[] = [
  { path: 'metadata.name', label: 'Name', type: 'text', required: true, section: 'About', hint: 'Lower-case letters, digits, “.”, “_”, “-”; unique per kind.' },
  { path: 'metadata.displayName', label: 'Display name', type: 'text' },
  { path: 'metadata.description', label: 'Description', type: 'textarea', wide: true },
];

const indicatorIs =
  (...kinds: string[]) =>
  (v: FormValues) =>
    kinds.includes(v['spec.indicator.kind'] ?? '');
const recurring = (v: FormValues) => !!v['spec.recurrence.freq'];

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export const KIND_INFO: Record<DefinitionKind, KindInfo> = {
  Service: {
    kind: 'Service',
    label: 'Service',
    plural: 'Services',
    lede: 'What the business consumes; SLTs attach to a service.',
    fields: [
      ...common,
      { path: 'spec.businessUnit', label: 'Business unit', type: 'text', section: 'Ownership' },
      { path: 'spec.productLine', label: 'Product line', type: 'text' },
      { path: 'spec.owner', label: 'Owner', type: 'text' },
      { path: 'spec.criticality', label: 'Criticality', type: 'select', options: ['low', 'medium', 'high', 'critical'], optional: true },
    ],
    summary: (d) => [d.spec.businessUnit, d.spec.productLine, d.spec.criticality].filter(Boolean).join(' · '),
  },
  SLT: {
    kind: 'SLT',
    label: 'SLT',
    plural: 'SLTs',
    lede: 'Service level targets: what is measured, over which period, against which objective.',
    fields: [
      ...common,
      { path: 'spec.service', label: 'Service', type: 'select', options: (r) => r.services, required: true, section: 'Scope' },
      { path: 'spec.type', label: 'Type', type: 'select', options: ['SLA', 'OLA', 'UC'], required: true, hint: 'SLA customer-facing, OLA internal, UC supplier.' },
      { path: 'spec.feed', label: 'Feed', type: 'select', options: (r) => r.feeds, optional: true, hint: 'Empty for a composite SLT.' },
      { path: 'spec.owner', label: 'Owner', type: 'text' },
      { path: 'spec.period', label: 'Period', type: 'text', required: true, hint: 'day, week, month, quarter, year or rolling:30d' },
      { path: 'spec.timeZone', label: 'Time zone', type: 'text', hint: 'IANA, e.g. Europe/Berlin' },
      {
        path: 'spec.indicator.kind',
        label: 'Indicator',
        type: 'select',
        options: ['ratio', 'threshold', 'statistic', 'availability', 'duration'],
        optional: true,
        section: 'What is measured',
        hint: 'Empty for a composite SLT.',
      },
      { path: 'spec.indicator.op', label: 'Good when value is', type: 'select', options: OPS, optional: true, showIf: indicatorIs('threshold', 'availability') },
      { path: 'spec.indicator.threshold', label: 'Threshold', type: 'number', showIf: indicatorIs('threshold', 'availability') },
      { path: 'spec.indicator.statistic', label: 'Statistic', type: 'text', hint: 'mean, median, min, max, p95, p99.9', showIf: indicatorIs('statistic') },
      { path: 'spec.indicator.goal', label: 'Duration goal', type: 'text', hint: 'Longest acceptable business time, e.g. 8h or 2d', showIf: indicatorIs('duration') },
      { path: 'spec.objective.op', label: 'Objective operator', type: 'select', options: OPS, optional: true, hint: 'Default >= (<= for a statistic).', section: 'Objective' },
      { path: 'spec.objective.target', label: 'Objective target', type: 'number', hint: 'A share in 0..1 (99.5% is 0.995); a statistic in the feed’s unit.' },
      { path: 'spec.calendar', label: 'Calendar', type: 'select', options: (r) => r.calendars, optional: true, hint: 'Empty: 24×7.' },
      { path: 'spec.impactWeight', label: 'Impact weight', type: 'number', section: 'Governance', hint: 'Scales a breach’s shortfall into business impact.' },
      { path: 'spec.rcaAfter', label: 'Root cause after (missed periods)', type: 'number', hint: 'Default 3.' },
    ],
    summary: (d) => {
      const o = d.spec.objective;
      const tiers = Array.isArray(d.spec.tiers) ? `${d.spec.tiers.length} tiers` : '';
      return [d.spec.type, d.spec.service, d.spec.composite ? 'composite' : d.spec.indicator?.kind, tiers || (o ? `${o.op ?? ''} ${o.target}`.trim() : ''), d.spec.period]
        .filter(Boolean)
        .join(' · ');
    },
    yamlOnly: ['tiers', 'composite', 'escalation', 'assumptions', 'review', 'costPerBadMinute', 'indicator.slice', 'indicator.sliceTarget', 'indicator.missing'],
  },
  Calendar: {
    kind: 'Calendar',
    label: 'Calendar',
    plural: 'Calendars',
    lede: 'Working hours per weekday and holidays, in a time zone; SLTs and tiers count only these hours.',
    fields: [
      ...common,
      { path: 'spec.timeZone', label: 'Time zone', type: 'text', required: true, hint: 'IANA, e.g. Europe/Berlin', section: 'Zone' },
      ...DAYS.map<FieldDef>((d) => ({
        path: `spec.hours.${d}`,
        label: DAY_NAMES[d],
        type: 'list',
        hint: d === 'mon' ? 'HH:MM-HH:MM, comma-separated; empty: closed.' : undefined,
        section: d === 'mon' ? 'Working hours' : undefined,
      })),
      { path: 'spec.holidays', label: 'Holidays', type: 'holidays', wide: true, hint: 'One a line: YYYY-MM-DD name', section: 'Holidays' },
    ],
    summary: (d) => {
      const open = DAYS.filter((x) => Array.isArray(d.spec.hours?.[x]) && d.spec.hours[x].length > 0);
      return [d.spec.timeZone, `${open.length} working days`, `${(d.spec.holidays ?? []).length} holidays`].join(' · ');
    },
  },
  MaintenanceWindow: {
    kind: 'MaintenanceWindow',
    label: 'Maintenance window',
    plural: 'Maintenance',
    lede: 'Planned downtime left out of the calculation, when registered before it starts. One-off (start/end) or recurring.',
    fields: [
      ...common,
      { path: 'spec.slts', label: 'SLTs', type: 'list', hint: 'Comma-separated; SLTs and services both empty: every SLT.', section: 'Scope and registration' },
      { path: 'spec.services', label: 'Services', type: 'list' },
      { path: 'spec.registeredAt', label: 'Registered at', type: 'text', required: true, hint: 'When it was announced (RFC 3339); it counts only if before the start.' },
      { path: 'spec.reason', label: 'Reason', type: 'text' },
      { path: 'spec.recurrence.freq', label: 'Repeats', type: 'select', options: ['daily', 'weekly', 'monthly'], optional: true, section: 'When', hint: 'Empty: one-off, from start to end.' },
      { path: 'spec.start', label: 'Start', type: 'text', hint: 'RFC 3339, e.g. 2026-12-06T02:00:00Z', showIf: (v) => !v['spec.recurrence.freq'] },
      { path: 'spec.end', label: 'End', type: 'text', showIf: (v) => !v['spec.recurrence.freq'] },
      { path: 'spec.recurrence.days', label: 'On weekdays', type: 'list', hint: 'mon, tue, …', showIf: (v) => v['spec.recurrence.freq'] === 'weekly' },
      { path: 'spec.recurrence.dayOfMonth', label: 'Day of month', type: 'number', hint: '1–28', showIf: (v) => v['spec.recurrence.freq'] === 'monthly' },
      { path: 'spec.recurrence.at', label: 'At (HH:MM)', type: 'text', showIf: recurring },
      { path: 'spec.recurrence.duration', label: 'Duration', type: 'text', hint: 'e.g. 2h', showIf: recurring },
      { path: 'spec.recurrence.timeZone', label: 'Time zone', type: 'text', showIf: recurring },
      { path: 'spec.recurrence.from', label: 'From (date)', type: 'text', hint: 'YYYY-MM-DD', showIf: recurring },
      { path: 'spec.recurrence.until', label: 'Until (date)', type: 'text', showIf: recurring },
    ],
    summary: (d) => {
      const r = d.spec.recurrence;
      const when = r ? `${r.freq} ${(r.days ?? []).join(',')} ${r.at ?? ''} for ${r.duration ?? '?'}` : `${str(d.spec.start).slice(0, 16)} → ${str(d.spec.end).slice(0, 16)}`;
      const scope = [...(d.spec.slts ?? []), ...(d.spec.services ?? [])].join(', ') || 'every SLT';
      return `${when.replace(/\s+/g, ' ').trim()} · ${scope}`;
    },
  },
  Contract: {
    kind: 'Contract',
    label: 'Contract',
    plural: 'Contracts',
    lede: 'Supplier agreements: service credits and earn-back computed from one SLT’s attainment.',
    fields: [
      ...common,
      { path: 'spec.supplier', label: 'Supplier', type: 'select', options: (r) => r.suppliers, required: true, section: 'Terms' },
      { path: 'spec.slt', label: 'SLT', type: 'select', options: (r) => r.slts, required: true, hint: 'Its attainment sets the credits.' },
      { path: 'spec.services', label: 'Services', type: 'list', hint: 'Comma-separated.' },
      { path: 'spec.chargePerPeriod', label: 'Charge per period', type: 'number', required: true },
      { path: 'spec.currency', label: 'Currency', type: 'text', hint: 'e.g. EUR' },
      { path: 'spec.cap', label: 'Credit cap (%)', type: 'number', hint: '0: no cap', section: 'Credits and earn-back' },
      { path: 'spec.creditTiers', label: 'Credit tiers', type: 'creditTiers', hint: 'One a line: below credit% — e.g. 0.995 5', wide: false },
      { path: 'spec.earnBack', label: 'Earn-back', type: 'earnBack', hint: 'One a line: above incentive% — e.g. 0.999 2' },
      { path: 'spec.incentiveCap', label: 'Incentive cap (%)', type: 'number' },
    ],
    summary: (d) => [d.spec.supplier, d.spec.slt, d.spec.chargePerPeriod !== undefined ? `${d.spec.chargePerPeriod} ${d.spec.currency ?? ''}`.trim() : ''].filter(Boolean).join(' · '),
  },
  Supplier: {
    kind: 'Supplier',
    label: 'Supplier',
    plural: 'Suppliers',
    lede: 'Third parties that deliver part of a service, with contacts and contingency plans.',
    fields: [
      ...common,
      { path: 'spec.contact', label: 'Contact', type: 'text', section: 'Contact and plan' },
      { path: 'spec.email', label: 'Email', type: 'text' },
      { path: 'spec.maturity', label: 'Maturity (0–5)', type: 'number' },
      { path: 'spec.contingencyPlan', label: 'Contingency plan', type: 'textarea', wide: true },
    ],
    summary: (d) => [d.spec.contact, d.spec.email, d.spec.maturity !== undefined ? `maturity ${d.spec.maturity}` : ''].filter(Boolean).join(' · '),
  },
  Feed: {
    kind: 'Feed',
    label: 'Feed',
    plural: 'Feeds',
    lede: 'Sources of raw data, usually the files a supplier sends.',
    fields: [
      ...common,
      { path: 'spec.shape', label: 'Shape', type: 'select', options: ['value', 'counts', 'event', 'item'], required: true, section: 'Data', hint: 'What one row holds.' },
      { path: 'spec.supplier', label: 'Supplier', type: 'select', options: (r) => r.suppliers, optional: true },
      { path: 'spec.owner', label: 'Data owner', type: 'text' },
      { path: 'spec.interval', label: 'Expected interval', type: 'text', hint: 'e.g. 5m' },
      { path: 'spec.unit', label: 'Unit', type: 'text', hint: 'What a value measures (ms, orders); a statistic SLT needs it.' },
      { path: 'spec.timeZone', label: 'Time zone', type: 'text', hint: 'For timestamps without an offset.' },
    ],
    summary: (d) => [d.spec.shape, d.spec.supplier, d.spec.interval].filter(Boolean).join(' · '),
    yamlOnly: ['mapping'],
  },
};

/** The kind in running text: "service", "maintenance window", but "SLT". */
export const noun = (info: KindInfo) => (info.label === info.label.toUpperCase() ? info.label : info.label.toLowerCase());

export const KIND_ORDER: DefinitionKind[] = ['Service', 'SLT', 'Calendar', 'MaintenanceWindow', 'Contract', 'Supplier', 'Feed'];

// ---- paths

// biome-ignore lint/suspicious/noExplicitAny: documents are JSON
type Json = any;

export function getPath(obj: Json, path: string): Json {
  return path.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), obj);
}

/** setPath sets (or, for undefined, deletes) a value, creating objects on the way and dropping ones left empty. */
export function setPath(obj: Json, path: string, value: Json): void {
  const keys = path.split('.');
  const chain: Json[] = [obj];
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === undefined || o[k] === null || typeof o[k] !== 'object') {
      if (value === undefined) return;
      o[k] = {};
    }
    o = o[k];
    chain.push(o);
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  // drop objects emptied by the deletion (spec.recurrence with no field left); metadata and spec stay
  for (let i = chain.length - 1; i > 1; i--) {
    if (Object.keys(chain[i]).length > 0) break;
    delete chain[i - 1][keys[i - 1]];
  }
}

// ---- form values (strings) ⇄ document values

export type FormValues = Record<string, string>;

export function toFormValue(f: FieldDef, v: Json): string {
  if (v === undefined || v === null) return '';
  switch (f.type) {
    case 'list':
      return Array.isArray(v) ? v.join(', ') : String(v);
    case 'holidays':
      return Array.isArray(v) ? v.map((h) => `${h.date ?? ''} ${h.name ?? ''}`.trim()).join('\n') : '';
    case 'creditTiers':
      return Array.isArray(v) ? v.map((t) => `${t.below} ${t.credit}`).join('\n') : '';
    case 'earnBack':
      return Array.isArray(v) ? v.map((t) => `${t.above} ${t.incentive}`).join('\n') : '';
    default:
      return String(v);
  }
}

export function formValues(info: KindInfo, doc: DefinitionDoc): FormValues {
  const out: FormValues = {};
  for (const f of info.fields) out[f.path] = toFormValue(f, getPath(doc, f.path));
  return out;
}

/** The value to store, or an error in plain words. undefined value = leave out. */
export function fromFormValue(f: FieldDef, s: string): { value?: Json; error?: string } {
  const t = s.trim();
  if (!t) return f.required ? { error: `${f.label} is required.` } : { value: undefined };
  switch (f.type) {
    case 'number': {
      const n = Number(t.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { error: `Write a number (for example 0.995), not “${t}”.` };
    }
    case 'list':
      return { value: t.split(',').map((x) => x.trim()).filter(Boolean) };
    case 'holidays': {
      const out = [];
      for (const [i, line] of t.split('\n').entries()) {
        const l = line.trim();
        if (!l) continue;
        const m = /^(\S+)\s*(.*)$/.exec(l);
        if (!m) return { error: `Line ${i + 1}: write YYYY-MM-DD and a name.` };
        out.push(m[2] ? { date: m[1], name: m[2] } : { date: m[1] });
      }
      return { value: out.length ? out : undefined };
    }
    case 'creditTiers':
    case 'earnBack': {
      const [a, b] = f.type === 'creditTiers' ? ['below', 'credit'] : ['above', 'incentive'];
      const out = [];
      for (const [i, line] of t.split('\n').entries()) {
        const l = line.trim();
        if (!l) continue;
        const parts = l.split(/[\s;]+/).map((x) => Number(x.replace(',', '.')));
        if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) return { error: `Line ${i + 1}: write two numbers, ${a} and ${b}.` };
        out.push({ [a]: parts[0], [b]: parts[1] });
      }
      return { value: out.length ? out : undefined };
    }
    default:
      return { value: t };
  }
}

/** buildDoc applies the form to a copy of the document; fields the form does not show are kept. */
export function buildDoc(info: KindInfo, base: DefinitionDoc, values: FormValues): { doc: DefinitionDoc; errors: Record<string, string> } {
  const doc: DefinitionDoc = JSON.parse(JSON.stringify(base));
  doc.apiVersion = doc.apiVersion || 'slate/v1';
  doc.kind = info.kind;
  doc.metadata = doc.metadata ?? { name: '' };
  doc.spec = doc.spec ?? {};
  const errors: Record<string, string> = {};
  for (const f of info.fields) {
    if (f.showIf && !f.showIf(values)) {
      setPath(doc, f.path, undefined);
      continue;
    }
    const r = fromFormValue(f, values[f.path] ?? '');
    if (r.error) errors[f.path] = r.error;
    else setPath(doc, f.path, r.value);
  }
  if (!doc.spec) doc.spec = {};
  return { doc, errors };
}

export function emptyDoc(kind: DefinitionKind): DefinitionDoc {
  return { apiVersion: 'slate/v1', kind, metadata: { name: '' }, spec: {} };
}

/**
 * fieldFor finds the form field a problem's path belongs to: the longest field
 * path that equals it or is a prefix at a boundary (spec.hours.mon[0] → spec.hours.mon).
 */
export function fieldFor(info: KindInfo, problemField: string): string | null {
  if (!problemField) return null;
  let best: string | null = null;
  for (const f of info.fields) {
    const p = f.path;
    const hit = problemField === p || (problemField.startsWith(p) && /^[.[]/.test(problemField.slice(p.length)));
    if (hit && (!best || p.length > best.length)) best = p;
  }
  // a problem about a parent (spec.indicator, spec.recurrence) goes to its first shown child
  if (!best) best = info.fields.find((f) => f.path.startsWith(`${problemField}.`))?.path ?? null;
  return best;
}

/** Splits Apply's problems into messages at the form's fields and the rest. */
export function mapProblems(info: KindInfo, name: string, problems: DefinitionProblem[]): { fields: Record<string, string>; other: DefinitionProblem[] } {
  const fields: Record<string, string> = {};
  const other: DefinitionProblem[] = [];
  for (const p of problems) {
    const mine = (p.kind === info.kind || p.kind === '') && (p.name === name || p.name === '' || p.document === 1);
    const at = mine ? fieldFor(info, p.field) : null;
    if (!at) {
      other.push(p);
      continue;
    }
    const label = info.fields.find((f) => f.path === at)?.label ?? '';
    const msg = PREDICATE.test(p.message) ? `${label} ${p.message}.`.replace(/\.\.$/, '.') : cap(p.message);
    fields[at] = fields[at] ? `${fields[at]} ${msg}` : msg;
  }
  return { fields, other };
}

const PREDICATE = /^(is|are|refers|must|has|have|needs|may|should|cannot|does|do|was|were) /;
const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** "SLT/x: spec.feed: is required" in plain words for a list. */
export function describeProblem(p: DefinitionProblem): string {
  const id = p.kind ? `${p.kind}${p.name ? `/${p.name}` : ''}` : 'Document';
  return `${id}${p.field ? ` · ${p.field}` : ''}: ${p.message}`;
}
