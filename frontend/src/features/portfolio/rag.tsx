// Small pieces of the dashboard and drill-down screens: RAG status, error
// budget bar, sparkline and breadcrumbs (numbers: src/format.ts).
import { useCallback, useMemo, type ReactNode } from 'react';
import { useWorkspace } from '../../state/workspace';
import type { Rag, SparkPoint } from '../../api/compliance';

export const RAG_LABEL: Record<string, string> = { red: 'Missed', amber: 'At risk', green: 'On target', none: 'No data' };

export function RagPill({ status, title }: { status: string; title?: string }) {
  const s = (['red', 'amber', 'green'].includes(status) ? status : 'none') as Rag;
  return (
    <span className={`rag rag--${s}`} title={title}>
      <span className="rag__dot" aria-hidden="true" />
      <span className="rag__text">{RAG_LABEL[s]}</span>
    </span>
  );
}

export function BudgetBar({ budget, status }: { budget: number | null; status: string }) {
  if (budget === null || budget === undefined) return <span className="muted" title="No error budget for this kind of target">–</span>;
  const left = Math.max(0, Math.min(1, budget));
  const text = budget < 0 ? `overspent: ${Math.round((1 - budget) * 100)}% used` : `${Math.round(budget * 100)}% left`;
  return (
    <span className="budget" title={`Error budget: ${text}`}>
      <span
        className="budget__track"
        role="meter"
        aria-label="Error budget left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(left * 100)}
        aria-valuetext={text}
      >
        <span className={`budget__bar budget__bar--${budget < 0.25 ? (budget < 0 ? 'red' : 'amber') : status === 'red' ? 'red' : 'green'}`} style={{ width: `${left * 100}%` }} />
      </span>
      <span className="budget__text">{text}</span>
    </span>
  );
}

/** A sparkline of attainments with the target as a dashed line; missed periods as red dots. */
export function Sparkline({ points, label, width = 112, height = 28 }: { points: SparkPoint[]; label: string; width?: number; height?: number }) {
  const vals = points.map((p) => p.attainment).filter((v): v is number => v !== null && Number.isFinite(v));
  const target = points.find((p) => p.target !== null)?.target ?? null;
  if (vals.length === 0) return <span className="muted">no data</span>;
  const all = target !== null ? [...vals, target] : vals;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = 3;
  const n = Math.max(points.length - 1, 1);
  const x = (i: number) => pad + (i / n) * (width - 2 * pad);
  const y = (v: number) => pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad);
  let d = '';
  points.forEach((p, i) => {
    if (p.attainment === null) return;
    d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.attainment).toFixed(1)}`;
  });
  return (
    <svg className="spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {target !== null && <line className="spark__target" x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} />}
      <path className="spark__line" d={d} />
      {points.map((p, i) =>
        p.attainment !== null && (p.met === false || i === points.length - 1) ? (
          <circle key={p.period} className={p.met === false ? 'spark__miss' : 'spark__last'} cx={x(i)} cy={y(p.attainment)} r={2.2} />
        ) : null,
      )}
    </svg>
  );
}

export function Breadcrumbs({ items }: { items: { label: ReactNode; href?: string }[] }) {
  return (
    <nav className="crumbs" aria-label="Breadcrumb">
      <ol>
        {items.map((it, i) => (
          <li key={i}>
            {it.href && i < items.length - 1 ? <a href={it.href}>{it.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{it.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** useServiceName maps a service's name to its display name (from the workspace overview). */
export function useServiceName(): (name: string) => string {
  const { state } = useWorkspace();
  const services = state.overview?.services;
  return useCallback((name: string) => services?.find((s) => s.name === name)?.display_name || name, [services]);
}

export interface TierInfo {
  name: string;
  /** As people read it: ">= 99.9%". */
  objective: string;
}

/**
 * useSltTiers lists an SLT's tiers from the workspace overview, whose SLT summaries
 * write each tier as "name: objective" (the objective never holds ": ", a name may).
 */
export function useSltTiers(slt: string): TierInfo[] {
  const { state } = useWorkspace();
  const services = state.overview?.services;
  return useMemo(() => {
    for (const s of services ?? [])
      for (const t of s.slts)
        if (t.name === slt)
          return t.tiers.map((text) => {
            const i = text.lastIndexOf(': ');
            return i < 0 ? { name: text, objective: '' } : { name: text.slice(0, i), objective: text.slice(i + 2) };
          });
    return [];
  }, [services, slt]);
}
