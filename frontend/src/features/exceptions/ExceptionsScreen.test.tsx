import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { AttainmentRow, Exception } from '../../api/exceptions';
import { fakeTransport } from '../imports/fakeTransport';
import { dto } from '../../test/fixtures';
import type { Me } from '../../api/session';
import { SessionProvider } from '../../state/session';
import { ExceptionsScreen } from './ExceptionsScreen';

const overview = {
  app: 'Slate', version: '1', database: '/x.db',
  services: [{ name: 'shop', display_name: 'Shop', business_unit: 'Retail', product_line: '', owner: '', criticality: '', slts: [{ name: 'shop-availability', display_name: 'Web shop availability', type: 'SLA', indicator: 'availability', objective: '', period: 'month', owner: '', feed: '', supplier: '', tiers: [] }] }],
};

const row = (tier: string, attainment: number, met: boolean, period = '2026-06'): AttainmentRow => dto<AttainmentRow>({
  slt: 'shop-availability', tier, kind: 'availability', period, start: `${period}-01T00:00:00Z`, end: period === '2026-06' ? '2026-07-01T00:00:00Z' : '2026-08-01T00:00:00Z',
  complete: true, attainment, attainment_raw: 0.99, target: 0.999, op: '>=', met, excluded: 0,
});

const me = (name: string, role: string, methods: string[]): Me => ({ name, role, rights: [], methods });

function setup(who?: Me) {
  const list: Exception[] = [];
  let approved = false;
  const f = fakeTransport({
    'Exceptions.List': () => list,
    'Workspace.Overview': () => overview,
    'Imports.Upload': (c: { name: string; size: number }) => ({ id: 'up-7', name: c.name, size: c.size, received: c.size, complete: true }),
    'Exceptions.Request': (r: { slt: string; from: string; to: string; reason: string }) => {
      const x: Exception = { id: 'EX-1', slt: r.slt, from: r.from, to: r.to, reason: r.reason, evidence: [{ name: 'grid.pdf', sha256: 'ab', size: 9 }], requested_by: 'ana', requested_at: '', status: 'requested' };
      list.push(x);
      return x;
    },
    'Exceptions.Approve': (d: { id: string; note: string }) => {
      approved = true;
      Object.assign(list[0], { status: 'approved', decided_by: 'bo', note: d.note });
      return list[0];
    },
    'Compliance.Report': () => ({ rows: [row('core-hours', approved ? 1 : 0.9943, approved), row('core-hours', 0.9999, true, '2026-07')] }),
    'Session.Me': () => who,
  });
  const screenEl = <ExceptionsScreen />;
  render(
    <ApiProvider api={createApi(f.transport)}>{who ? <SessionProvider>{screenEl}</SessionProvider> : screenEl}</ApiProvider>,
  );
  return { ...f, list };
}

describe('exceptions', () => {
  it('checks the request at the fields', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const form = await screen.findByRole('form', { name: 'Request an exception' });
    await user.type(within(form).getByLabelText('From (UTC)'), '2026-06-10T14:00');
    await user.type(within(form).getByLabelText('To (UTC, exclusive)'), '2026-06-10T13:00');
    await user.click(within(form).getByRole('button', { name: 'Request exception' }));
    expect(within(form).getByText('Choose the SLT the exception is for.')).toBeInTheDocument();
    expect(within(form).getByText('The end must be after the start.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true');
    expect(calls('Exceptions.Request')).toHaveLength(0);
  });

  it('reads times on a 24-hour UTC clock and says how to write one it cannot read', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const form = await screen.findByRole('form', { name: 'Request an exception' });
    const from = within(form).getByLabelText('From (UTC)');
    expect(from).toHaveAttribute('type', 'text'); // not the browser's picker, which shows 1:00 PM in en-US
    await user.selectOptions(within(form).getByLabelText('SLT'), 'shop-availability');
    await user.type(from, '2026-06-10 1:00 PM');
    await user.type(within(form).getByLabelText('To (UTC, exclusive)'), '2026-06-10 14:30');
    await user.type(within(form).getByLabelText('Reason'), 'Power failure');
    await user.click(within(form).getByRole('button', { name: 'Request exception' }));
    expect(within(form).getByText('Write the start as 2026-06-10 13:00 (UTC, 24-hour clock).')).toBeInTheDocument();
    expect(calls('Exceptions.Request')).toHaveLength(0);
    await user.clear(from);
    await user.type(from, '2026-06-10 13:00');
    await user.click(within(form).getByRole('button', { name: 'Request exception' }));
    await screen.findByRole('region', { name: /Effect of EX-1/ });
    expect(calls('Exceptions.Request')[0][0]).toMatchObject({ from: '2026-06-10T13:00:00Z', to: '2026-06-10T14:30:00Z' });
  });

  it('requests with evidence, approves, and shows the attainment before and after', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const form = await screen.findByRole('form', { name: 'Request an exception' });
    await user.selectOptions(within(form).getByLabelText('SLT'), 'shop-availability');
    await user.type(within(form).getByLabelText('From (UTC)'), '2026-06-10T13:00');
    await user.type(within(form).getByLabelText('To (UTC, exclusive)'), '2026-06-10T14:30');
    await user.type(within(form).getByLabelText('Reason'), 'Power failure');
    await user.upload(within(form).getByLabelText('Evidence (optional)'), new File(['%PDF-1.4'], 'grid.pdf', { type: 'application/pdf' }));
    expect(await within(form).findByText(/grid\.pdf · 8 B/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Request exception' }));

    const effect = await screen.findByRole('region', { name: 'Effect of EX-1 on shop-availability' });
    // The evidence went ahead as an upload; the request names it by id, and
    // names no requester: that is whoever is signed in.
    expect(calls('Imports.Upload')[0][0]).toMatchObject({ name: 'grid.pdf', size: 8 });
    expect(calls('Exceptions.Request')[0][0]).toEqual({
      slt: 'shop-availability', from: '2026-06-10T13:00:00Z', to: '2026-06-10T14:30:00Z', reason: 'Power failure', evidence: 'up-7',
    });
    // only the period the window touches
    expect(within(effect).getAllByRole('row')).toHaveLength(2);
    expect(within(effect).getByText('99.430%')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Decide EX-1' }));
    const dialog = screen.getByRole('dialog', { name: 'Decide EX-1' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(within(dialog).getByText('A decision needs a note for the audit trail.')).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Decided by')).toBeNull();
    await user.type(within(dialog).getByLabelText('Note'), 'checked');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect(await within(effect).findByRole('columnheader', { name: 'After' })).toBeInTheDocument();
    const r = within(effect).getByTestId('effect-core-hours@2026-06');
    expect(within(r).getByText('99.430%')).toBeInTheDocument();
    expect(within(r).getByText('100.000%')).toBeInTheDocument();
    expect(within(r).getByText('missed → met')).toBeInTheDocument();
    expect(calls('Exceptions.Approve')[0][0]).toEqual({ id: 'EX-1', note: 'checked' });
    expect(screen.getByText('EX-1 approved by bo.')).toBeInTheDocument();
  });

  it('offers each person only what they may do', async () => {
    const user = userEvent.setup();
    // ana, a manager, asks; she may not decide, and is not offered to.
    const ana = setup(me('ana', 'manager', ['Exceptions/List', 'Exceptions/Request', 'Workspace/Overview']));
    const form = await screen.findByRole('form', { name: 'Request an exception' });
    await user.selectOptions(within(form).getByLabelText('SLT'), 'shop-availability');
    await user.type(within(form).getByLabelText('From (UTC)'), '2026-06-10T13:00');
    await user.type(within(form).getByLabelText('To (UTC, exclusive)'), '2026-06-10T14:30');
    await user.type(within(form).getByLabelText('Reason'), 'Power failure');
    await user.click(within(form).getByRole('button', { name: 'Request exception' }));
    await screen.findByText(/EX-1 requested for shop-availability by ana/);
    expect(screen.queryByRole('button', { name: 'Decide EX-1' })).toBeNull();
    expect(ana.calls('Exceptions.Request')).toHaveLength(1);
  });

  it('does not offer the requester the decision, even with the right to decide', async () => {
    const f = setup(me('ANA', 'admin', ['Exceptions/List', 'Exceptions/Request', 'Exceptions/Approve', 'Workspace/Overview']));
    f.list.push({ id: 'EX-3', slt: 'shop-availability', from: '2026-06-10T13:00:00Z', to: '2026-06-10T14:00:00Z', reason: 'x', evidence: [], requested_by: 'ana', requested_at: '', status: 'requested' });
    await screen.findByText('yours: another person decides');
    expect(screen.queryByRole('button', { name: 'Decide EX-3' })).toBeNull();
  });

  it('shows a viewer the list without the request form', async () => {
    setup(me('vera', 'viewer', ['Exceptions/List', 'Workspace/Overview']));
    await screen.findByRole('region', { name: 'Exceptions' });
    expect(screen.queryByRole('form', { name: 'Request an exception' })).toBeNull();
  });
});
