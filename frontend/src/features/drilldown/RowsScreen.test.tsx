import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { RowsQuery } from '../../api/compliance';
import { App } from '../../App';
import { fakeTransport } from '../imports/fakeTransport';
import { ciReport, dashboard, overview, rowsPage } from '../../test/fixtures';

// jsdom has no layout: give the scroll box a height, so the virtual table renders a window of rows.
const boxHeight = (el: HTMLElement) => (el.classList?.contains('drill__scroll') ? 600 : 0);
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return boxHeight(this);
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return boxHeight(this) ? 1000 : 0;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

function renderAt(hash: string, rows: (q: RowsQuery) => unknown = (q) => rowsPage({ offset: q.offset ?? 0, limit: q.limit ?? 200 }), ov: unknown = overview) {
  window.location.hash = hash;
  const f = fakeTransport({ 'Workspace.Overview': () => ov, 'Compliance.Dashboard': () => dashboard, 'Compliance.Rows': rows });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <App />
    </ApiProvider>,
  );
  return f;
}

describe('drill-down: the rows behind a figure', () => {
  it('shows the figure, checks that the rows add up, and lists rows with their batch and findings', async () => {
    const f = renderAt('#/slt/checkout-success/2026-10');
    const root = await screen.findByTestId('drilldown');
    expect(f.calls('Compliance.Rows')[0]).toEqual([
      { slt: 'checkout-success', tier: '', period: '2026-10', at: '', status: '', sort: '', offset: 0, limit: 500 },
    ]);
    expect(within(root).getByRole('heading', { level: 1 })).toHaveTextContent('Rows behind Checkout success rate · 2026-10');
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Portfolio', '#/portfolio'],
      ['Payments', '#/portfolio/payments'],
      ['Checkout success rate', '#/slt/checkout-success'],
    ]);
    const check = within(root).getByText(/add up to the figure/);
    expect(check).toHaveTextContent('✓ The rows add up to the figure: 693,600 good, 2,400 bad, 0 excluded on rows.');

    const table = within(root).getByRole('table');
    expect(table).toHaveAttribute('aria-rowcount', '1201');
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getByText('580 / 582')).toBeInTheDocument();
    expect(within(first).getByText('bad')).toBeInTheDocument();
    expect(within(first).getByText('#7 · row 2')).toHaveAttribute('title', 'checkouts-2026-10.csv, row 2');
    expect(within(first).getByText('missing_interval')).toBeInTheDocument();
    expect(within(first).getByText('580 good, 2 bad')).toBeInTheDocument();
    expect(within(root).getByText(/batch 7/).closest('p')).toHaveTextContent('From the import batch 7 checkouts-2026-10.csv — see Imports');
  });

  it('fetches further pages as the table scrolls (100k rows stay smooth)', async () => {
    const f = renderAt('#/slt/checkout-success/2026-10', (q) => rowsPage({ offset: q.offset ?? 0, limit: q.limit ?? 200 }, 100_000));
    const root = await screen.findByTestId('drilldown');
    const box = within(root).getByRole('region', { name: /Rows of 2026-10, 100,000 in all/ });
    // only a window of rows is in the DOM
    expect(within(box).getAllByRole('row').length).toBeLessThan(80);
    await act(async () => {
      box.scrollTop = 60_000 * 34;
      fireEvent.scroll(box);
    });
    await waitFor(() => expect(f.calls('Compliance.Rows').map(([q]) => (q as RowsQuery).offset)).toContain(60_000));
    await waitFor(() => expect(within(box).getByText('60,001')).toBeInTheDocument());
  });

  it('filters by status and orders by value on the server', async () => {
    const user = userEvent.setup();
    const f = renderAt('#/slt/checkout-success/2026-10', (q) => rowsPage({ offset: q.offset ?? 0, limit: q.limit ?? 200 }, q.status ? 3 : 1200));
    const root = await screen.findByTestId('drilldown');
    await user.click(within(root).getByRole('radio', { name: 'Bad' }));
    await waitFor(() => expect(within(root).getByText('3 rows')).toBeInTheDocument());
    await user.selectOptions(within(root).getByLabelText('Order'), 'value');
    await waitFor(() => expect(f.calls('Compliance.Rows').at(-1)?.[0]).toMatchObject({ status: 'bad', sort: 'value', offset: 0 }));
    // another period from the selector changes the address (bookmarkable)
    await user.selectOptions(within(root).getByLabelText('Period'), '2026-09');
    expect(window.location.hash).toBe('#/slt/checkout-success/2026-09');
  });

  it('shows the CMDB finding: the share of the rows from CIs not verified lately', async () => {
    renderAt('#/slt/checkout-success/2026-10', (q) => ({ ...rowsPage({ offset: q.offset ?? 0, limit: q.limit ?? 200 }), cmdb: ciReport }));
    const finding = await screen.findByRole('region', { name: 'CMDB finding' });
    expect(finding).toHaveTextContent("63% of this period's rows come from CIs unknown to the CMDB or not verified in the last 90 days");
    expect(within(finding).getByRole('link', { name: 'See the CMDB' })).toHaveAttribute('href', '#/cmdb');
  });

  it('says plainly when a period has no data', async () => {
    renderAt('#/slt/checkout-success/2019-01', () => {
      throw new Error('SLT checkout-success has no data for period "2019-01" (periods with data: 2025-11 to 2026-11)');
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The rows could not be read');
    expect(alert).toHaveTextContent('has no data for period "2019-01" (periods with data: 2025-11 to 2026-11)');
  });

  it('offers the tiers of a tiered SLT and shows the rows of the one picked', async () => {
    const user = userEvent.setup();
    // the overview writes a tier as "name: objective"
    const tiered = {
      ...overview,
      services: overview.services.map((s) =>
        s.name === 'payments'
          ? { ...s, slts: [{ name: 'checkout-success', display_name: 'Checkout success rate', type: 'SLA', indicator: 'ratio', objective: '', period: 'month', owner: '', feed: 'checkout-counts', supplier: '', tiers: ['core-hours: >= 99.9%', 'off-hours: >= 99.5%'] }] }
          : s,
      ),
    };
    const f = renderAt('#/slt/checkout-success/2026-10', (q) => ({ ...rowsPage({ offset: q.offset ?? 0, limit: q.limit ?? 200 }), tier: q.tier ?? '' }), tiered);
    const root = await screen.findByTestId('drilldown');
    const picker = await within(root).findByRole('radiogroup', { name: 'Tier' });
    const radios = within(picker).getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual(['Overall', 'core-hours >= 99.9%', 'off-hours >= 99.5%']);
    expect(within(picker).getByRole('radio', { name: 'Overall' })).toBeChecked();

    await user.click(within(picker).getByRole('radio', { name: /^core-hours/ }));
    // the tier is in the address (bookmarkable, back button) and goes to Compliance.Rows
    expect(window.location.hash).toBe('#/slt/checkout-success/2026-10?tier=core-hours');
    await waitFor(() => expect(f.calls('Compliance.Rows').at(-1)?.[0]).toMatchObject({ slt: 'checkout-success', period: '2026-10', tier: 'core-hours', offset: 0 }));
    await waitFor(() => expect(within(root).getByRole('heading', { level: 1 })).toHaveTextContent('Rows behind Checkout success rate · 2026-10 · core-hours'));
    expect(within(screen.getByRole('radiogroup', { name: 'Tier' })).getByRole('radio', { name: /^core-hours/ })).toBeChecked();
    // another period keeps the tier; "Overall" leaves it
    await user.selectOptions(within(root).getByLabelText('Period'), '2026-09');
    expect(window.location.hash).toBe('#/slt/checkout-success/2026-09?tier=core-hours');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Tier' })).getByRole('radio', { name: 'Overall' }));
    expect(window.location.hash).toBe('#/slt/checkout-success/2026-09');
  });

  it('shows no tier choice for an SLT without tiers', async () => {
    renderAt('#/slt/checkout-success/2026-10');
    const root = await screen.findByTestId('drilldown');
    expect(within(root).queryByRole('radiogroup', { name: 'Tier' })).not.toBeInTheDocument();
  });
});
