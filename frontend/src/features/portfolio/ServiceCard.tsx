import { useId } from 'react';
import type { ServiceSummary } from '../../api';
import { CriticalityBadge } from './TypeBadge';
import { SltTable } from './SltTable';
import { label } from './group';

export function ServiceCard({ service }: { service: ServiceSummary }) {
  const titleId = useId();
  const name = label(service);
  const n = service.slts.length;
  return (
    <article className="card service" data-testid={`service-${service.name}`} aria-labelledby={titleId}>
      <header className="service__head">
        <div className="service__title">
          <h3 id={titleId}>{name}</h3>
          {service.displayName && service.displayName !== service.name && (
            <code className="service__id">{service.name}</code>
          )}
          <CriticalityBadge value={service.criticality} />
        </div>
        <dl className="service__meta">
          {service.productLine && (
            <div>
              <dt>Product line</dt>
              <dd>{service.productLine}</dd>
            </div>
          )}
          <div>
            <dt>Owner</dt>
            <dd>{service.owner || <span className="muted">not set</span>}</dd>
          </div>
          <div>
            <dt>SLTs</dt>
            <dd>{n}</dd>
          </div>
        </dl>
      </header>
      {n > 0 ? (
        <SltTable serviceLabel={name} slts={service.slts} />
      ) : (
        <p className="service__empty">No service level targets defined for this service yet.</p>
      )}
    </article>
  );
}
