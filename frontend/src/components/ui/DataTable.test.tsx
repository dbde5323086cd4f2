import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from './DataTable';

// jsdom has no layout: give the table's scroll box a height, so the virtualiser renders a window of rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList?.contains('table-wrap--scroll') ? 480 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList?.contains('table-wrap--scroll') ? 900 : 0;
  });
});
afterEach(() => vi.restoreAllMocks());

interface Item {
  id: number;
  name: string;
  size: number;
}
const N = 100_000;
// sizes in a scrambled order, so sorting has work to do
const items: Item[] = Array.from({ length: N }, (_, i) => ({ id: i + 1, name: `item-${i + 1}`, size: (i * 7919) % N }));
const columns: ColumnDef<Item, unknown>[] = [
  { id: 'id', header: 'Id', accessorFn: (r) => r.id, meta: { width: '6rem', numeric: true } },
  { id: 'name', header: 'Name', accessorFn: (r) => r.name },
  { id: 'size', header: 'Size', accessorFn: (r) => r.size, meta: { width: '6rem', numeric: true } },
  { id: 'note', header: 'Note', accessorFn: () => '', enableSorting: false, meta: { hideWhenNarrow: true } },
];

function Filtered() {
  const [q, setQ] = useState('');
  const data = useMemo(() => (q ? items.filter((r) => r.name.endsWith(q)) : items), [q]);
  return (
    <>
      <input aria-label="Filter" value={q} onChange={(e) => setQ(e.target.value)} />
      <DataTable caption="Items" columns={columns} data={data} getRowId={(r) => String(r.id)} rowHeight={40} />
    </>
  );
}

// the data rows (not the header, not the spacer rows of the virtual window)
const bodyRows = (table: HTMLElement) => [...table.querySelectorAll<HTMLElement>('tbody tr:not([aria-hidden])')];
const firstCells = (table: HTMLElement) => bodyRows(table).map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('DataTable at 100k rows', () => {
  // Sorting 100k rows twice in jsdom takes seconds on a busy machine: this test
  // proves behaviour at scale, not speed (speed lives in benchmarks), so it
  // gets a generous timeout of its own.
  it('renders a window of rows, sorts all of them and follows a filter', { timeout: 120_000 }, async () => {
    const user = userEvent.setup();
    render(<Filtered />);
    const table = screen.getByRole('table', { name: 'Items' });
    expect(table).toHaveAttribute('aria-rowcount', String(N + 1));
    expect(bodyRows(table).length).toBeLessThan(60);
    expect(firstCells(table)[0]).toBe('1');

    // sorting takes every row into account, not only those on screen
    // (numbers sort largest first on the first click, as TanStack does by default)
    await user.click(within(table).getByRole('button', { name: 'Size' }));
    expect(within(table).getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending');
    expect(within(bodyRows(table)[0]).getAllByRole('cell')[2]).toHaveTextContent(String(N - 1));
    await user.click(within(table).getByRole('button', { name: 'Size' }));
    expect(within(table).getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending');
    expect(bodyRows(table)[0]).toHaveTextContent('item-1');
    expect(bodyRows(table).length).toBeLessThan(60);

    // scrolling far down shows rows from there, still only a window of them
    const box = screen.getByRole('region', { name: 'Items' });
    await act(async () => {
      box.scrollTop = 80_000 * 40;
      fireEvent.scroll(box);
    });
    const idx = Number(bodyRows(table)[0].getAttribute('aria-rowindex'));
    expect(idx).toBeGreaterThan(79_000);
    expect(bodyRows(table).length).toBeLessThan(60);

    // a filter down to a few rows: no more virtualising, every row is there
    // (one change event: the point is the 100k → 1 switch, not five keystrokes over 100k rows)
    fireEvent.change(screen.getByLabelText('Filter'), { target: { value: '99999' } });
    expect(screen.queryByRole('region', { name: 'Items' })).not.toBeInTheDocument();
    expect(firstCells(screen.getByRole('table', { name: 'Items' }))).toEqual(['99999']);
  });

  it('leaves out hideWhenNarrow columns in narrow windows', () => {
    const mm = (matches: boolean) =>
      vi.fn().mockImplementation((q: string) => ({ matches, media: q, addEventListener: () => {}, removeEventListener: () => {} }));
    window.matchMedia = mm(false) as unknown as typeof window.matchMedia;
    const { unmount } = render(<DataTable caption="Wide" columns={columns} data={items.slice(0, 3)} />);
    expect(within(screen.getByRole('table', { name: 'Wide' })).getByRole('columnheader', { name: 'Note' })).toBeInTheDocument();
    unmount();
    window.matchMedia = mm(true) as unknown as typeof window.matchMedia;
    render(<DataTable caption="Narrow" columns={columns} data={items.slice(0, 3)} />);
    expect(within(screen.getByRole('table', { name: 'Narrow' })).queryByRole('columnheader', { name: 'Note' })).not.toBeInTheDocument();
    delete (window as { matchMedia?: unknown }).matchMedia;
  });
});
