// Dashboard, rows and analysis answers shaped like the Go DTOs, for component tests.
import type { ActionItem, RCAItem } from '../api/loop';
import type { Dashboard, DashboardSLT, ReportRow, RowsPage, DrillRow } from '../api/compliance';
import type { SLTAnalysis } from '../api/analysis';
import type { Overview } from '../api';

type DeepPartial<T> = T extends (infer E)[] ? DeepPartial<E>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** dto is a test answer with only the fields the test reads; its names are still checked against the Go DTOs. */
export function dto<T>(v: DeepPartial<T>): T {
  return v as T;
}

export function row(p: Partial<ReportRow> = {}): ReportRow {
  return {
    slt: 'checkout-success', tier: '', kind: 'ratio', period: '2026-11', start: '2026-10-31T23:00:00Z', end: '2026-11-30T23:00:00Z',
    complete: false, points: 649, eligible: 378419, good: 376593, bad: 1826, unknown: 0, excluded: 0, attainment: 0.995175,
    attainment_raw: 0.995175, target: 0.99, op: '>=', met: true, shortfall: 0, budget_remaining: 0.5175, consecutive_misses: 0, rca_due: false,
    slt_owner: 'Jonas Weber', data_owner: 'Jonas Weber', ...p,
  };
}

export function slt(p: Partial<DashboardSLT> = {}): DashboardSLT {
  return {
    name: 'checkout-success', display_name: 'Checkout success rate', service: 'payments', type: 'SLA', indicator: 'ratio', objective: '>= 99%',
    period: 'month', owner: 'Jonas Weber', feed: 'checkout-counts', supplier: '', supplier_name: '', ratio: true, unit: '', status: 'green',
    state: 'on_target', status_period: '2026-11', reasons: ['on target so far in 2026-11: 99.518% against >= 99%, 51% of the error budget left'],
    reason: 'on target so far in 2026-11: 99.518% against >= 99%, 51% of the error budget left', current: row(), is_current: true, budget: 0.5175, tiers: [],
    spark: [
      { period: '2026-10', attainment: 0.9957, target: 0.99, met: true, complete: true },
      { period: '2026-11', attainment: 0.995175, target: 0.99, met: true, complete: false },
    ],
    alerts: 0, trend: null, consecutive_misses: 0, rca_due: false, components: [], ...p,
  };
}

export const dashboard: Dashboard = {
  at: '2026-11-28T00:00:00Z',
  version: 42,
  services: [
    {
      name: 'order-fulfilment', display_name: 'Order fulfilment', business_unit: 'Operations', product_line: 'Logistics', owner: 'Søren Madsen',
      criticality: 'high', status: 'red',
      slts: [
        slt({
          name: 'parcel-delivery-48h', display_name: 'Parcels delivered within 48 hours', service: 'order-fulfilment', type: 'UC', objective: '>= 95%',
          supplier: 'parcelnet', supplier_name: 'ParcelNet Logistics', status: 'red', state: 'missed', reason: 'below target so far in 2026-11 (still running): 90.770% against >= 95%',
          reasons: ['below target so far in 2026-11 (still running): 90.770% against >= 95%', 'missed 5 months in a row: a root-cause analysis is due'], budget: -0.85,
          current: row({ slt: 'parcel-delivery-48h', kind: 'duration', eligible: 1376, good: 1249, bad: 127, attainment: 0.9077, target: 0.95, met: false, budget_remaining: -0.85 }),
          rca_due: true, consecutive_misses: 5,
        }),
      ],
    },
    {
      name: 'payments', display_name: 'Payments', business_unit: 'Retail', product_line: 'E-commerce', owner: 'Jonas Weber', criticality: 'critical', status: 'amber',
      slts: [
        slt(),
        slt({
          name: 'shop-availability', display_name: 'Web shop availability', type: 'SLA', objective: '', status: 'amber', state: 'at_risk', reason: 'off-hours: only 20% of the error budget left in 2026-11',
          reasons: ['off-hours: only 20% of the error budget left in 2026-11'],
          supplier_name: 'CloudHost GmbH', supplier: 'cloudhost', budget: 0.2,
          tiers: [
            { name: 'core-hours', objective: '>= 99.9%', status: 'green', row: row({ tier: 'core-hours', attainment: 0.9995 }) },
            { name: 'off-hours', objective: '>= 99.5%', status: 'amber', row: row({ tier: 'off-hours', attainment: 0.996 }) },
          ],
        }),
      ],
    },
  ],
  alerts: [
    { slt: 'shop-availability', tier: 'off-hours', severity: 'ticket', rule: '1d and 2h burn rate > 3', target: 0.995, threshold: 3, windows: [], message: 'burning' },
  ],
  trends: [],
  rca_due: [{ slt: 'parcel-delivery-48h', display_name: 'Parcels delivered within 48 hours', service: 'order-fulfilment', period: '2026-10', consecutive_misses: 5 }],
  counts: { red: 1, amber: 1, green: 1, no_data: 0 },
  filters: { business_units: ['Operations', 'Retail'], product_lines: ['E-commerce', 'Logistics'], suppliers: ['CloudHost GmbH', 'ParcelNet Logistics'], types: ['SLA', 'UC'] },
  problems: [],
  loop: {
    today: '2026-11-28',
    live_actions: 2,
    overdue_actions: [],
    open_rcas: [],
    reviews_due: [],
  },
};

export const overview: Overview = {
  app: 'Slate', version: '0.3.1', database: '/home/ana/slate.db',
  services: dashboard.services.map((s) => ({ name: s.name, display_name: s.display_name, business_unit: s.business_unit, product_line: s.product_line, owner: s.owner, criticality: s.criticality, slts: [] })),
};

export function drillRow(n: number, p: Partial<DrillRow> = {}): DrillRow {
  return {
    n, at: new Date(Date.UTC(2026, 9, 1) + n * 3600_000).toISOString(), good: 580, total: 582, status: 'bad', good_units: 580, bad_units: 2, excluded_units: 0,
    batch: 7, file: 'checkouts-2026-10.csv', row: n + 1, findings: [], ...p,
  };
}

export function rowsPage(q: { offset: number; limit: number; status?: string }, total = 1200): RowsPage {
  const n = Math.max(0, Math.min(q.limit, total - q.offset));
  return {
    slt: 'checkout-success', display_name: 'Checkout success rate', service: 'payments', tier: '', period: '2026-10', time_zone: 'Europe/Berlin',
    start: '2026-09-30T22:00:00Z', end: '2026-10-31T23:00:00Z', at: '2026-11-28T00:00:00Z', indicator: 'ratio', feed: 'checkout-counts', shape: 'counts', unit: 'checkouts',
    figure: row({ period: '2026-10', complete: true, eligible: 696000, good: 693600, bad: 2400, attainment: 693600 / 696000 }),
    tally: { good: 693600, bad: 2400, excluded: 0, counted: 0, out_of_scope: 0, with_findings: 1, gap_good: 0, gap_bad: 0, gap_unknown: 0, gap_excluded: 0 },
    periods: ['2026-09', '2026-10', '2026-11'], all: 1200, total, offset: q.offset,
    rows: Array.from({ length: n }, (_, i) =>
      drillRow(q.offset + i + 1, q.offset + i === 0 ? { findings: [{ kind: 'missing_interval', severity: 'warning', row: 2, message: '3 hourly points missing before this row' }] } : {}),
    ),
    batches: [{ id: 7, file: 'checkouts-2026-10.csv', status: 'published', published: '2026-11-01T08:00:00Z', sha256: 'ab' }],
    components: [], cmdb: null, note: 'Each row adds its good events and its bad events (total − good).',
  };
}

export const analysis: SLTAnalysis = {
  at: '2026-11-28T00:00:00Z',
  definition: {
    name: 'checkout-success', display_name: 'Checkout success rate', service: 'payments', type: 'SLA', owner: 'Jonas Weber', feed: 'checkout-counts',
    indicator: 'ratio', period: 'month', time_zone: 'Europe/Berlin', op: '>=', target: 0.99, objective: '>= 99%', tiers: [],
    assumptions: { expected_volume: '3 000 checkouts a day', dependencies: ['Payment gateway'], notes: [] },
    escalation: [{ level: 1, authority: 'Payments on-call', contact: 'Jonas Weber', communication: 'Slack #payments', remediation: 'Fail over the gateway' }],
  },
  analysis: {
    slt: 'checkout-success', ratio: true, op: '>=', target: 0.99, period_kind: 'month', periods: 12, skipped: [],
    chart: {
      kind: 'laney-p', why: '', center: 0.9955, sigma: 0.0005, rules: 'nelson', varying_limits: false,
      points: [
        { index: 1, label: '2026-09', start: '', end: '', value: 0.9957, center: 0.9955, lcl: 0.994, ucl: 0.997, met: true, in_baseline: true, judged: false, rules: [] },
        { index: 2, label: '2026-10', start: '', end: '', value: 0.9932, center: 0.9955, lcl: 0.994, ucl: 0.997, met: true, in_baseline: false, judged: true, rules: ['nelson-1'] },
      ],
      violations: [{ rule: 'nelson-1', direction: 'worse', index: 2, label: '2026-10', span: [2, 2], span_labels: ['2026-10', '2026-10'], description: 'one point below the lower control limit' }],
    },
    trend: { slope: 0.00001, slope_se: 0.00005, slope_ci: [-0.0001, 0.0001], intercept: 0.995, theil_sen: 0.00001, r2: 0.01, mann_kendall_s: 3, mann_kendall_p: 0.9, significant: false, direction: 'none', fitted_last: 0.995 },
    time_to_breach: { status: 'insufficient', periods_ahead: null, horizon: 6, message: 'no significant trend, so no time to breach' },
    seasonality: null,
    baseline_band: null,
    baseline: { from: 1, to: 1, from_label: '2026-09', to_label: '2026-09', all: false, auto: true, why: '2026-09..2026-09, the most recent 1 month in a row without a run-rule signal' },
    adjustment: null,
    capability: null,
    verdict: {
      status: 'special_cause', text: 'Worse than usual in 2026-10: find out what changed.', control: 'Worse than usual in 2026-10: find out what changed.',
      capability: '', trend: '', breach: '', stable: false,
      details: ['2026-10: Nelson 1 (worse), one point below the lower control limit.'],
    },
  },
};

/** The demo's improvement loop: RCA-1 on parcel-delivery-48h with its Five Whys draft and two actions, one overdue. */
export function action(p: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'A-1', title: 'Agree a recovery plan with ParcelNet: hub capacity and a second sorting shift', owner: 'Søren Madsen', due: '2026-11-22',
    status: 'in_progress', links: { breach: 'parcel-delivery-48h@2026-10', slt: 'parcel-delivery-48h', period: '2026-10', rca: 'RCA-1', service: 'order-fulfilment', supplier: 'parcelnet' },
    notes: [{ at: '2026-11-10T09:00:00Z', by: 'demo', text: 'ParcelNet asked for a week.' }], origin: 'person', created_at: '2026-11-01T09:00:00Z', created_by: 'demo',
    updated_at: '2026-11-10T09:00:00Z', history: [{ at: '2026-11-01T09:00:00Z', actor: 'demo', field: 'created', to: 'Agree a recovery plan' }],
    overdue: true, days_overdue: 6, ...p,
  };
}

export const demoActions: ActionItem[] = [
  action(),
  action({ id: 'A-2', title: 'Route parcels through the secondary carrier when the warehouse backlog passes 400', due: '2026-12-15', status: 'open', overdue: false, days_overdue: undefined,
    links: { slt: 'parcel-delivery-48h', rca: 'RCA-1', service: 'order-fulfilment', supplier: 'parcelnet' }, notes: [] }),
];

export function rca(p: Partial<RCAItem> = {}): RCAItem {
  return {
    id: 'RCA-1', slt: 'parcel-delivery-48h', service: 'order-fulfilment', supplier: 'parcelnet', run_key: 'parcel-delivery-48h@2026-06',
    periods: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'], breaches: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((x) => `parcel-delivery-48h@${x}`),
    priority: 11.2, status: 'open', owner: 'Søren Madsen', method: 'five_whys',
    problem: 'Parcels delivered within 48 hours missed its objective >= 95.000% 5 months in a row, in 2026-06, 2026-07, 2026-08, 2026-09 and 2026-10.',
    five_whys: [
      { why: 'Why were fewer than 95% of parcels delivered within 48 hours from 2026-06 to 2026-10?', because: "ParcelNet's delivery time crept up month by month." },
      { why: "Why did ParcelNet's delivery time creep up?", because: 'Parcels wait longer at its Leipzig hub before the line haul.' },
      { why: 'Why do parcels wait longer at the hub?', because: 'Volumes through the hub grew while its sorting shifts stayed as they were.' },
      { why: 'Why did the sorting shifts stay as they were?', because: '' },
    ],
    apollo: null, root_causes: [], team: null, due: '2026-12-12', opened_at: '2026-11-28T00:00:00Z', opened_by: 'slate', notes: [], history: [],
    actions: ['A-1', 'A-2'], overdue: false, ...p,
  };
}
