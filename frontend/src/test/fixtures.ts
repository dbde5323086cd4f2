// Dashboard, rows and analysis answers shaped like the Go DTOs, for component tests.
import type { ActionItem, RCAItem } from '../api/loop';
import type { Dashboard, DashboardSLT, ReportRow, RowsPage, DrillRow } from '../api/compliance';
import type { SLTAnalysis } from '../api/analysis';
import type { Overview } from '../api';
import type { CapacityAnswer, ChainReport, ChangeImpact, CIReport, CMDBList, MaturityReport, SupplierScope } from '../api/supply';

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

// Supplier management, service design and the CMDB, as the demo answers them.

const part = (slt: string, target: number, contracts: string[], suppliers: string[]) => ({ slt, relation: 'serial', target, op: '>=', contracts, suppliers, nested: false });
const measured = (period: string, attainment: number, expected: number, status: string, met: boolean, message = '') => ({
  period, complete: true, attainment, met, expected, status, message,
  parts: [
    { slt: 'hosting-availability', attainment: 0.99990, target: 0.995, met: true },
    { slt: 'checkout-success', attainment: 0.99445, target: 0.99, met: true },
  ],
});

export const chainReport: ChainReport = dto<ChainReport>({
  end_to_end: [
    {
      slt: 'shop-availability', service: 'web-shop', owner: 'Amélie Laurent', target: 0.999, op: '>=',
      components: [part('hosting-availability', 0.995, ['cloudhost-hosting'], ['cloudhost']), part('checkout-success', 0.99, [], [])],
      gaps: [{ slt: 'checkout-success', chain: ['shop-availability', 'checkout-success'], message: 'checkout-success has no contract: nobody is bound to deliver it (chain shop-availability → checkout-success); add a Contract for it, or components that are contracted' }],
      overlaps: [],
      feasibility: {
        best: 0.98505, feasible: false, shortfall: 0.013950000000000018, fix: null,
        options: [
          { slt: 'hosting-availability', from: 0.995, to: 1.009090909090909, change: 0.014090909090909043, possible: false },
          { slt: 'checkout-success', from: 0.99, to: 1.0040201005025127, change: 0.014020100502512678, possible: false },
        ],
        balanced: [
          { slt: 'hosting-availability', from: 0.995, to: 0.999499874937461, change: 0.004499874937460957, possible: true },
          { slt: 'checkout-success', from: 0.99, to: 0.999499874937461, change: 0.009499874937460961, possible: true },
        ],
        verdict: 'not feasible',
      },
      periods: [
        measured('2026-01', 0.9999529854254819, 0.9956147208324141, 'met', true),
        measured('2026-02', 0.99882, 0.99328, 'mapping_problem', false, 'the parts met their targets, yet the whole missed in 2026-02 (99.882% against 99.9%): a mapping problem: the component targets allow at most 98.505%'),
      ],
    },
  ],
  orphans: [{ contract: 'parcelnet-delivery', supplier: 'parcelnet', slt: 'parcel-delivery-48h', message: 'contract parcelnet-delivery (parcelnet) underpins SLT parcel-delivery-48h, which belongs to no end-to-end SLT' }],
});

const areas = (s: number[]) =>
  ['Service level management', 'Incident and problem management', 'Change and release management', 'Capacity and continuity', 'Continual improvement'].map((name, i) => ({
    id: `a${i}`, name, weight: [2, 2, 1, 1.5, 1][i], score: s[i], answered: 3, questions: 3,
  }));

export const maturityReport: MaturityReport = dto<MaturityReport>({
  suppliers: [
    {
      supplier: 'cloudhost', display_name: 'CloudHost GmbH', declared_maturity: 3.5,
      latest: { assessment: 'cloudhost-2026-06', model: 'itil-supplier', date: '2026-06-12', assessor: 'Jonas Weber', score: 3.511111111111111, band: 'high', areas: areas([3.6666666666666665, 3.6666666666666665, 2.6666666666666665, 4, 3]), answered: 15, questions: 15, complete: true },
      earlier: [],
      reliability: { slts: [], periods: 12, met: 12, met_share: 1, band: 'good', credits: [], credit_periods: 0, trend: 'stable' },
      agreement: 'consistent', disagrees: false, verdict: 'assessed 3.51 of 5 on 2026-06-12 and met 12 of 12 periods (100%): consistent',
    },
    {
      supplier: 'parcelnet', display_name: 'ParcelNet Logistics', declared_maturity: 2.8,
      latest: { assessment: 'parcelnet-2026-10', model: 'itil-supplier', date: '2026-10-08', assessor: 'Søren Madsen', score: 3.911111111111111, band: 'high', areas: areas([4, 4, 3.3333333333333335, 4, 4]), answered: 15, questions: 15, complete: true },
      earlier: [],
      reliability: { slts: [], periods: 12, met: 6, met_share: 0.5, band: 'poor', credits: [{ amount: 18200, currency: 'EUR' }], credit_periods: 4, trend: 'worsening' },
      agreement: 'high_maturity_poor_record', disagrees: true,
      verdict: 'assessed 3.91 of 5 on 2026-10-08, yet met 6 of 12 periods (50%): the questionnaire and the record disagree; check the assessment\'s evidence against the breaches',
    },
  ],
});

export const supplierScope: SupplierScope = dto<SupplierScope>({
  supplier: 'parcelnet', display_name: 'ParcelNet Logistics', contact: 'Marek Nowak', email: 'key-accounts@parcelnet.example', contingency_plan: '',
  contracts: ['parcelnet-delivery'], services: ['order-fulfilment'], feeds: ['parcel-orders'], assessments: ['parcelnet-2026-10'],
  slts: [{ slt: 'parcel-delivery-48h', feed: 'parcel-orders', why: 'bound by parcelnet-delivery; computed from parcel-orders, which parcelnet delivers', contracts: ['parcelnet-delivery'] }],
  batches: [{ id: 31, feed: 'parcel-orders', file: 'parcel-orders-2026-10.xlsx', status: 'published' }, { id: 32, feed: 'parcel-orders', file: 'parcel-orders-2026-10b.xlsx', status: 'published' }],
  actions: [action()],
  contingency: {
    trigger: 'Delivery backlog above one day, or a ParcelNet depot outage', failover: 'Route parcels through the secondary carrier under contract C-2024-7',
    workaround: 'Offer click-and-collect at the stores', last_tested: '2026-04-02',
    contacts: [{ name: 'Marek Nowak', role: 'ParcelNet key account manager', phone: '+48 22 555 0140', email: 'key-accounts@parcelnet.example' }],
  },
});

/** 100 calls an hour, 3 minutes each, 6 agents, 80% in 20 s: the published Erlang C table's row. */
export const capacityAnswer: CapacityAnswer = dto<CapacityAnswer>({
  arrivals_source: 'given', handle_time_source: 'given', demand: null,
  result: {
    arrivals_per_hour: 100, handle_time_seconds: 180, servers: 6, traffic_erlangs: 5, target: { share: 0.8, within_seconds: 20, text: '80% in 20s' },
    wait_probability: 0.5875151891992, service_level: 0.47427385446, asa_seconds: 105.75273405585, occupancy: 0.8333333333333334, meets: false, required_servers: 8, required_service_level: 0.88015,
    verdict: '6 servers miss 80% in 20s: only 47.4% answered in time, 58.8% wait at all (average speed of answer 105.8 s); 8 servers are needed',
    table: [
      { servers: 6, occupancy: 0.8333333333333334, wait_probability: 0.5875151891992, service_level: 0.47427385446, asa_seconds: 105.75273405585 },
      { servers: 7, occupancy: 0.7142857142857143, wait_probability: 0.32414, service_level: 0.74044, asa_seconds: 29.175 },
      { servers: 8, occupancy: 0.625, wait_probability: 0.16727, service_level: 0.88015, asa_seconds: 10.036 },
    ],
  },
});

const scenario = (p: Partial<ChangeImpact['assessments'][number]['impacts'][number]['planned']>) => ({ eligible: 0, bad: 0, allowed_bad: 0, window_bad: 0, consumes: 0, budget_left: 0, attainment: 0, meets: true, ...p });
export const changeImpact: ChangeImpact = dto<ChangeImpact>({
  assessments: [
    {
      slt: 'shop-availability', service: 'web-shop', owner: 'Amélie Laurent', kind: 'availability', from: '2026-12-09T22:00:00Z', to: '2026-12-10T00:00:00Z', error_rate: 1,
      meets_unplanned: false, meets_planned: true, skipped: '',
      verdict: 'unplanned, the window uses 90.673% of shop-availability\'s off-hours 2026-12 budget, leaving -19.265% at the period\'s end (99.404% projected): the target of 99.5% would be missed; registered as maintenance beforehand it is excluded, leaving 71.277%',
      impacts: [
        {
          tier: 'off-hours', period: '2026-12', target: 0.995, op: '>=', window_hours: 2, rest_hours: 300, past_hours: 100, units_per_hour: 52.9, bad_ratio: 0.00144,
          basis: 'rates from the last complete period (2026-11)',
          without_change: scenario({ attainment: 0.99856, budget_left: 0.71277 }),
          unplanned: scenario({ attainment: 0.99404, consumes: 0.90673, budget_left: -0.19265, meets: false }),
          planned: scenario({ attainment: 0.99856, budget_left: 0.71277 }),
        },
      ],
    },
  ],
});

export const cmdbList: CMDBList = dto<CMDBList>({
  at: '2026-12-05T08:00:00Z', max_age_days: 90,
  import: { file: 'demo-cmdb.csv', at: '2026-12-05T07:51:00Z', cis: 6, added: 6, changed: 0, removed: 0, size: 812, sha256: 'ab'.repeat(32) },
  cis: [
    { id: 'checkout-api', name: 'Checkout API', class: 'application', owner: 'Jonas Weber', status: 'operational', verified_at: '2026-10-14T00:00:00Z', state: 'verified', slts: ['incident-resolution'] },
    { id: 'payment-gw', name: 'Payment gateway adapter', class: 'interface', owner: 'Jonas Weber', status: 'operational', verified_at: '2026-05-12T00:00:00Z', state: 'unverified', slts: ['incident-resolution'] },
    { id: 'crm', state: 'unknown', slts: ['incident-resolution'] },
  ],
});

export const ciReport: CIReport = dto<CIReport>({
  slt: 'incident-resolution', feed: 'desk-tickets', period: '2026-10', max_age_days: 90, rows: 145, without_ci: 0, unknown: 26, unverified: 65, flagged: 91, share: 0.6275862068965518,
  message: "63% of incident-resolution's rows in 2026-10 (91 of 145) come from CIs unknown to the CMDB or not verified in the last 90 days (unknown: crm; not verified: warehouse-wms, payment-gw)",
  cis: [
    { id: 'warehouse-wms', name: 'Warehouse management system', owner: 'Søren Madsen', rows: 40, state: 'unverified', status: 'operational', verified_at: '2026-07-21T00:00:00Z' },
    { id: 'web-shop', name: 'Web shop front end', owner: 'Amélie Laurent', rows: 54, state: 'verified', status: 'operational', verified_at: '2026-11-08T00:00:00Z' },
    { id: 'crm', name: '', owner: '', rows: 26, state: 'unknown', status: '' },
    { id: 'payment-gw', name: 'Payment gateway adapter', owner: 'Jonas Weber', rows: 25, state: 'unverified', status: 'operational', verified_at: '2026-05-12T00:00:00Z' },
  ],
  declared: [],
});
