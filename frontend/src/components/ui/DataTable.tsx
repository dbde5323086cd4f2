// DataTable: a generic, sortable, accessible table on TanStack Table. Above
// `virtualizeAbove` rows it renders only the visible rows (TanStack Virtual)
// inside a scroll box, so screens that show the rows behind a number (imports,
// breaches) stay fast with hundreds of thousands of rows.
import { useRef, useState } from 'react';
import {
  type ColumnDef,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Icon } from './Icon';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData, TValue> {
    /** CSS width of the column, e.g. "18%" or "7rem". */
    width?: string;
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
}

export function DataTable<T>({
  caption,
  columns,
  data,
  getRowId,
  virtualizeAbove = 200,
  maxHeight = 520,
  rowHeight = 40,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack Table returns functions that React Compiler must not memoise; this is the documented usage.
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
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
  const visible = items ? items.map((i) => rows[i.index]) : rows;
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
      <table className="table" aria-rowcount={virtual ? rows.length + 1 : undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={c.columnDef.meta?.width ? { width: c.columnDef.meta.width } : undefined} />
          ))}
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
          {visible.map((row) => (
            <tr key={row.id} aria-rowindex={virtual ? row.index + 2 : undefined}>
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
