// The workspace store: loads Workspace.Overview once, shares it with the
// header (version), status bar (database) and the Portfolio screen, and
// reloads on demand. A caller who may not read the workspace (a supplier)
// gets status 'none' and no call.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApi, type Overview } from '../api';
import { useSession } from './session';

export type LoadState =
  | { status: 'loading'; overview?: Overview }
  | { status: 'ready'; overview: Overview }
  | { status: 'error'; error: Error; overview?: Overview }
  | { status: 'none'; overview?: undefined };

interface WorkspaceValue {
  state: LoadState;
  reload: () => void;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const session = useSession();
  const allowed = session.can('Workspace/Overview');
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!allowed) {
      setState({ status: 'none' });
      api.setWindowTitle('Slate');
      return;
    }
    setState((s) => ({ status: 'loading', overview: s.overview }));
    api.workspace.overview().then(
      (overview) => {
        if (ticket !== latest.current) return;
        setState({ status: 'ready', overview });
        const n = overview.services.length;
        api.setWindowTitle(`Slate — ${n} ${n === 1 ? 'service' : 'services'}`);
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        setState((s) => ({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          overview: s.overview,
        }));
        api.setWindowTitle('Slate');
      },
    );
  }, [api, generation, allowed]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const value = useMemo(() => ({ state, reload }), [state, reload]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const v = useContext(WorkspaceContext);
  if (!v) throw new Error('useWorkspace needs a <WorkspaceProvider>');
  return v;
}
