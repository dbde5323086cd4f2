import { createColumnHelper } from '@tanstack/react-table';
import type { SLTSummary } from '../../api';
import { DataTable } from '../../components/ui/DataTable';
import { TypeBadge } from './TypeBadge';

const col = createColumnHelper<SLTSummary>();
const dash = <span className="muted" aria-label="none">—</span>;
const text = (v: string) => (v ? v : dash);

const columns = [
  col.accessor((t) => t.displayName || t.name, {
    id: 'name',
    header: 'SLT',
    meta: { width: '23%' },
    cell: (c) => {
      const t = c.row.original;
      return (
        <div className="cell-stack">
          <span className="cell-strong">{t.displayName || t.name}</span>
          {t.displayName && t.displayName !== t.name && <code className="cell-sub">{t.name}</code>}
        </div>
      );
    },
  }),
  col.accessor('type', { header: 'Type', meta: { width: '4.25rem' }, cell: (c) => <TypeBadge type={c.getValue()} /> }),
  col.accessor('indicator', { header: 'Indicator', meta: { width: '11%' }, cell: (c) => text(c.getValue()) }),
  col.accessor('objective', {
    header: 'Objective',
    meta: { width: '11%', className: 'mono' },
    cell: (c) =>
      c.getValue() ? c.getValue() : c.row.original.tiers.length ? <span className="muted plain">by tier</span> : dash,
  }),
  col.accessor('period', { header: 'Period', meta: { width: '5rem' }, cell: (c) => text(c.getValue()) }),
  col.accessor('owner', {
    header: 'Owner',
    meta: { width: '14%' },
    cell: (c) => {
      const t = c.row.original;
      return (
        <div className="cell-stack">
          <span>{text(t.owner)}</span>
          {t.feed && <span className="cell-sub" title="Data feed">feed: {t.feed}</span>}
        </div>
      );
    },
  }),
  col.accessor('supplier', { header: 'Supplier', meta: { width: '11%' }, cell: (c) => text(c.getValue()) }),
  col.accessor((t) => t.tiers.join(', '), {
    id: 'tiers',
    header: 'Tiers',
    enableSorting: false,
    cell: (c) => {
      const tiers = c.row.original.tiers;
      if (!tiers.length) return dash;
      return (
        <ul className="tiers">
          {tiers.map((t) => {
            // "core-hours: >= 99.9%" → name, objective
            const i = t.indexOf(': ');
            return (
              <li key={t}>
                {i > 0 ? (
                  <>
                    <span className="tier__name">{t.slice(0, i)}</span>{' '}
                    <span className="mono tier__objective">{t.slice(i + 2)}</span>
                  </>
                ) : (
                  <span className="mono">{t}</span>
                )}
              </li>
            );
          })}
        </ul>
      );
    },
  }),
];

export function SltTable({ serviceLabel, slts }: { serviceLabel: string; slts: SLTSummary[] }) {
  return (
    <DataTable
      caption={`Service level targets of ${serviceLabel}`}
      columns={columns}
      data={slts}
      getRowId={(t) => t.name}
    />
  );
}
