import { Icon } from '../ui/Icon';
import type { LoadState } from '../../state/workspace';

export function StatusBarContent({ state }: { state: LoadState }) {
  const o = state.overview;
  const services = o?.services.length ?? 0;
  const slts = o?.services.reduce((n, s) => n + s.slts.length, 0) ?? 0;
  return (
    <>
      <span className="statusbar__db" title={o?.database || undefined}>
        <Icon name="database" size={14} />
        <span className="visually-hidden">Database: </span>
        <span className="statusbar__path">
          <bdi dir="ltr">{o?.database || (state.status === 'loading' ? 'Opening…' : state.status === 'none' ? 'Slate' : 'No database')}</bdi>
        </span>
      </span>
      <span className="statusbar__right" aria-live="polite">
        {o && (
          <span>
            {services} {services === 1 ? 'service' : 'services'} · {slts} {slts === 1 ? 'SLT' : 'SLTs'}
          </span>
        )}
        {state.status !== 'none' && (
          <>
            <span className={`dot dot--${state.status}`} aria-hidden="true" />
            <span>{state.status === 'ready' ? 'Up to date' : state.status === 'loading' ? 'Loading' : 'Error'}</span>
          </>
        )}
      </span>
    </>
  );
}
