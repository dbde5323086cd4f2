import { createContext, useContext, type ReactNode } from 'react';
import type { SlateApi } from './client';

const ApiContext = createContext<SlateApi | null>(null);

/** ApiProvider gives the tree its api; tests pass a fake. */
export function ApiProvider({ api, children }: { api: SlateApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): SlateApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>');
  return api;
}
