import { describe, expect, it } from 'vitest';
import { createApi } from './client';
import { fakeTransport } from '../features/imports/fakeTransport';

describe('compliance and analysis calls', () => {
  it('send one query object and turn Go nil slices into []', async () => {
    const { transport, calls } = fakeTransport({
      'Compliance.Dashboard': () => ({
        at: '2026-11-28T00:00:00Z', version: 3, alerts: null, trends: null, rca_due: null, problems: null, counts: { red: 0, amber: 0, green: 1, no_data: 0 },
        filters: { business_units: null, product_lines: ['x'], suppliers: null, types: null },
        services: [{ name: 's', slts: [{ name: 't', tiers: null, spark: null, components: null }] }],
      }),
      'Compliance.Rows': () => ({ rows: [{ n: 1, findings: null }], periods: null, batches: null, components: null }),
      'Analysis.SLT': () => ({ at: '', definition: { tiers: null, escalation: null }, analysis: { skipped: null, chart: { points: [{ rules: null }], violations: null }, baseline_band: null } }),
    });
    const api = createApi(transport);
    const d = await api.compliance.dashboard({ supplier: 'CloudHost GmbH' });
    expect(calls('Compliance.Dashboard')).toEqual([[{ at: '', period: '', business_unit: '', product_line: '', supplier: 'CloudHost GmbH', type: '' }]]);
    expect([d.alerts, d.trends, d.rca_due, d.problems, d.filters.business_units, d.filters.product_lines]).toEqual([[], [], [], [], [], ['x']]);
    expect(d.services[0].slts[0]).toMatchObject({ tiers: [], spark: [], components: [] });

    const p = await api.compliance.rows({ slt: 't', period: '2026-10', status: 'bad', offset: 500 });
    expect(calls('Compliance.Rows')).toEqual([[{ slt: 't', tier: '', period: '2026-10', at: '', status: 'bad', sort: '', offset: 500, limit: 200 }]]);
    expect([p.rows[0].findings, p.periods, p.batches, p.components]).toEqual([[], [], [], []]);

    const a = await api.analysis.slt({ slt: 't', tier: 'core' });
    expect(calls('Analysis.SLT')[0]).toEqual([{ slt: 't', tier: 'core', at: '', from: '', to: '', baseline: '', chart: '', rules: '' }]);
    expect([a.definition.tiers, a.definition.escalation, a.analysis.skipped, a.analysis.chart?.violations, a.analysis.chart?.points[0].rules]).toEqual([[], [], [], [], []]);
  });
});
