import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import { App } from '../../App';
import { fakeTransport } from '../imports/fakeTransport';
import { analysis, dashboard, overview, row } from '../../test/fixtures';

// ECharts needs a layout engine; the charts are checked through their accessible labels.
vi.mock('./charts', () => ({
  ControlChartView: ({ chart }: { chart: { kind: string; points: { label: string; rules: string[] }[] } }) => (
    <div role="img" aria-label={`Control chart (${chart.kind}): ${chart.points.map((p) => `${p.label}${p.rules.length ? ` (rules ${p.rules.join(', ')})` : ''}`).join(', ')}`} />
  ),
  BandChart: () => <div role="img" aria-label="Baseline band" />,
  SeasonChart: ({ title }: { title: string }) => <div role="img" aria-label={title} />,
}));

afterEach(() => {
  window.location.hash = '';
});

function renderDetail(extra: Parameters<typeof fakeTransport>[0] = {}, hash = '#/slt/checkout-success') {
  window.location.hash = hash;
  const f = fakeTransport({
    'Workspace.Overview': () => overview,
    'Compliance.Dashboard': () => dashboard,
    'Analysis.SLT': () => analysis,
    'Compliance.Report': () => ({
      rows: [
        row({ period: '2026-10', complete: true, attainment: 0.9932, met: true, budget_remaining: 0.32 }),
        row({ period: '2026-11', attainment: 0.9952 }),
      ],
      statuses: [
        { slt: 'checkout-success', period: '2026-11', state: 'at_risk', label: 'at risk', rag: 'amber', reasons: ['worse than usual in 2026-10 (one point below the lower control limit)'] },
      ],
    }),
    'Compliance.Breaches': () => ({ at: '', breaches: [] }),
    'Compliance.WhatIf': (q: { target: number }) => ({
      slt: 'checkout-success', op: '>=', current_target: 0.99, proposed_target: q.target, periods: [], judged: 12, met_current: 12,
      met_proposed: q.target > 0.995 ? 7 : 12, target_met_in_90pct: 0.9944, warnings: [],
    }),
    ...extra,
  });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <App />
    </ApiProvider>,
  );
  return f;
}

describe('SLT detail', () => {
  it('shows the verdict, control chart with rule flags, trend, periods, assumptions and escalation path', async () => {
    const f = renderDetail();
    const root = await screen.findByTestId('slt-detail');
    expect(await within(root).findByText('Worse than usual in 2026-10: find out what changed.')).toBeInTheDocument();
    // the status, with its reasons; the rule jargon one click below the verdict
    const status = within(root).getByRole('region', { name: 'Status' });
    expect(status).toHaveTextContent('Status in 2026-11 At risk');
    expect(status).toHaveTextContent('worse than usual in 2026-10');
    expect(within(root).getByText('How the verdict was reached')).toBeInTheDocument();
    // who answers for the target, and for the feed's data
    expect(within(root).getByText('owner Jonas Weber')).toBeInTheDocument();
    expect(await within(root).findByText('data owner Jonas Weber')).toBeInTheDocument();
    expect(within(root).getByText('2026-10: Nelson 1 (worse), one point below the lower control limit.')).not.toBeVisible();
    expect(f.calls('Analysis.SLT')[0]).toEqual([{ slt: 'checkout-success', tier: '', at: '', from: '', to: '', baseline: '', chart: '', rules: '' }]);
    expect(within(root).getByRole('img', { name: 'Control chart (laney-p): 2026-09, 2026-10 (rules nelson-1)' })).toBeInTheDocument();
    const signals = within(root).getByRole('region', { name: /Control chart/ });
    expect(within(signals).getByText(/one point below the lower control limit/).closest('li')).toHaveTextContent('worse 2026-10: one point below the lower control limit (nelson-1)');
    expect(within(root).getByText('no significant trend, so no time to breach')).toBeInTheDocument();
    // periods newest first, each a link to its rows
    const periods = within(root).getByRole('table', { name: /Every period of checkout-success/ });
    const links = within(periods).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/slt/checkout-success/2026-11', '#/slt/checkout-success/2026-10']);
    expect(within(periods).getAllByRole('row')[2]).toHaveTextContent('99.320%');
    expect(within(root).getByText('3 000 checkouts a day')).toBeInTheDocument();
    const esc = within(root).getByRole('heading', { name: 'Escalation path' }).parentElement!;
    expect(esc).toHaveTextContent('Level 1: Payments on-call · Jonas Weber');
    expect(within(root).getByText('No missed complete period.')).toBeInTheDocument();
  });

  it('judges a what-if target, with the message at the field when it is not a number', async () => {
    const user = userEvent.setup();
    const f = renderDetail();
    const input = await screen.findByLabelText('Proposed target (≥ %)');
    expect(input).toHaveValue('99');
    await user.clear(input);
    await user.type(input, 'lots');
    await user.click(screen.getByRole('button', { name: 'Judge' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Write the target as a percentage between 0 and 100, e.g. 99.5.');
    expect(f.calls('Compliance.WhatIf')).toEqual([]);
    await user.clear(input);
    await user.type(input, '99.6');
    await user.click(screen.getByRole('button', { name: 'Judge' }));
    const out = await screen.findByText(/complete periods/);
    expect(out.closest('[role=status]')).toHaveTextContent('At ≥ 99.6%: met in 7 of 12 complete periods (at the current ≥ 99%: 12).');
    expect(f.calls('Compliance.WhatIf')[0]).toEqual([{ slt: 'checkout-success', tier: '', target: 0.996, at: '' }]);
  });

  it('judges a what-if for the tier on screen, at that tier', async () => {
    const user = userEvent.setup();
    const f = renderDetail({}, '#/slt/checkout-success?tier=core-hours');
    expect(await screen.findByRole('heading', { name: /^What-if target\s*·\s*core-hours$/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Judge' }));
    await screen.findByText(/complete periods/);
    expect(f.calls('Compliance.WhatIf')[0]).toEqual([{ slt: 'checkout-success', tier: 'core-hours', target: 0.99, at: '' }]);
  });

  it('shows an analysis error where it happened and keeps the rest', async () => {
    renderDetail({
      'Analysis.SLT': () => {
        throw new Error('SLT checkout-success has no tier "x" (tiers: none)');
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The analysis could not be computed');
    expect(alert).toHaveTextContent('has no tier "x"');
    expect(await screen.findByRole('table', { name: /Every period/ })).toBeInTheDocument();
  });
});
