import { useMemo } from 'react';
import type { ServiceSummary } from '../../api';
import { BarChart, type BarSeries } from '../../components/ui/BarChart';
import { countTypes, type BusinessUnitGroup } from './group';

const UNASSIGNED = 'No business unit';

interface Row {
  unit: string;
  SLA: number;
  OLA: number;
  UC: number;
}

const SERIES: BarSeries<Row>[] = [
  { name: 'SLA', colorVar: '--sla', value: (r) => r.SLA },
  { name: 'OLA', colorVar: '--ola', value: (r) => r.OLA },
  { name: 'UC', colorVar: '--uc', value: (r) => r.UC },
];
const category = (r: Row) => r.unit;

export function PortfolioSummary({
  services,
  groups,
  theme,
}: {
  services: ServiceSummary[];
  groups: BusinessUnitGroup[];
  theme: string;
}) {
  const types = countTypes(services);
  const slts = types.SLA + types.OLA + types.UC + types.other;
  const suppliers = new Set(services.flatMap((s) => s.slts.map((t) => t.supplier).filter(Boolean))).size;
  const rows = useMemo<Row[]>(
    () =>
      groups.map((g) => {
        const c = countTypes(g.services);
        return { unit: g.businessUnit || UNASSIGNED, SLA: c.SLA, OLA: c.OLA, UC: c.UC };
      }),
    [groups],
  );

  return (
    <section className="summary" aria-label="Portfolio summary">
      <dl className="stats">
        <Stat label="Business units" value={groups.length} />
        <Stat label="Services" value={services.length} />
        <Stat label="SLTs" value={slts} />
        <Stat label="SLA · OLA · UC" value={`${types.SLA} · ${types.OLA} · ${types.UC}`} />
        <Stat label="Suppliers" value={suppliers} />
      </dl>
      {slts > 0 && (
        <div className="card summary__chart">
          <h2 className="card__title">SLTs by business unit and type</h2>
          <BarChart
            label={`Number of SLTs per business unit, split into SLA, OLA and UC: ${rows
              .map((r) => `${r.unit} ${r.SLA} SLA, ${r.OLA} OLA, ${r.UC} UC`)
              .join('; ')}`}
            rows={rows}
            category={category}
            series={SERIES}
            theme={theme}
          />
        </div>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
