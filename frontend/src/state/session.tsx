// Who is signed in: Session.Me, loaded once. Screens ask can('Imports/Start')
// to offer only what the caller may do; the server checks every call anyway.
// Outside a <SessionProvider> (component tests) everything is offered.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api';
import type { Me } from '../api/session';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; me: Me }
  | { status: 'error'; error: Error };

interface SessionValue {
  state: SessionState;
  me: Me | null;
  /** Whether the caller may call an API method ("Service/Method"). */
  can: (method: string) => boolean;
  reload: () => void;
}

const everything: SessionValue = { state: { status: 'loading' }, me: null, can: () => true, reload: () => {} };

const SessionContext = createContext<SessionValue>(everything);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.session.me().then(
      (me) => live && setState({ status: 'ready', me }),
      (e: unknown) => live && setState({ status: 'error', error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [api, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const value = useMemo<SessionValue>(() => {
    const me = state.status === 'ready' ? state.me : null;
    const allowed = new Set(me?.methods ?? []);
    return { state, me, can: (m) => allowed.has(m), reload };
  }, [state, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
