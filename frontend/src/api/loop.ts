// The improvement loop's services (docs/improvement.md): actions, root-cause
// analyses, reviews, meetings, initiatives, the ITSM outbox and four-eyes
// requests. Whoever is signed in acts; no request names a person.
import type { Transport } from './transport';
import { invoke } from './call';
import type {
  Action,
  ActionItem,
  ActionQuery,
  ActionUpdate,
  Agenda,
  AgendaQuery,
  Apollo,
  Approval,
  Cause,
  Correlation,
  CounterMetric,
  DeliveryReport,
  ExcludedShares,
  FileData,
  Improvement,
  ImprovementValidation,
  Links,
  Meeting,
  MeetingRecord,
  Minutes,
  NewAction,
  NewImprovement,
  NewReview,
  OutboxEntry,
  PeriodShare,
  RCAItem,
  RCAUpdate,
  Review,
  ReviewFilter,
  ReviewStatus,
  SLTLoop,
  Solution,
  Why,
} from './generated/wire';

export type {
  Action,
  ActionItem,
  ActionQuery,
  ActionUpdate,
  Agenda,
  AgendaQuery,
  Apollo,
  Approval,
  Cause,
  Correlation,
  CounterMetric,
  DeliveryReport,
  ExcludedShares,
  Improvement,
  ImprovementValidation,
  Links,
  Meeting,
  MeetingRecord,
  Minutes,
  NewAction,
  NewImprovement,
  NewReview,
  OutboxEntry,
  PeriodShare,
  RCAItem,
  RCAUpdate,
  Review,
  ReviewStatus,
  SLTLoop,
  Solution,
  Why,
};

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'dropped';

export interface LoopApi {
  actions: {
    list(q?: Partial<ActionQuery>): Promise<ActionItem[]>;
    get(id: string): Promise<ActionItem>;
    add(a: NewAction): Promise<Action>;
    update(u: ActionUpdate): Promise<Action>;
    close(id: string, status: 'done' | 'dropped', note?: string): Promise<Action>;
  };
  rcas: {
    list(q?: { status?: string; slt?: string; service?: string; supplier?: string }): Promise<RCAItem[]>;
    get(id: string): Promise<RCAItem>;
    open(breach: string): Promise<RCAItem>;
    update(u: RCAUpdate): Promise<RCAItem>;
    close(id: string, conclusion: string): Promise<RCAItem>;
  };
  reviews: {
    list(q?: Partial<ReviewFilter>): Promise<ReviewStatus[]>;
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

export function createLoopApi(t: Transport): LoopApi {
  // Update, Open and Close answer the record; a screen shows it with its actions and overdue flag (Get).
  const rcaGet = (id: string) => invoke(t, 'RCAs.Get', id);
  return {
    actions: {
      list: (q = {}) => invoke(t, 'Actions.List', q as ActionQuery),
      get: (id) => invoke(t, 'Actions.Get', id),
      add: (a) => invoke(t, 'Actions.Add', a),
      update: (u) => invoke(t, 'Actions.Update', u),
      close: (id, status, note) => invoke(t, 'Actions.Close', { id, status, note: note ?? '' }),
    },
    rcas: {
      list: (q = {}) => invoke(t, 'RCAs.List', q),
      get: rcaGet,
      open: async (breach) => rcaGet((await invoke(t, 'RCAs.Open', { breach })).id),
      update: async (u) => rcaGet((await invoke(t, 'RCAs.Update', u)).id),
      close: async (id, conclusion) => rcaGet((await invoke(t, 'RCAs.Close', { id, conclusion })).id),
    },
    reviews: {
      list: (q = {}) => invoke(t, 'Reviews.List', q as ReviewFilter),
      record: (r) => invoke(t, 'Reviews.Record', r),
    },
    meetings: {
      agenda: (q) => invoke(t, 'Meetings.Agenda', q),
      agendaFile: (q, format) => invoke(t, 'Meetings.AgendaFile', { ...q, format }),
      record: (m) => invoke(t, 'Meetings.Record', m),
      list: (q = {}) => invoke(t, 'Meetings.List', q),
    },
    improvements: {
      list: (slt = '') => invoke(t, 'Improvements.List', slt),
      add: (i) => invoke(t, 'Improvements.Add', i),
      validate: (id) => invoke(t, 'Improvements.Validate', id),
    },
    integrations: {
      outbox: (q = {}) => invoke(t, 'Integrations.Outbox', q),
      retry: (id) => invoke(t, 'Integrations.Retry', id),
      deliver: () => invoke(t, 'Integrations.Deliver'),
    },
    approvals: {
      list: (q = {}) => invoke(t, 'Approvals.List', q),
      requestFalsePositive: (breach, reason) => invoke(t, 'Approvals.RequestFalsePositive', { breach, reason }),
      approve: (id, note) => invoke(t, 'Approvals.Approve', { id, note }),
      reject: (id, note) => invoke(t, 'Approvals.Reject', { id, note }),
    },
    sltLoop: (slt) => invoke(t, 'Analysis.Loop', slt),
  };
}
