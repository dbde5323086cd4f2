import type { ActionItem, RCAItem, ReviewStatus } from './loop';
// app.Compliance for the portfolio dashboard, the rows behind a figure and the what-if target.
import type { Transport } from './transport';
import type { Finding } from './imports';

/** compliance.Row: one period of one SLT, tier or composite (null = not applicable or no data). */
export interface ReportRow {
  slt: string;
  tier: string;
  kind: string;
  period: string;
  start: string;
  end: string;
  complete: boolean;
  points: number;
  eligible: number;
  good: number | null;
  bad: number | null;
  unknown: number;
  excluded: number;
  missing?: string;
  bad_minutes?: number | null;
  attainment: number | null;
  attainment_raw: number | null;
  target: number | null;
  op: string;
  met: boolean | null;
  shortfall: number | null;
  budget_remaining: number | null;
  consecutive_misses: number;
  rca_due: boolean;
}

export type Rag = 'red' | 'amber' | 'green' | 'none';

export interface WindowBurn {
  window: string;
  duration: string;
  bad: number;
  eligible: number;
  burn_rate: number | null;
}

/** compliance.Alert: a burn-rate rule that fired. */
export interface Alert {
  slt: string;
  tier: string;
  severity: 'page' | 'ticket' | (string & {});
  rule: string;
  target: number;
  windows: WindowBurn[];
  message: string;
}

/** compliance.TrendWarning: the running period projected to miss. */
export interface TrendWarning {
  slt: string;
  tier: string;
  period: string;
  period_end: string;
  target: number;
  attainment_so_far: number | null;
  projected_attainment: number;
  miss_date: string;
  message: string;
}

export interface SparkPoint {
  period: string;
  attainment: number | null;
  target: number | null;
  met: boolean | null;
  complete: boolean;
}

export interface DashboardTier {
  name: string;
  objective: string;
  status: Rag;
  row: ReportRow | null;
}

/** app.DashboardSLT */
export interface DashboardSLT {
  name: string;
  displayName: string;
  service: string;
  type: string;
  indicator: string;
  objective: string;
  period: string;
  owner: string;
  feed: string;
  supplier: string;
  supplierName: string;
  ratio: boolean;
  unit: string;
  /** the RAG colour of state: one status rule for every face (docs/metrics.md, Status) */
  status: Rag;
  state: 'missed' | 'at_risk' | 'on_target' | 'no_data';
  /** the reporting period the status judges */
  statusPeriod: string;
  reasons: string[];
  /** the reasons in one line */
  reason: string;
  current: ReportRow | null;
  isCurrent: boolean;
  budget: number | null;
  tiers: DashboardTier[];
  spark: SparkPoint[];
  alerts: number;
  trend: TrendWarning | null;
  consecutiveMisses: number;
  rcaDue: boolean;
  components: string[];
}

export interface DashboardService {
  name: string;
  displayName: string;
  businessUnit: string;
  productLine: string;
  owner: string;
  criticality: string;
  status: Rag;
  slts: DashboardSLT[];
}

/** app.Dashboard, returned by Compliance.Dashboard. */
export interface Dashboard {
  at: string;
  version: number;
  services: DashboardService[];
  alerts: Alert[];
  trends: TrendWarning[];
  rcaDue: { slt: string; displayName: string; service: string; period: string; consecutiveMisses: number }[];
  counts: { red: number; amber: number; green: number; noData: number };
  filters: { businessUnits: string[]; productLines: string[]; suppliers: string[]; types: string[] };
  problems: string[];
  /** The improvement loop at a glance: overdue actions, open RCAs (overdue first), reviews due. */
  loop: DashboardLoop;
}

/** app.DashboardLoop */
export interface DashboardLoop {
  today: string;
  overdue_actions: ActionItem[];
  live_actions: number;
  open_rcas: RCAItem[];
  reviews_due: ReviewStatus[];
}

export interface DashboardQuery {
  at?: string;
  businessUnit?: string;
  productLine?: string;
  supplier?: string;
  type?: string;
}

export type RowStatus = 'good' | 'bad' | 'excluded' | 'out-of-scope' | 'counted';

/** app.DrillRow: one stored row and how it counts. */
export interface DrillRow {
  n: number;
  at: string;
  value?: number;
  good?: number;
  total?: number;
  item?: string;
  opened?: string;
  resolved?: string;
  elapsed?: number;
  priority?: string;
  ci?: string;
  slice?: string;
  tier?: string;
  status: RowStatus | (string & {});
  goodUnits: number;
  badUnits: number;
  excludedUnits: number;
  why?: string;
  batch: number;
  file: string;
  row: number;
  findings: Finding[];
}

export interface RowsTally {
  good: number;
  bad: number;
  excluded: number;
  counted: number;
  outOfScope: number;
  withFindings: number;
  gapGood: number;
  gapBad: number;
  gapUnknown: number;
  gapExcluded: number;
}

/** app.RowsPage */
export interface RowsPage {
  slt: string;
  displayName: string;
  service: string;
  tier: string;
  period: string;
  /** The SLT's time zone: period boundaries are local midnights there. */
  timeZone: string;
  start: string;
  end: string;
  at: string;
  indicator: string;
  feed: string;
  shape: string;
  unit: string;
  figure: ReportRow;
  tally: RowsTally;
  periods: string[];
  all: number;
  total: number;
  offset: number;
  rows: DrillRow[];
  batches: { id: number; file: string; status: string; published: string; sha256: string }[];
  components: string[];
  note: string;
}

export interface RowsQuery {
  slt: string;
  period: string;
  tier?: string;
  at?: string;
  status?: '' | RowStatus | 'findings';
  sort?: '' | 'time' | '-time' | 'value' | '-value';
  offset?: number;
  limit?: number;
}

/** compliance.WhatIf */
export interface WhatIf {
  slt: string;
  tier?: string;
  /** Targets and attainments are shares (0..1); else values in unit. */
  ratio?: boolean;
  unit?: string;
  op: string;
  current_target: number | null;
  proposed_target: number;
  periods: { period: string; attainment: number | null; met_current: boolean | null; met_proposed: boolean | null }[];
  judged: number;
  met_current: number;
  met_proposed: number;
  target_met_in_90pct: number | null;
  warnings: { slt: string; tier?: string; kind: string; message: string }[];
}

export interface ComplianceApi {
  dashboard(q?: DashboardQuery): Promise<Dashboard>;
  rows(q: RowsQuery): Promise<RowsPage>;
  /** Past periods judged at another target; tier: one tier of a tiered SLT. */
  whatIf(slt: string, target: number, tier?: string, at?: string): Promise<WhatIf>;
  /** Every period row of one SLT (its tiers, then its overall rows), and its status now. */
  report(slt: string, at?: string): Promise<SLTReport>;
}

/** compliance.Status: an SLT's state in a reporting period and why (one rule for every face). */
export interface Status {
  slt: string;
  period: string;
  state: 'missed' | 'at_risk' | 'on_target' | 'no_data';
  label: string;
  rag: Rag;
  reasons: string[];
}

export interface SLTReport {
  rows: ReportRow[];
  status: Status | null;
}

const arr = <T,>(v: T[] | null | undefined): T[] => v ?? [];

function normSLT(t: DashboardSLT): DashboardSLT {
  return { ...t, tiers: arr(t.tiers), spark: arr(t.spark), components: arr(t.components), reasons: arr(t.reasons) };
}

export function createComplianceApi(t: Transport): ComplianceApi {
  return {
    dashboard: async (q = {}) => {
      const d = await t.call<Dashboard>('Compliance', 'Dashboard', [
        { at: q.at ?? '', businessUnit: q.businessUnit ?? '', productLine: q.productLine ?? '', supplier: q.supplier ?? '', type: q.type ?? '' },
      ]);
      return {
        ...d,
        services: arr(d.services).map((s) => ({ ...s, slts: arr(s.slts).map(normSLT) })),
        alerts: arr(d.alerts).map((a) => ({ ...a, windows: arr(a.windows) })),
        trends: arr(d.trends),
        rcaDue: arr(d.rcaDue),
        problems: arr(d.problems),
        loop: {
          today: d.loop?.today ?? '',
          live_actions: d.loop?.live_actions ?? 0,
          overdue_actions: arr(d.loop?.overdue_actions).map((a) => ({ ...a, links: a.links ?? {}, notes: arr(a.notes), history: arr(a.history) })),
          open_rcas: arr(d.loop?.open_rcas).map((r) => ({ ...r, periods: arr(r.periods), breaches: arr(r.breaches), actions: arr(r.actions) })),
          reviews_due: arr(d.loop?.reviews_due).map((r) => ({ ...r, reasons: arr(r.reasons), triggers: arr(r.triggers) })),
        },
        filters: {
          businessUnits: arr(d.filters?.businessUnits),
          productLines: arr(d.filters?.productLines),
          suppliers: arr(d.filters?.suppliers),
          types: arr(d.filters?.types),
        },
      };
    },
    rows: async (q) => {
      const p = await t.call<RowsPage>('Compliance', 'Rows', [
        { slt: q.slt, tier: q.tier ?? '', period: q.period, at: q.at ?? '', status: q.status ?? '', sort: q.sort ?? '', offset: q.offset ?? 0, limit: q.limit ?? 200 },
      ]);
      return {
        ...p,
        periods: arr(p.periods),
        rows: arr(p.rows).map((r) => ({ ...r, findings: arr(r.findings) })),
        batches: arr(p.batches),
        components: arr(p.components),
      };
    },
    whatIf: async (slt, target, tier = '', at = '') => {
      const w = await t.call<WhatIf>('Compliance', 'WhatIf', [{ slt, tier, target, at }]);
      return { ...w, periods: arr(w.periods), warnings: arr(w.warnings) };
    },
    report: async (slt, at = '') => {
      const rep = await t.call<{ rows: ReportRow[] | null; statuses?: Status[] | null }>('Compliance', 'Report', [{ period: '', slt, at }]);
      const st = arr(rep?.statuses).find((s) => s.slt === slt);
      return { rows: arr(rep?.rows), status: st ? { ...st, reasons: arr(st.reasons) } : null };
    },
  };
}
