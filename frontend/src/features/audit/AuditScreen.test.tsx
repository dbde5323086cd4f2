import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider, createApi } from '../../api';
import type { AuditEvent, AuditVerification } from '../../api/audit';
import { fakeTransport } from '../imports/fakeTransport';
import { AuditScreen } from './AuditScreen';

const h = (n: number) => n.toString(16).padStart(64, '0');
function events(): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 1; i <= 300; i++) {
    const def = i % 3 === 0;
    out.push({
      seq: i,
      time: `2026-11-28T10:${String(i % 60).padStart(2, '0')}:00Z`,
      actor: i % 10 === 0 ? 'auditor' : 'ana',
      action: def ? 'definition.updated' : 'import',
      object: def ? `SLT/slt-${i}` : `Batch/${i}`,
      details: def ? { source: `workspace.yaml: document ${i}` } : undefined,
      prev: i === 1 ? '' : h(i - 1),
      hash: h(i),
    });
  }
  return out;
}

function setup(verify: () => AuditVerification, log: () => AuditEvent[] | null = events) {
  const f = fakeTransport({ 'Audit.Log': log, 'Audit.Verify': verify });
  render(
    <ApiProvider api={createApi(f.transport)}>
      <AuditScreen />
    </ApiProvider>,
  );
  return f;
}

describe('audit log', () => {
  it('lists events newest first, virtualised, filters them and shows one in detail', async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => ({ ok: true, events: 300, head: h(300), batches: 0, points: 0, data_checked: false }));
    const table = await screen.findByRole('table', { name: 'Audit events' });
    expect(calls('Audit.Log')[0]).toEqual([0]);
    expect(screen.getByText('300 events · newest first')).toBeInTheDocument();
    // virtualised: far fewer rows in the DOM than events
    expect(within(table).getAllByRole('row').length).toBeLessThan(100);
    expect(table).toHaveAttribute('aria-rowcount', '301');

    await user.selectOptions(screen.getByLabelText('Action'), 'definition.updated');
    expect(screen.getByText('100 of 300 events · newest first')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('User'), 'auditor');
    expect(screen.getByText('10 of 300 events · newest first')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Object'), 'slt-27');
    expect(screen.getByText('1 of 300 events · newest first')).toBeInTheDocument(); // SLT/slt-270 (slt-27 is not the auditor's)
    const rows = within(screen.getByRole('table', { name: 'Audit events' })).getAllByRole('row');
    expect(rows).toHaveLength(2); // header + SLT/slt-270
    expect(rows[1]).toHaveTextContent('SLT/slt-270');
    await user.click(screen.getByRole('button', { name: 'Details of event 270' }));
    const detail = screen.getByRole('region', { name: 'Event 270' });
    expect(within(detail).getByText(h(270))).toBeInTheDocument();
    expect(within(detail).getByText(h(269))).toBeInTheDocument();
    expect(within(detail).getByLabelText('Details of event 270 as JSON')).toHaveTextContent('"source": "workspace.yaml: document 270"');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByText('300 events · newest first')).toBeInTheDocument();
  });

  it('says the chain is intact, with its head hash', async () => {
    const user = userEvent.setup();
    setup(() => ({ ok: true, events: 300, head: h(300), data_checked: true, batches: 12, points: 773038 }));
    await screen.findByRole('table', { name: 'Audit events' });
    await user.click(screen.getByRole('button', { name: 'Verify the chain' }));
    expect(await screen.findByText('The audit trail is intact: 300 events checked.')).toBeInTheDocument();
    expect(screen.getByTestId('audit-head')).toHaveTextContent(h(300));
    expect(screen.getByText(/stored points of 12 published batches \(773,038 points\) hash to what their imports recorded/)).toBeInTheDocument();
  });

  it('names the batch whose stored data no longer matches', async () => {
    const user = userEvent.setup();
    setup(() => ({ ok: false, events: 300, head: h(300), batches: 0, points: 0, data_checked: true, bad_batch: 7, problem: 'batch 7 (feed parcels): its stored points no longer match' }));
    await screen.findByRole('table', { name: 'Audit events' });
    await user.click(screen.getByRole('button', { name: 'Verify the chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The data of batch 7 no longer matches the audit trail.');
    expect(alert).toHaveTextContent('batch 7 (feed parcels): its stored points no longer match');
  });

  it('says where the chain is broken and why', async () => {
    const user = userEvent.setup();
    setup(() => ({ ok: false, events: 300, head: h(300), batches: 0, points: 0, data_checked: false, first_bad: 42, problem: 'event 42: hash does not match its content' }));
    await screen.findByRole('table', { name: 'Audit events' });
    await user.click(screen.getByRole('button', { name: 'Verify the chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The audit trail is broken at event 42.');
    expect(alert).toHaveTextContent('event 42: hash does not match its content');
  });

  it('says so when nothing is recorded (Go’s nil list)', async () => {
    setup(() => ({ ok: true, events: 0, head: '', batches: 0, points: 0, data_checked: false }), () => null);
    expect(await screen.findByText(/^Nothing has been recorded yet\./)).toBeInTheDocument();
    expect(screen.getByText('0 events · newest first')).toBeInTheDocument();
  });

  it('shows a failed load in plain words with Try again', async () => {
    const user = userEvent.setup();
    let n = 0;
    setup(
      () => ({ ok: true, events: 0, head: '', batches: 0, points: 0, data_checked: false }),
      () => {
        if (n++ === 0) throw new Error('database in use by another Slate');
        return events();
      },
    );
    expect(await screen.findByText('database in use by another Slate')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Audit events' })).toBeInTheDocument();
  });
});
