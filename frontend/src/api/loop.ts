// The improvement loop's services (docs/improvement.md): actions, root-cause
// analyses, reviews, meetings, initiatives, the ITSM outbox and four-eyes
// requests. Whoever is signed in acts; no request names a person.
import type { Transport } from './transport';
import type { FileData } from './files';

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'dropped';

/** app.Links: what an action is about. */
export interface Links {
  slt?: string;
  tier?: string;
  period?: string;
  /** SLT@PERIOD or SLT/TIER@PERIOD */
  breach?: string;
  rca?: string;
  review?: string;
  meeting?: string;
  improvement?: string;
  service?: string;
  supplier?: string;
}

export interface Note {
  at: string;
  by: string;
  text: string;
}

export interface Change {
  at: string;
  actor: string;
  field: string;
  from?: string;
  to?: string;
}

/** app.ActionItem */
export interface ActionItem {
  id: string;
  title: string;
  owner: string;
  /** local date, YYYY-MM-DD */
  due?: string;
  status: ActionStatus | (string & {});
  links: Links;
  notes: Note[];
  origin: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  closed_at?: string;
  history: Change[];
  overdue: boolean;
  days_overdue?: number;
}

export type Action = Omit<ActionItem, 'overdue' | 'days_overdue'>;

/** app.ActionQuery */
export interface ActionQuery {
  status?: string;
  owner?: string;
  slt?: string;
  service?: string;
  supplier?: string;
  rca?: string;
  meeting?: string;
  overdue?: boolean;
}

/** app.NewAction: the owner defaults to the linked RCA's or SLT's. */
export interface NewAction {
  title: string;
  owner?: string;
  due?: string;
  links: Links;
  note?: string;
}

/** app.ActionUpdate: absent fields stay. */
export interface ActionUpdate {
  id: string;
  title?: string;
  owner?: string;
  due?: string;
  status?: string;
  links?: Links;
  note?: string;
}

export interface Why {
  why: string;
  because: string;
}

export interface Cause {
  effect: string;
  cause: string;
  /** action or condition */
  kind?: string;
  evidence: string;
}

export interface Solution {
  solution: string;
  controls: string;
  action?: string;
}

export interface Apollo {
  primary_effect: string;
  causes: Cause[];
  solutions: Solution[];
}

export interface Member {
  name: string;
  service: string;
  slts: string[];
  role: string;
}

export interface Team {
  reason: string;
  members: Member[];
}

/** app.RCAItem */
export interface RCAItem {
  id: string;
  slt: string;
  tier?: string;
  service: string;
  supplier?: string;
  run_key: string;
  periods: string[];
  breaches: string[];
  priority: number;
  status: 'open' | 'closed' | (string & {});
  owner: string;
  method: 'five_whys' | 'apollo' | (string & {});
  problem: string;
  five_whys: Why[];
  apollo?: Apollo | null;
  root_causes: string[];
  team?: Team | null;
  due: string;
  opened_at: string;
  opened_by: string;
  closed_at?: string;
  closed_by?: string;
  conclusion?: string;
  notes: Note[];
  history: Change[];
  actions: string[];
  overdue: boolean;
}

export interface RCAQuery {
  status?: string;
  slt?: string;
  service?: string;
  supplier?: string;
}

/** app.RCAUpdate: absent fields stay. */
export interface RCAUpdate {
  id: string;
  owner?: string;
  method?: string;
  problem?: string;
  due?: string;
  five_whys?: Why[];
  apollo?: Apollo;
  root_causes?: string[];
  team?: Team;
  note?: string;
}

export interface Trigger {
  kind: string;
  since: string;
  reason: string;
}

export interface Review {
  id: string;
  slt: string;
  date: string;
  decision: string;
  attendees: string[];
  notes?: string;
  meeting?: string;
  recorded_at: string;
  recorded_by: string;
}

/** app.ReviewStatus */
export interface ReviewStatus {
  slt: string;
  display_name: string;
  service: string;
  supplier?: string;
  owner: string;
  cycle?: string;
  last_review?: Review | null;
  next_review?: string;
  next_review_basis?: string;
  due: boolean;
  triggers: Trigger[];
  reasons: string[];
}

export interface NewReview {
  slt: string;
  date: string;
  decision: string;
  attendees: string[];
  notes?: string;
  meeting?: string;
}

export interface AgendaItem {
  number: number;
  title: string;
  summary: string;
}

export interface AgendaPeriod {
  period: string;
  complete: boolean;
  attainment: number | null;
  value: string;
  met: boolean | null;
}

export interface CounterMetric {
  slt: string;
  display_name: string;
  period?: string;
  attainment: number | null;
  value: string;
  met: boolean | null;
}

export interface AgendaSLT {
  slt: string;
  display_name: string;
  service: string;
  owner: string;
  type: string;
  objective: string;
  periods: AgendaPeriod[];
  trend: string;
  verdict: string;
  status?: { state: string; reasons: string[]; period: string } | null;
  counter_metric?: CounterMetric | null;
}

export interface AgendaBreach {
  id: string;
  slt: string;
  tier: string;
  period: string;
  priority: number;
  value: string;
  objective: string;
  rca?: string;
  vital_few: boolean;
}

export interface Decision {
  text: string;
  ref: string;
}

export interface Meeting {
  id: string;
  scope: 'service' | 'supplier' | (string & {});
  name: string;
  date: string;
  attendees: string[];
  decisions: string[];
  actions: string[];
  notes?: string;
  recorded_at: string;
  recorded_by: string;
}

/** app.Agenda */
export interface Agenda {
  scope: string;
  name: string;
  display_name: string;
  owner?: string;
  date: string;
  at: string;
  zone: string;
  since: string;
  last_meeting?: Meeting | null;
  items: AgendaItem[];
  slts: AgendaSLT[];
  breaches: AgendaBreach[];
  rcas: RCAItem[];
  actions: ActionItem[];
  exceptions: { id: string; slt: string; status: string; reason: string; decided_by?: string }[];
  approvals: Approval[];
  improvements: ImprovementValidation[];
  reviews_due: ReviewStatus[];
  decisions: Decision[];
}

export interface AgendaQuery {
  service?: string;
  supplier?: string;
  date?: string;
}

/** app.Minutes: the actions agreed are created with them. */
export interface Minutes {
  service?: string;
  supplier?: string;
  date: string;
  attendees: string[];
  decisions: string[];
  actions: NewAction[];
  notes?: string;
}

export interface MeetingRecord {
  meeting: Meeting;
  actions: Action[];
}

export interface Improvement {
  id: string;
  slt: string;
  tier?: string;
  service: string;
  change: string;
  description: string;
  created_at: string;
  created_by: string;
}

export interface NewImprovement {
  slt: string;
  tier?: string;
  change: string;
  description: string;
}

export interface Side {
  from?: string;
  to?: string;
  n: number;
  mean: number | null;
  median: number | null;
}

/** app.ImprovementValidation */
export interface ImprovementValidation {
  improvement: string;
  slt: string;
  tier?: string;
  change: string;
  description: string;
  measure: string;
  /** "share" for attainments, else the feed's unit */
  unit: string;
  higher_is_better: boolean;
  before: Side;
  after: Side;
  n_before: number;
  n_after: number;
  test: string;
  test_why: string;
  p_value: number | null;
  effect: number | null;
  effect_ci: [number, number] | null;
  effect_size: number | null;
  effect_size_name?: string;
  significant: boolean;
  direction: string;
  alpha: number;
  power: number;
  needed_per_group: number | null;
  enough_data: boolean;
  days_needed: number | null;
  caveats: string[];
  verdict: string;
  days: { date: string; value: number; phase: 'before' | 'after' | (string & {}) }[];
}

export interface SeriesInfo {
  ref: string;
  name: string;
  measure: string;
  unit: string;
  higher_is_better: boolean;
  days: number;
}

/** app.Correlation */
export interface Correlation {
  lead: SeriesInfo;
  lag: SeriesInfo;
  zone: string;
  from?: string;
  to?: string;
  days: number;
  max_lag: number;
  lags: { lag: number; n: number; r: number | null; p_value: number | null }[];
  lags_tested: number;
  best_lag: number | null;
  r: number | null;
  p_value: number | null;
  p_adjusted: number | null;
  significant: boolean;
  leads: boolean;
  sentence: string;
}

export interface PeriodShare {
  tier?: string;
  period: string;
  complete: boolean;
  units: number;
  excluded: number;
  share: number | null;
  usual_share: number | null;
  rising: boolean;
  reason?: string;
}

export interface ExcludedShares {
  slt: string;
  display_name: string;
  measure: string;
  counter_metric?: string;
  periods: PeriodShare[];
  rising: string[];
  unconfirmed_pauses: number;
}

/** app.SLTLoop: the loop around one SLT, for its page. */
export interface SLTLoop {
  slt: string;
  counter_metric?: CounterMetric | null;
  leads: Correlation[];
  excluded?: ExcludedShares | null;
  review: ReviewStatus;
  rcas: RCAItem[];
  actions: ActionItem[];
  improvements: Improvement[];
  approvals: Approval[];
  at: string;
  problems: string[];
}

/** app.OutboxEntry */
export interface OutboxEntry {
  id: string;
  integration: string;
  event: string;
  task: { title: string; description: string; slt?: string; service?: string; supplier?: string; priority: number; due?: string; owner?: string };
  status: 'pending' | 'delivered' | (string & {});
  created_at: string;
  attempts: number;
  next_attempt?: string;
  last_attempt?: string;
  last_error?: string;
  delivered_at?: string;
  remote_ref?: string;
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  failed: number;
  waiting: number;
}

/** app.Approval: a four-eyes request. */
export interface Approval {
  id: string;
  kind: 'false_positive' | 'clock_pause' | (string & {});
  subject: string;
  slt: string;
  item?: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  status: 'requested' | 'approved' | 'rejected' | (string & {});
  decided_by?: string;
  decided_at?: string;
  note?: string;
}

export interface LoopApi {
  actions: {
    list(q?: ActionQuery): Promise<ActionItem[]>;
    get(id: string): Promise<ActionItem>;
    add(a: NewAction): Promise<Action>;
    update(u: ActionUpdate): Promise<Action>;
    close(id: string, status: 'done' | 'dropped', note?: string): Promise<Action>;
  };
  rcas: {
    list(q?: RCAQuery): Promise<RCAItem[]>;
    get(id: string): Promise<RCAItem>;
    open(breach: string): Promise<RCAItem>;
    update(u: RCAUpdate): Promise<RCAItem>;
    close(id: string, conclusion: string): Promise<RCAItem>;
  };
  reviews: {
    list(q?: { slt?: string; service?: string; supplier?: string; due_only?: boolean }): Promise<ReviewStatus[]>;
    record(r: NewReview): Promise<Review>;
  };
  meetings: {
    agenda(q: AgendaQuery): Promise<Agenda>;
    agendaFile(q: AgendaQuery, format: 'pdf' | 'xlsx'): Promise<FileData>;
    record(m: Minutes): Promise<MeetingRecord>;
    list(q?: { service?: string; supplier?: string }): Promise<Meeting[]>;
  };
  improvements: {
    list(slt?: string): Promise<Improvement[]>;
    add(i: NewImprovement): Promise<Improvement>;
    validate(id: string): Promise<ImprovementValidation>;
  };
  integrations: {
    outbox(q?: { status?: string; integration?: string }): Promise<OutboxEntry[]>;
    retry(id: string): Promise<string[]>;
    deliver(): Promise<DeliveryReport>;
  };
  approvals: {
    list(q?: { status?: string; kind?: string; slt?: string }): Promise<Approval[]>;
    requestFalsePositive(breach: string, reason: string): Promise<Approval>;
    approve(id: string, note: string): Promise<Approval>;
    reject(id: string, note: string): Promise<Approval>;
  };
  /** The loop around one SLT (Analysis.Loop). */
  sltLoop(slt: string): Promise<SLTLoop>;
}

const list = <T>(v: T[] | null | undefined): T[] => v ?? [];

function actionItem(a: ActionItem): ActionItem {
  return { ...a, links: a.links ?? {}, notes: list(a.notes), history: list(a.history) };
}

function rcaItem(r: RCAItem): RCAItem {
  return {
    ...r,
    periods: list(r.periods),
    breaches: list(r.breaches),
    five_whys: list(r.five_whys),
    root_causes: list(r.root_causes),
    notes: list(r.notes),
    history: list(r.history),
    actions: list(r.actions),
    apollo: r.apollo ? { ...r.apollo, causes: list(r.apollo.causes), solutions: list(r.apollo.solutions) } : r.apollo,
  };
}

function reviewStatus(r: ReviewStatus): ReviewStatus {
  return { ...r, triggers: list(r.triggers), reasons: list(r.reasons) };
}

function validation(v: ImprovementValidation): ImprovementValidation {
  return { ...v, caveats: list(v.caveats), days: list(v.days) };
}

export function createLoopApi(t: Transport): LoopApi {
  const rcaGet = async (id: string) => rcaItem(await t.call<RCAItem>('RCAs', 'Get', [id]));
  return {
    actions: {
      list: async (q = {}) => list(await t.call<ActionItem[]>('Actions', 'List', [q])).map(actionItem),
      get: async (id) => actionItem(await t.call<ActionItem>('Actions', 'Get', [id])),
      add: (a) => t.call<Action>('Actions', 'Add', [a]),
      update: (u) => t.call<Action>('Actions', 'Update', [u]),
      close: (id, status, note) => t.call<Action>('Actions', 'Close', [{ id, status, note: note ?? '' }]),
    },
    rcas: {
      list: async (q = {}) => list(await t.call<RCAItem[]>('RCAs', 'List', [q])).map(rcaItem),
      get: rcaGet,
      open: async (breach) => rcaGet((await t.call<RCAItem>('RCAs', 'Open', [{ breach }])).id),
      update: async (u) => rcaGet((await t.call<RCAItem>('RCAs', 'Update', [u])).id),
      close: async (id, conclusion) => rcaGet((await t.call<RCAItem>('RCAs', 'Close', [{ id, conclusion }])).id),
    },
    reviews: {
      list: async (q = {}) => list(await t.call<ReviewStatus[]>('Reviews', 'List', [q])).map(reviewStatus),
      record: (r) => t.call<Review>('Reviews', 'Record', [r]),
    },
    meetings: {
      agenda: async (q) => {
        const a = await t.call<Agenda>('Meetings', 'Agenda', [q]);
        return {
          ...a,
          items: list(a.items),
          slts: list(a.slts).map((s) => ({ ...s, periods: list(s.periods) })),
          breaches: list(a.breaches),
          rcas: list(a.rcas).map(rcaItem),
          actions: list(a.actions).map(actionItem),
          exceptions: list(a.exceptions),
          approvals: list(a.approvals),
          improvements: list(a.improvements).map(validation),
          reviews_due: list(a.reviews_due).map(reviewStatus),
          decisions: list(a.decisions),
        };
      },
      agendaFile: (q, format) => t.call<FileData>('Meetings', 'AgendaFile', [{ ...q, format }]),
      record: async (m) => {
        const r = await t.call<MeetingRecord>('Meetings', 'Record', [m]);
        return { ...r, actions: list(r.actions) };
      },
      list: async (q = {}) => list(await t.call<Meeting[]>('Meetings', 'List', [q])),
    },
    improvements: {
      list: async (slt = '') => list(await t.call<Improvement[]>('Improvements', 'List', [slt])),
      add: (i) => t.call<Improvement>('Improvements', 'Add', [i]),
      validate: async (id) => validation(await t.call<ImprovementValidation>('Improvements', 'Validate', [id])),
    },
    integrations: {
      outbox: async (q = {}) => list(await t.call<OutboxEntry[]>('Integrations', 'Outbox', [q])),
      retry: async (id) => list(await t.call<string[]>('Integrations', 'Retry', [id])),
      deliver: () => t.call<DeliveryReport>('Integrations', 'Deliver'),
    },
    approvals: {
      list: async (q = {}) => list(await t.call<Approval[]>('Approvals', 'List', [q])),
      requestFalsePositive: (breach, reason) => t.call<Approval>('Approvals', 'RequestFalsePositive', [{ breach, reason }]),
      approve: (id, note) => t.call<Approval>('Approvals', 'Approve', [{ id, note }]),
      reject: (id, note) => t.call<Approval>('Approvals', 'Reject', [{ id, note }]),
    },
    sltLoop: async (slt) => {
      const l = await t.call<SLTLoop>('Analysis', 'Loop', [slt]);
      return {
        ...l,
        leads: list(l.leads),
        review: reviewStatus(l.review),
        rcas: list(l.rcas).map(rcaItem),
        actions: list(l.actions).map(actionItem),
        improvements: list(l.improvements),
        approvals: list(l.approvals),
        problems: list(l.problems),
        excluded: l.excluded ? { ...l.excluded, periods: list(l.excluded.periods), rising: list(l.excluded.rising) } : l.excluded,
      };
    },
  };
}
