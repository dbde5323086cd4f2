// The only module that talks to Go. See docs/frontend.md.
export type { Overview, ServiceSummary, SLTSummary, SLTType } from './types';
export { ApiError } from './errors';
export { createApi, defaultApi, type SlateApi, type WorkspaceApi } from './client';
export { httpTransport, wailsTransport, isDesktop, type Transport, type Mode } from './transport';
export { ApiProvider, useApi } from './context';
