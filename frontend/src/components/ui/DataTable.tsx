// DataTable: a generic, sortable, accessible table on TanStack Table. Above
// `virtualizeAbove` rows it renders only the visible rows (TanStack Virtual)
// inside a scroll box, so screens that show the rows behind a number (imports,
// breaches) stay fast with hundreds of thousands of rows.
import { useMemo, useRef, useState } from 'react';
import {
  type ColumnDef,
  type SortingState,
  type VisibilityState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from './Icon';
import { NARROW, useMediaQuery } from './useMediaQuery';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData, TValue> {
    /** CSS width of the column, e.g. "18%" or "7rem". */
    width?: string;
    /** Width in narrow windows (≤ 1180 px), when it differs. */
    narrowWidth?: string;
    /** Leave the column out in narrow windows (≤ 1180 px): for what another part of the screen shows too. */
    hideWhenNarrow?: boolean;
    /** Right-align / monospace numbers and expressions. */
    numeric?: boolean;
    className?: string;
  }
}

export interface DataTableProps<T> {
  /** Accessible name of the table (rendered as a visually hidden caption). */
  caption: string;
  /** Column definitions; value types differ per column, hence `any` (TanStack's own recommendation). */
  // biome-ignore lint/suspicious/noExplicitAny: heterogeneous column value types
  columns: ColumnDef<T, any>[];
  data: T[];
  getRowId?: (row: T, index: number) => string;
  /** Virtualise when there are more rows than this (default 200). */
  virtualizeAbove?: number;
  /** Height of the scroll box when virtualised. */
  maxHeight?: number;
  rowHeight?: number;
  /** Below this width (CSS length) the table scrolls sideways instead of squeezing its flexible columns. */
  minWidth?: string;
}

export function DataTable<T>({
  caption,
  columns,
  data,
  getRowId,
  virtualizeAbove = 200,
  maxHeight = 520,
  rowHeight = 40,
  minWidth,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const narrow = useMediaQuery(NARROW);
  const columnVisibility = useMemo<VisibilityState>(() => {
    const v: VisibilityState = {};
    if (narrow) for (const c of columns) if (c.meta?.hideWhenNarrow && c.id) v[c.id] = false;
    return v;
  }, [narrow, columns]);
  // TanStack Table returns functions that React Compiler must not memoise; this is the documented usage.
  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId,
  });
  const rows = table.getRowModel().rows;
  const virtual = rows.length > virtualizeAbove;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    enabled: virtual,
  });

  const items = virtual ? virtualizer.getVirtualItems() : null;
  // with the row's place in the shown (sorted, filtered) order: aria-rowindex is that place, not the row's index in `data`
  const visible = items ? items.map((i) => ({ row: rows[i.index], at: i.index })) : rows.map((row, at) => ({ row, at }));
  const padTop = items && items.length ? items[0].start : 0;
  const padBottom = items && items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const colCount = table.getVisibleLeafColumns().length;

  return (
    <div
      ref={scrollRef}
      className={`table-wrap${virtual ? ' table-wrap--scroll' : ''}`}
      style={virtual ? { maxHeight } : undefined}
      tabIndex={virtual ? 0 : undefined}
      role={virtual ? 'region' : undefined}
      aria-label={virtual ? caption : undefined}
    >
      <table className="table" aria-rowcount={virtual ? rows.length + 1 : undefined} style={minWidth ? { minWidth } : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => {
            const w = (narrow && c.columnDef.meta?.narrowWidth) || c.columnDef.meta?.width;
            return <col key={c.id} style={w ? { width: w } : undefined} />;
          })}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const meta = h.column.columnDef.meta;
                return (
                  <th
                    key={h.id}
                    scope="col"
                    className={meta?.numeric ? 'num' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {h.isPlaceholder ? null : h.column.getCanSort() ? (
                      <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <Icon
                          name={sorted === 'asc' ? 'sortAsc' : sorted === 'desc' ? 'sortDesc' : 'sortNone'}
                          size={12}
                          className={`th-sort__icon${sorted ? ' is-active' : ''}`}
                        />
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {visible.map(({ row, at }) => (
            <tr key={row.id} aria-rowindex={virtual ? at + 2 : undefined}>
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const cls = [meta?.numeric ? 'num' : '', meta?.className ?? ''].filter(Boolean).join(' ');
                return (
                  <td key={cell.id} className={cls || undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={colCount} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
