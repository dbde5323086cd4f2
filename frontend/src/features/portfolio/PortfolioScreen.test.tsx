import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, ApiError, createApi, wailsTransport, type Overview, type SlateApi } from '../../api';
import { App } from '../../App';

// ECharts needs a real layout engine and canvas; jsdom has neither. The chart
// primitive is replaced by its accessible label, which is what a test can check.
vi.mock('../../components/ui/BarChart', () => ({
  BarChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const overview: Overview = {
  app: 'Slate',
  version: '0.3.1',
  database: '/home/ana/.config/slate/slate.db',
  services: [
    {
      name: 'payments',
      displayName: 'Payments API',
      businessUnit: 'Finance',
      productLine: 'Payments',
      owner: 'bo@example.com',
      criticality: 'critical',
      slts: [
        {
          name: 'payments-availability',
          displayName: 'Payment availability',
          type: 'SLA',
          indicator: 'ratio',
          objective: '>= 99.9%',
          period: 'month',
          owner: 'bo@example.com',
          feed: 'prometheus',
          supplier: '',
          tiers: ['core: >= 99.95%', 'off-hours: >= 99.5%'],
        },
        {
          name: 'psp-latency',
          displayName: 'PSP latency',
          type: 'UC',
          indicator: 'threshold',
          objective: 'p95 <= 800ms',
          period: 'month',
          owner: 'bo@example.com',
          feed: 'psp-export',
          supplier: 'Acme PSP',
          tiers: [],
        },
      ],
    },
    {
      name: 'checkout',
      displayName: 'Checkout',
      businessUnit: 'Retail',
      productLine: 'Web shop',
      owner: 'ana@example.com',
      criticality: 'high',
      slts: [
        {
          name: 'checkout-success',
          displayName: 'Checkout success ratio',
          type: 'OLA',
          indicator: 'ratio',
          objective: '>= 99.5%',
          period: 'week',
          owner: 'ana@example.com',
          feed: '',
          supplier: '',
          tiers: [],
        },
      ],
    },
    {
      name: 'search',
      displayName: 'Search',
      businessUnit: 'Retail',
      productLine: '',
      owner: '',
      criticality: '',
      slts: [],
    },
  ],
};

function fakeApi(overviewImpl: () => Promise<Overview>) {
  return {
    ...createApi(wailsTransport({ go: {} })), // the services this test does not use
    mode: 'desktop',
    workspace: { overview: vi.fn(overviewImpl) },
    setWindowTitle: vi.fn<(title: string) => void>(),
  } satisfies SlateApi;
}

function renderApp(api: SlateApi) {
  return render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
}

describe('Portfolio', () => {
  it('shows a loading state, then services grouped by business unit', async () => {
    let resolve!: (o: Overview) => void;
    const api = fakeApi(() => new Promise((r) => (resolve = r)));
    renderApp(api);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the workspace');
    expect(screen.queryByTestId('portfolio')).toBeNull();

    resolve(overview);
    const root = await screen.findByTestId('portfolio');

    // groups in name order, each a labelled region
    const units = within(root).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(units.filter((t) => /^(Finance|Retail)/.test(t ?? ''))).toEqual([
      expect.stringMatching(/^Finance1 service · 2 SLTs/),
      expect.stringMatching(/^Retail2 services · 1 SLT/),
    ]);
    const retail = screen.getByRole('region', { name: /^Retail/ });
    expect(within(retail).getByTestId('service-checkout')).toBeInTheDocument();
    expect(within(retail).getByTestId('service-search')).toBeInTheDocument();

    // a service card with its SLT table
    const payments = screen.getByTestId('service-payments');
    expect(within(payments).getByRole('heading', { name: 'Payments API' })).toBeInTheDocument();
    const table = within(payments).getByRole('table', { name: 'Service level targets of Payments API' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2 SLTs
    expect(within(rows[1]).getByText('Payment availability')).toBeInTheDocument();
    expect(within(rows[1]).getByText('SLA')).toBeInTheDocument();
    expect(within(rows[1]).getByText('>= 99.9%')).toBeInTheDocument();
    const tiers = within(within(rows[1]).getByRole('list')).getAllByRole('listitem');
    expect(tiers.map((li) => li.textContent)).toEqual(['core >= 99.95%', 'off-hours >= 99.5%']);
    expect(within(rows[2]).getByText('UC')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Acme PSP')).toBeInTheDocument();

    // a service without SLTs says so
    expect(within(screen.getByTestId('service-search')).getByText(/No service level targets/)).toBeInTheDocument();

    // the summary chart is fed from the same data
    expect(screen.getByRole('img', { name: /Finance 1 SLA, 0 OLA, 1 UC; Retail 0 SLA, 1 OLA, 0 UC/ })).toBeInTheDocument();

    // header version, status bar database path, window title
    expect(screen.getByText('v0.3.1')).toBeInTheDocument();
    expect(screen.getByText('/home/ana/.config/slate/slate.db')).toBeInTheDocument();
    expect(api.setWindowTitle).toHaveBeenCalledWith('Slate — 3 services');
  });

  it('shows the Go error in plain words and retries', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const api = fakeApi(() =>
      ++calls === 1
        ? Promise.reject(new ApiError('open slate.db: database in use by another Slate', 'Workspace.Overview'))
        : Promise.resolve(overview),
    );
    renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The workspace could not be loaded');
    expect(alert).toHaveTextContent('open slate.db: database in use by another Slate');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('portfolio')).toBeInTheDocument();
    expect(api.workspace.overview).toHaveBeenCalledTimes(2);
  });

  it('explains an empty workspace', async () => {
    renderApp(fakeApi(async () => ({ ...overview, services: [] })));
    const root = await screen.findByTestId('portfolio');
    expect(within(root).getByText('This workspace has no services yet')).toBeInTheDocument();
  });

  it('filters services and SLTs', async () => {
    const user = userEvent.setup();
    renderApp(fakeApi(async () => overview));
    await screen.findByTestId('portfolio');
    await user.type(screen.getByRole('searchbox', { name: 'Filter services and SLTs' }), 'acme');
    expect(await screen.findByTestId('service-payments')).toBeInTheDocument();
    expect(screen.queryByTestId('service-checkout')).toBeNull();
    // only the matching SLT of the service is listed
    expect(screen.queryByText('Payment availability')).toBeNull();
    expect(screen.getByText('PSP latency')).toBeInTheDocument();
  });

  it('sorts an SLT table from its column header', async () => {
    const user = userEvent.setup();
    renderApp(fakeApi(async () => overview));
    const payments = await screen.findByTestId('service-payments');
    const table = within(payments).getByRole('table');
    await user.click(within(table).getByRole('button', { name: /Type/ }));
    expect(within(table).getByRole('columnheader', { name: /Type/ })).toHaveAttribute('aria-sort', 'ascending');
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getByText('SLA')).toBeInTheDocument();
  });

  it('greys out the screens that are not built yet', async () => {
    renderApp(fakeApi(async () => overview));
    await screen.findByTestId('portfolio');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: /Portfolio/ })).toHaveAttribute('aria-current', 'page');
    for (const name of ['Review pack', 'Definitions', 'Audit']) {
      expect(within(nav).getByRole('button', { name: new RegExp(name) })).toBeDisabled();
    }
  });
});
