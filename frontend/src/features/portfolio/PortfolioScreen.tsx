import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Overview } from '../../api';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { SearchField } from '../../components/ui/SearchField';
import { useWorkspace } from '../../state/workspace';
import { filterServices, groupByBusinessUnit } from './group';
import { PortfolioSummary } from './PortfolioSummary';
import { ServiceCard } from './ServiceCard';

/** The first screen: every service of the workspace, grouped by business unit, with its SLTs. */
export function PortfolioScreen({ theme = 'light' }: { theme?: string }) {
  const { state, reload } = useWorkspace();
  if (state.status === 'error') {
    return (
      <div className="page">
        <PageHeader />
        <ErrorPanel title="The workspace could not be loaded" error={state.error} onRetry={reload} />
      </div>
    );
  }
  if (state.status === 'loading' && !state.overview) {
    return (
      <div className="page">
        <PageHeader />
        <Loading>Loading the workspace…</Loading>
      </div>
    );
  }
  return <PortfolioView overview={state.overview!} theme={theme} />;
}

function PageHeader({ children }: { children?: React.ReactNode }) {
  return (
    <div className="page__head">
      <div>
        <h1>Portfolio</h1>
        <p className="page__lede">Services and their service level targets, by business unit.</p>
      </div>
      {children}
    </div>
  );
}

export function PortfolioView({ overview, theme }: { overview: Overview; theme: string }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const all = overview.services;
  const allGroups = useMemo(() => groupByBusinessUnit(all), [all]);
  const groups = useMemo(() => groupByBusinessUnit(filterServices(all, deferred)), [all, deferred]);
  const headingBase = useId();

  return (
    <div className="page" data-testid="portfolio">
      <PageHeader>
        {all.length > 0 && (
          <SearchField
            label="Filter services and SLTs"
            placeholder="Filter services and SLTs"
            value={query}
            onChange={setQuery}
          />
        )}
      </PageHeader>

      {all.length === 0 ? (
        <Empty title="This workspace has no services yet">
          <p>
            Add service and SLT definitions with <code>slate apply -f definitions.yaml</code>, or load the
            example portfolio with <code>slate demo</code>, then reload.
          </p>
        </Empty>
      ) : (
        <>
          <PortfolioSummary services={all} groups={allGroups} theme={theme} />
          {groups.length === 0 && (
            <p className="no-match" role="status">
              Nothing matches “{deferred.trim()}”.
            </p>
          )}
          {groups.map((g, i) => {
            const hid = `${headingBase}-${i}`;
            return (
              <section key={g.businessUnit || '∅'} className="bu" aria-labelledby={hid}>
                <h2 id={hid} className="bu__title">
                  {g.businessUnit || 'No business unit'}
                  <span className="bu__count">
                    {g.services.length} {g.services.length === 1 ? 'service' : 'services'} · {g.sltCount}{' '}
                    {g.sltCount === 1 ? 'SLT' : 'SLTs'}
                  </span>
                </h2>
                <div className="bu__services">
                  {g.services.map((s) => (
                    <ServiceCard key={s.name} service={s} />
                  ))}
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
