// useMediaQuery follows a CSS media query (false where matchMedia is missing, as in jsdom).
import { useCallback, useSyncExternalStore } from 'react';

/** The app's narrow layout: windows up to 1180 px wide (down to the 1024 px minimum). */
export const NARROW = '(max-width: 1180px)';

export function useMediaQuery(query: string): boolean {
  const mq = useCallback(() => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null), [query]);
  const subscribe = useCallback(
    (cb: () => void) => {
      const q = mq();
      if (!q) return () => {};
      q.addEventListener('change', cb);
      return () => q.removeEventListener('change', cb);
    },
    [mq],
  );
  return useSyncExternalStore(subscribe, () => mq()?.matches ?? false, () => false);
}
