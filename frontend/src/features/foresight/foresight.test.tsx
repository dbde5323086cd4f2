import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { Calibration, Forecast } from '../../api/foresight';
import { App } from '../../App';
import { fakeTransport, type Handlers } from '../imports/fakeTransport';
import { analysis, dashboard, overview } from '../../test/fixtures';

vi.mock('../slt/charts', () => ({
  ControlChartView: () => <div role="img" aria-label="Control chart" />,
  BandChart: () => <div role="img" aria-label="Baseline band" />,
  SeasonChart: ({ title }: { title: string }) => <div role="img" aria-label={title} />,
}));

afterEach(() => {
  window.location.hash = '';
});

const track = (horizon: string, use: 'model' | 'baseline', over: Partial<Forecast['track_record_current']> = {}): Forecast['track_record_current'] => ({
  horizon, status: 'ok', from: '2026-03-31T22:00:00Z', to: '2026-11-26T23:00:00Z', decision_points: 1975, targets: 9, periods: 324,
  missed_periods: 7, events: 219, refits: 18,
  model: { brier: 0.0282, auc: 0.972, reliability: [] }, baseline: { brier: 0.0307, auc: 0.957, reliability: [] },
  brier_climatology: 0.099, skill: use === 'model' ? 0.31 : 0.084, skill_p: use === 'model' ? 0.00001 : 0.2379, use,
  verdict: use === 'model' ? 'The model beats the baseline.' : 'The model is not better than the baseline.', ...over,
});

const period = (key: string) => ({ key, start: '2026-10-31T23:00:00Z', end: '2026-11-30T23:00:00Z' });

function forecast(use: 'model' | 'baseline'): Forecast {
  return {
    at: '2026-11-28T00:00:00Z', status: 'ok', track_record_current: track('current', use), track_record_next: track('next', use),
    targets: [{
      slt: 'checkout-success', as_of: '2026-11-27T23:00:00Z', period: period('2026-11'), next_period: period('2026-12'),
      current: { probability: 0.76, source: use, model: 0.81, baseline: 0.76 }, next: { probability: 0.004, source: use, model: 0.01, baseline: 0.004 }, features: [],
    }],
    skipped: [], model_current: null, model_next: null,
  };
}

function renderApp(hash: string, extra: Handlers) {
  window.location.hash = hash;
  const f = fakeTransport({
    'Workspace.Overview': () => overview,
    'Compliance.Dashboard': () => dashboard,
    'Analysis.SLT': () => analysis,
    'Compliance.Report': () => ({ rows: [], statuses: [] }),
    'Compliance.Breaches': () => ({ at: '', breaches: [] }),
    'Analysis.Loop': () => { throw new Error('no loop here'); },
    ...extra,
  });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <App />
    </ApiProvider>,
  );
  return f;
}

describe('the forecast on the SLT page', () => {
  it('shows the chance of missing with the track record beside it, and says when it shows the baseline', async () => {
    const f = renderApp('#/slt/checkout-success', { 'Foresight.Predict': () => forecast('baseline') });
    const panel = await screen.findByTestId('slt-forecast');
    expect(await within(panel).findByText('76%')).toBeInTheDocument();
    expect(panel).toHaveTextContent('This period (2026-11)76% chance of missing from the baseline');
    expect(panel).toHaveTextContent('Next period (2026-12)< 1% chance of missing');
    const table = within(panel).getByRole('table', { name: /Track record/ });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('This period');
    expect(rows[1]).toHaveTextContent('baseline');
    expect(rows[1]).toHaveTextContent('0.031baseline 0.031, model 0.028');
    expect(rows[1]).toHaveTextContent('+8% p = 0.2379');
    expect(rows[1]).toHaveTextContent('0.957');
    expect(rows[1]).toHaveTextContent('1,975in 324 periods, 7 missed');
    expect(within(panel).getByTestId('forecast-baseline')).toHaveTextContent('The model is not better than the baseline: showing the baseline');
    expect(f.calls('Foresight.Predict')[0]).toEqual([{ slt: 'checkout-success', at: '' }]);
  });

  it('links to the calibration of the SLT\'s feed when it has a reference', async () => {
    renderApp('#/slt/checkout-success', {
      'Foresight.Predict': () => forecast('model'),
      'Foresight.CalibratedFeeds': () => [{ feed: 'checkout-counts', reference: 'checkout-log', unit: '', slts: ['checkout-success'] }],
    });
    const link = await screen.findByRole('link', { name: 'checkout-counts calibrated against checkout-log' });
    expect(link).toHaveAttribute('href', '#/calibration/checkout-counts');
  });

  it('shows the model when its track record beats the baseline', async () => {
    renderApp('#/slt/checkout-success', { 'Foresight.Predict': () => forecast('model') });
    const panel = await screen.findByTestId('slt-forecast');
    const rows = within(await within(panel).findByRole('table', { name: /Track record/ })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('model0.028baseline 0.031, model 0.028+31% p < 0.0001');
    expect(within(panel).queryByTestId('forecast-baseline')).toBeNull();
  });

  it('gives no number without a track record, and says why', async () => {
    const none = forecast('baseline');
    none.status = 'insufficient';
    none.message = 'not enough data: 12 decision points, need 100';
    renderApp('#/slt/checkout-success', { 'Foresight.Predict': () => none });
    const panel = await screen.findByTestId('slt-forecast');
    expect(await within(panel).findByTestId('forecast-none')).toHaveTextContent('No forecast: not enough data: 12 decision points, need 100.');
    expect(panel).not.toHaveTextContent('chance of missing');
  });
});

const calibration: Calibration = {
  feed: 'shop-latency', reference: 'shop-latency-txlog', shape: 'value', unit: 'ms', from: '2025-11-01T00:00:00Z', to: '2026-11-28T00:00:00Z',
  bucket_seconds: 300, tolerance_seconds: 0,
  alignment: { feed_buckets: 112860, reference_buckets: 112693, unpaired_feed_buckets: 203, unpaired_reference_buckets: 36, neighbour_pairs: 0 },
  result: {
    n: 112657, feed_mean: 310, reference_mean: 291, bias: 19.13, bias_ci: [19.04, 19.22], sd_difference: 14, mae: 19.4, rmse: 23.6,
    limits_of_agreement: [-8.03, 46.3], lower_limit_ci: [-8.2, -7.9], upper_limit_ci: [46.1, 46.5], ccc: 0.94612, pearson_r: 0.981, bias_correction: 0.96,
    classification: [{ name: 'page-latency-p95', rule: 'indicator threshold', op: '<=', threshold: 1200, both_good: 112499, feed_good_reference_bad: 0,
      feed_bad_reference_good: 3, both_bad: 155, agreement: 0.99997, chance_agreement: 0.997, kappa: 0.99 }],
    drift: { status: 'drift', message: 'drift from 2026-06-30: the bias moves +0.249 ms a day, from +11.9 ms to +49.3 ms by the last day', days: 392,
      monthly: [{ month: '2026-05', n: 8876, bias: 12, ci: [11.8, 12.2], drifted: false }, { month: '2026-06', n: 8617, bias: 11.8, ci: [11.6, 11.9], drifted: false }, { month: '2026-07', n: 8915, bias: 15.8, ci: [15.6, 16], drifted: true }],
      slope_per_day: 0.1, slope_ci: [0.09, 0.11], mann_kendall_p: 0,
      change: { kind: 'ramp', start: '2026-06-30', bias_before: 11.9, slope_per_day: 0.249, shift: 0, total_change: 37.4 } },
    confidence: 0.95,
  },
  attainment: [
    { slt: 'page-latency-p95', period: '2026-10', start: '2026-09-30T22:00:00Z', end: '2026-10-31T23:00:00Z', complete: true, kind: 'statistic', unit: 'ms', op: '<=', target: 320, from_feed: 309, from_reference: 270, difference: 38.9, met_feed: true, met_reference: true, verdicts_differ: false },
    { slt: 'page-latency-p95', period: '2026-11', start: '2026-10-31T23:00:00Z', end: '2026-11-30T23:00:00Z', complete: false, kind: 'statistic', unit: 'ms', op: '<=', target: 300, from_feed: 309, from_reference: 264, difference: 45.2, met_feed: false, met_reference: true, verdicts_differ: true },
  ],
};

describe('the calibration screen', () => {
  it('compares a feed with its reference: bias, limits, concordance, good/bad agreement, attainment and drift by month', async () => {
    const user = userEvent.setup();
    const f = renderApp('#/calibration', {
      'Foresight.CalibratedFeeds': () => [{ feed: 'shop-latency', reference: 'shop-latency-txlog', unit: 'ms', slts: ['page-latency-p95'] }],
      'Foresight.Calibrate': () => calibration,
    });
    const root = await screen.findByTestId('calibration');
    const agreement = await within(root).findByLabelText('Agreement');
    expect(agreement).toHaveTextContent('Bias (mean difference)+19.1 ms95% CI [19 ms, 19.2 ms]');
    expect(agreement).toHaveTextContent('Limits of agreement (Bland–Altman)-8.03 ms to +46.3 ms');
    expect(agreement).toHaveTextContent("Lin's concordance0.9461");
    expect(agreement).toHaveTextContent('Mean absolute difference19.4 ms');
    expect(root).toHaveTextContent('112,657 paired');
    const months = within(root).getByRole('table', { name: 'Bias per month' });
    const mrows = within(months).getAllByRole('row');
    expect(mrows[1]).not.toHaveTextContent('drifted');
    expect(mrows[2]).not.toHaveTextContent('drifted');
    expect(mrows[3]).toHaveTextContent('2026-078,915+15.8 ms[15.6 ms, 16 ms]drifted');
    expect(within(root).getByRole('region', { name: /Drift/ })).toHaveTextContent('drifting');
    const cls = within(root).getByRole('table', { name: /good and bad/ });
    expect(within(cls).getAllByRole('row')[1]).toHaveTextContent('page-latency-p95≤ 1,200 ms112,4990315599.9%0.99');
    const att = within(root).getByRole('table', { name: /Attainment from the feed/ });
    const arows = within(att).getAllByRole('row');
    expect(arows[1]).toHaveTextContent('page-latency-p952026-11*309 ms264 ms45.2 msmet by the reference only');
    expect(arows[2]).toHaveTextContent('2026-10309 ms270 ms38.9 mssame');
    expect(f.calls('Foresight.Calibrate')[0]).toEqual([{ feed: 'shop-latency', from: '', to: '' }]);

    await user.type(within(root).getByLabelText('From'), '2026-01-01');
    await user.click(within(root).getByRole('button', { name: 'Compare' }));
    await vi.waitFor(() => expect(f.calls('Foresight.Calibrate').at(-1)).toEqual([{ feed: 'shop-latency', from: '2026-01-01', to: '' }]));
    expect(window.location.hash).toBe('#/calibration/shop-latency?from=2026-01-01');
  });

  it('says how to pair feeds when none has a reference', async () => {
    renderApp('#/calibration', { 'Foresight.CalibratedFeeds': () => [] });
    expect(await screen.findByText('No feed has a reference')).toBeInTheDocument();
    expect(screen.getByText('spec.calibrateAgainst')).toBeInTheDocument();
  });

  it('shows "not enough data" where the figures would be', async () => {
    renderApp('#/calibration/shop-latency?from=2026-11-01&to=2026-11-01T00:30Z', {
      'Foresight.CalibratedFeeds': () => [{ feed: 'shop-latency', reference: 'shop-latency-txlog', unit: 'ms', slts: [] }],
      'Foresight.Calibrate': () => { throw new Error('not enough data: 6 paired buckets, need 10'); },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('shop-latency could not be compared with its reference');
    expect(alert).toHaveTextContent('not enough data: 6 paired buckets, need 10');
  });
});
