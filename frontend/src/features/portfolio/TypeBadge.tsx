import { Badge, type BadgeTone } from '../../components/ui/Badge';

const TYPES: Record<string, { tone: BadgeTone; title: string }> = {
  SLA: { tone: 'blue', title: 'Service level agreement: customer-facing target' },
  OLA: { tone: 'violet', title: 'Operational level agreement: internal target' },
  UC: { tone: 'amber', title: 'Underpinning contract: supplier target' },
};

export function TypeBadge({ type }: { type: string }) {
  const t = TYPES[type?.toUpperCase()];
  return (
    <Badge tone={t?.tone ?? 'neutral'} title={t?.title}>
      {type || '—'}
    </Badge>
  );
}

export function CriticalityBadge({ value }: { value: string }) {
  if (!value) return null;
  const v = value.toLowerCase();
  const tone: BadgeTone =
    v.includes('crit') || v === 'high' || v === 'tier-1' || v === 'tier 1'
      ? 'red'
      : v.includes('med') || v === 'tier-2'
        ? 'amber'
        : v === 'low' || v === 'tier-3'
          ? 'green'
          : 'neutral';
  return (
    <Badge tone={tone} title="Business criticality">
      {value}
    </Badge>
  );
}
