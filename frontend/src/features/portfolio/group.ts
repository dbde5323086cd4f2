// Pure helpers of the Portfolio screen: filtering and grouping by business unit.
import type { ServiceSummary, SLTSummary } from '../../api';

export interface BusinessUnitGroup {
  /** Business unit name; "" when services have none. */
  businessUnit: string;
  services: ServiceSummary[];
  sltCount: number;
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
export const label = (x: { displayName: string; name: string }) => x.displayName || x.name;

function sltMatches(t: SLTSummary, q: string): boolean {
  return [t.name, t.displayName, t.type, t.indicator, t.owner, t.supplier, t.feed].some((f) =>
    f?.toLowerCase().includes(q),
  );
}

/**
 * filterServices keeps the services whose own fields match q, with all their
 * SLTs, and the services with matching SLTs, with only those SLTs.
 */
export function filterServices(services: ServiceSummary[], query: string): ServiceSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return services;
  const out: ServiceSummary[] = [];
  for (const s of services) {
    const own = [s.name, s.displayName, s.businessUnit, s.productLine, s.owner, s.criticality].some((f) =>
      f?.toLowerCase().includes(q),
    );
    if (own) {
      out.push(s);
      continue;
    }
    const slts = s.slts.filter((t) => sltMatches(t, q));
    if (slts.length) out.push({ ...s, slts });
  }
  return out;
}

/** groupByBusinessUnit sorts units by name (unassigned last) and services by display name. */
export function groupByBusinessUnit(services: ServiceSummary[]): BusinessUnitGroup[] {
  const groups = new Map<string, ServiceSummary[]>();
  for (const s of services) {
    const bu = s.businessUnit?.trim() ?? '';
    const list = groups.get(bu);
    if (list) list.push(s);
    else groups.set(bu, [s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : byText(a, b)))
    .map(([businessUnit, list]) => ({
      businessUnit,
      services: [...list].sort((a, b) => byText(label(a), label(b))),
      sltCount: list.reduce((n, s) => n + s.slts.length, 0),
    }));
}

export interface TypeCounts {
  SLA: number;
  OLA: number;
  UC: number;
  other: number;
}

export function countTypes(services: ServiceSummary[]): TypeCounts {
  const c: TypeCounts = { SLA: 0, OLA: 0, UC: 0, other: 0 };
  for (const s of services)
    for (const t of s.slts) {
      const k = t.type?.toUpperCase();
      if (k === 'SLA' || k === 'OLA' || k === 'UC') c[k]++;
      else c.other++;
    }
  return c;
}
