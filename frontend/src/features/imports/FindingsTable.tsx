import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { Finding } from '../../api/imports';
import { Badge, type BadgeTone } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import * as fmt from '../../format';

export const severityTone = (s: string): BadgeTone => (s === 'error' ? 'red' : s === 'warning' ? 'amber' : 'neutral');

/** Findings of an import: what is wrong, where, and what to do. Virtualised above 200 rows. */
export function FindingsTable({ findings, caption }: { findings: Finding[]; caption: string }) {
  const columns = useMemo<ColumnDef<Finding, unknown>[]>(
    () => [
      { id: 'row', header: 'Row', accessorFn: (f) => f.row ?? 0, cell: (c) => (c.getValue<number>() ? fmt.count(c.getValue<number>()) : 'file'), meta: { width: '4.75rem', numeric: true } },
      {
        id: 'severity',
        header: 'Severity',
        accessorFn: (f) => f.severity,
        cell: (c) => <Badge tone={severityTone(c.getValue<string>())}>{c.getValue<string>()}</Badge>,
        meta: { width: '6rem' },
      },
      {
        id: 'kind',
        header: 'Kind and cell',
        accessorFn: (f) => f.kind,
        cell: (c) => {
          const f = c.row.original;
          return (
            <span className="cell-stack">
              <code>{f.kind}</code>
              {(f.column || f.raw) && (
                <span className="cell-sub" title={f.raw}>
                  {f.column}
                  {f.raw ? ` = ${f.raw}` : ''}
                </span>
              )}
            </span>
          );
        },
        meta: { width: '11rem' },
      },
      { id: 'message', header: 'What to do', accessorFn: (f) => f.message, enableSorting: false },
    ],
    [],
  );
  return <DataTable caption={caption} columns={columns} data={findings} maxHeight={340} rowHeight={36} getRowId={(_, i) => String(i)} />;
}

/** Findings by kind as badges, errors first. */
export function FindingCounts({ counts, findings }: { counts: Record<string, number>; findings: Finding[] }) {
  const sev = new Map(findings.map((f) => [f.kind, f.severity]));
  const order = (k: string) => (sev.get(k) === 'error' ? 0 : sev.get(k) === 'warning' ? 1 : 2);
  const kinds = Object.keys(counts).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  if (kinds.length === 0) return null;
  return (
    <ul className="chips" aria-label="Findings by kind">
      {kinds.map((k) => (
        <li key={k}>
          <Badge tone={severityTone(sev.get(k) ?? 'info')}>
            {k.replace(/_/g, ' ')} · {fmt.count(counts[k])}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
