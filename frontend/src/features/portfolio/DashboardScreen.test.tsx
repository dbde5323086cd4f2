import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import { App } from '../../App';
import { fakeTransport } from '../imports/fakeTransport';
import { dashboard as base, demoActions, overview, rca as rcaOf } from '../../test/fixtures';

// the demo's loop: RCA-1 open, A-1 overdue, the parcel SLT's review due
const dashboard = {
  ...base,
  loop: {
    today: '2026-11-28',
    live_actions: 2,
    overdue_actions: [demoActions[0]],
    open_rcas: [rcaOf()],
    reviews_due: [
      { slt: 'parcel-delivery-48h', display_name: 'Parcels delivered within 48 hours', service: 'order-fulfilment', owner: 'Søren Madsen', due: true, triggers: [],
        reasons: ['review due because it missed 5 months in a row (2026-06 to 2026-10): renegotiate the target, or fund what it takes to meet it'] },
    ],
  },
};

function renderApp(handlers: Parameters<typeof fakeTransport>[0] = {}) {
  const f = fakeTransport({ 'Workspace.Overview': () => overview, 'Compliance.Dashboard': () => dashboard, ...handlers });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <App />
    </ApiProvider>,
  );
  return f;
}

afterEach(() => {
  window.location.hash = '';
});

describe('portfolio dashboard', () => {
  it('shows RAG, budgets, sparklines, alerts and root causes due for every service and SLT', async () => {
    const f = renderApp();
    const root = await screen.findByTestId('portfolio');
    expect(f.calls('Compliance.Dashboard')).toEqual([[{ at: '', period: '', business_unit: '', product_line: '', supplier: '', type: '' }]]);
    expect(within(root).getByText('Current period of every SLT, as of 2026-11-28 00:00 UTC.')).toBeInTheDocument();

    // counts by status
    const summary = screen.getByRole('region', { name: 'Summary' });
    const count = (name: string) => within(summary).getByText(name).closest('div')!.querySelector('dd')!.textContent;
    expect([count('Missed'), count('At risk'), count('On target'), count('No data')]).toEqual(['1', '1', '1', '0']);

    // units in name order, each service a card with its SLT table
    expect(within(root).getAllByRole('heading', { level: 2 }).map((h) => h.textContent).filter((t) => /^(Operations|Retail)/.test(t!))).toEqual([
      'Operations1 service · 1 SLT',
      'Retail1 service · 2 SLTs',
    ]);
    const parcel = screen.getByTestId('slt-parcel-delivery-48h');
    expect(within(parcel).getByText('Missed')).toBeInTheDocument();
    expect(within(parcel).getByText('90.770%')).toBeInTheDocument();
    expect(within(parcel).getByRole('meter', { name: 'Error budget left' })).toHaveAttribute('aria-valuetext', 'overspent: 185% used');
    expect(within(parcel).getByRole('link', { name: '2026-11' })).toHaveAttribute('href', '#/slt/parcel-delivery-48h/2026-11');
    expect(within(parcel).getByRole('img', { name: /last 2 periods: 2026-10 99\.570%, 2026-11 99\.517%/ })).toBeInTheDocument();
    // the first reason shows, the others one hover away
    const why = within(parcel).getByText('below target so far in 2026-11 (still running): 90.770% against >= 95%');
    expect(why).toHaveTextContent('(+1 more)');
    expect(why).toHaveAttribute('title', expect.stringContaining('a root-cause analysis is due'));

    // a tiered SLT lists its tiers, each linking to its own rows
    const shop = screen.getByTestId('slt-shop-availability');
    expect(within(shop).getByRole('link', { name: 'off-hours' })).toHaveAttribute('href', '#/slt/shop-availability/2026-11?tier=off-hours');
    expect(within(shop).getByRole('meter')).toHaveAttribute('aria-valuetext', '20% left');

    // firing alerts and root causes due
    const alerts = screen.getByRole('heading', { name: /Firing alerts/ }).parentElement!;
    expect(within(alerts).getByText('ticket')).toBeInTheDocument();
    expect(within(alerts).getByRole('link', { name: 'Web shop availability' })).toHaveAttribute('href', '#/slt/shop-availability?tier=off-hours');
    const rca = screen.getByRole('heading', { name: /Root causes/ }).parentElement!;
    expect(within(rca).getByRole('link', { name: 'RCA-1' })).toHaveAttribute('href', '#/rca/RCA-1');
    expect(within(rca).getByText('due 2026-12-12, 2 actions')).toBeInTheDocument();
    // the loop: the overdue action and the review due
    const loop = screen.getByRole('region', { name: 'Improvement loop' });
    expect(within(loop).getByRole('link', { name: 'A-1' })).toHaveAttribute('href', '#/actions?q=A-1');
    expect(within(loop).getByText('Søren Madsen, due 2026-11-22 (6 days ago)')).toBeInTheDocument();
    expect(within(loop).getByRole('link', { name: 'Parcels delivered within 48 hours' })).toHaveAttribute('href', '#/slt/parcel-delivery-48h');
    expect(within(loop).getByText(/^it missed 5 months in a row/)).toBeInTheDocument();
  });

  it('filters by business unit, supplier and type; counts and alerts follow', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId('portfolio');
    const filters = screen.getByRole('group', { name: 'Filters' });
    await user.selectOptions(within(filters).getByLabelText('Supplier'), 'CloudHost GmbH');
    expect(screen.queryByTestId('service-order-fulfilment')).toBeNull();
    expect(screen.getByTestId('slt-shop-availability')).toBeInTheDocument();
    expect(screen.queryByTestId('slt-checkout-success')).toBeNull();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('At risk').closest('div')!.querySelector('dd')).toHaveTextContent('1');
    expect(within(summary).getByText('Missed').closest('div')!.querySelector('dd')).toHaveTextContent('0');
    expect(screen.getByText('No analysis open, and no SLT has missed enough periods in a row to need one.')).toBeInTheDocument();
    expect(screen.getByText('No action is past its due date.')).toBeInTheDocument();
    expect(screen.getByText('No SLT is due for review.')).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('SLA / OLA / UC'), 'UC');
    expect(screen.getByRole('status')).toHaveTextContent('No SLT matches these filters.');
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(screen.getByTestId('slt-parcel-delivery-48h')).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('Business unit'), 'Operations');
    expect(screen.queryByTestId('service-payments')).toBeNull();
    expect(screen.getByTestId('service-order-fulfilment')).toBeInTheDocument();
  });

  it('opens one service from a bookmarkable address, with a breadcrumb back', async () => {
    window.location.hash = '#/portfolio/payments';
    renderApp();
    await screen.findByTestId('portfolio');
    expect(screen.queryByTestId('service-order-fulfilment')).toBeNull();
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Portfolio' })).toHaveAttribute('href', '#/portfolio');
    expect(within(crumbs).getByText('Payments')).toHaveAttribute('aria-current', 'page');
    // the navigation knows where we are
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: /Portfolio/ })).toHaveAttribute('aria-current', 'page');
  });

  it('says what went wrong in plain words and tries again', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderApp({
      'Compliance.Dashboard': () => {
        if (++calls === 1) throw new Error('SLT shop-availability: read feed shop-probe: database in use');
        return dashboard;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The dashboard could not be computed');
    expect(alert).toHaveTextContent('read feed shop-probe: database in use');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('portfolio')).toBeInTheDocument();
  });

  it('navigates between screens through the address', async () => {
    const user = userEvent.setup();
    renderApp({ 'Compliance.Breaches': () => ({ at: '', breaches: [] }) });
    await screen.findByTestId('portfolio');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: /Breaches/ }));
    expect(window.location.hash).toBe('#/breaches');
    expect(within(nav).getByRole('button', { name: /Breaches/ })).toHaveAttribute('aria-current', 'page');
  });
});

vi.mock('../breaches/ParetoChart', () => ({ ParetoChart: () => <div role="img" aria-label="Pareto chart" />, paretoLabel: () => '' }));
