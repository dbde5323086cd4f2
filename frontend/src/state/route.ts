// Hash routes, so a browser user can bookmark any screen and drill-down:
//   #/portfolio                      the dashboard
//   #/portfolio/<service>            the dashboard, one service
//   #/slt/<name>[?tier=T]            SLT detail
//   #/slt/<name>/<period>[?tier=T]   the rows behind one period's figure
//   #/<screen>                       any other screen of the navigation
import { useCallback, useSyncExternalStore } from 'react';

export interface Route {
  screen: string;
  parts: string[];
  query: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, qs = ''] = h.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(qs)) query[k] = v;
  return { screen: parts[0] || 'portfolio', parts: parts.slice(1), query };
}

/** href builds a hash link: href('slt', 'checkout-success', '2026-10') → "#/slt/checkout-success/2026-10". */
export function href(screen: string, ...parts: (string | undefined | Record<string, string | undefined>)[]): string {
  const segs: string[] = [screen];
  let q = '';
  for (const p of parts) {
    if (p === undefined || p === '') continue;
    if (typeof p === 'object') {
      const sp = new URLSearchParams();
      for (const [k, v] of Object.entries(p)) if (v) sp.set(k, v);
      q = sp.toString();
    } else segs.push(encodeURIComponent(p));
  }
  return `#/${segs.join('/')}${q ? `?${q}` : ''}`;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const read = () => window.location.hash;

/** useRoute follows the address bar's hash; navigate(hash) moves to another route. */
export function useRoute(): { route: Route; navigate: (hash: string) => void } {
  const hash = useSyncExternalStore(subscribe, read, () => '');
  const navigate = useCallback((to: string) => {
    if (window.location.hash !== to) window.location.hash = to;
  }, []);
  return { route: parseRoute(hash), navigate };
}
