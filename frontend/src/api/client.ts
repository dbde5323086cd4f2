// The typed client the UI uses: one object per bound Go service, one method
// per Go method, returning the DTOs of types.ts.
import type { Overview } from './types';
import { invoke } from './call';
import {
  type Mode,
  type Transport,
  type WailsGlobals,
  httpTransport,
  isDesktop,
  wailsTransport,
} from './transport';
import { captureToken } from './token';
import { type ImportsApi, createImportsApi } from './imports';
import { type JobsApi, createJobsApi } from './jobs';
import { type ExceptionsApi, createExceptionsApi } from './exceptions';
import { type BreachesApi, createBreachesApi } from './breaches';
import { type DialogsApi, createDialogsApi } from './dialogs';
import { type WorkspaceDefsApi, createWorkspaceDefsApi } from './workspace';
import { type AuditApi, createAuditApi } from './audit';
import { type PacksApi, createPacksApi } from './packs';
import { type ComplianceApi, createComplianceApi } from './compliance';
import { type AnalysisApi, createAnalysisApi } from './analysis';
import { type SessionApi, type UsersApi, createSessionApi, createUsersApi } from './session';
import { type LoopApi, createLoopApi } from './loop';
import { type CMDBApi, type DesignApi, type SuppliersApi, createCMDBApi, createDesignApi, createSuppliersApi } from './supply';
import { type ForesightApi, createForesightApi } from './foresight';

/** app.Workspace */
export interface WorkspaceApi {
  overview(): Promise<Overview>;
}

export interface SlateApi {
  /** "desktop" in the Wails window, "browser" against `slate serve`. */
  readonly mode: Mode;
  readonly workspace: WorkspaceApi;
  readonly imports: ImportsApi;
  readonly jobs: JobsApi;
  readonly exceptions: ExceptionsApi;
  readonly breaches: BreachesApi;
  /** app.Workspace's definitions: list, YAML, apply, delete. */
  readonly definitions: WorkspaceDefsApi;
  readonly audit: AuditApi;
  readonly packs: PacksApi;
  readonly compliance: ComplianceApi;
  readonly analysis: AnalysisApi;
  /** Who is signed in and what they may call. */
  readonly session: SessionApi;
  /** app.Users: who may sign in to `slate serve` (admins). */
  readonly users: UsersApi;
  /** Native dialogs (window only; `available` is false in the browser). */
  readonly dialogs: DialogsApi;
  /** The improvement loop: actions, RCAs, reviews, meetings, initiatives, outbox, four eyes. */
  readonly loop: LoopApi;
  /** Supplier management: the end-to-end chain check, maturity beside the record, review scope and data set. */
  readonly suppliers: SuppliersApi;
  /** Service design: capacity (Erlang C), change impact, SLTs from templates. */
  readonly design: DesignApi;
  /** The configuration items of the last CMDB import. */
  readonly cmdb: CMDBApi;
  /** Violation prediction with its track record, and feed calibration. */
  readonly foresight: ForesightApi;
  /** Sets the document title and, in the window, the native window title. */
  setWindowTitle(title: string): void;
}

export function createApi(transport: Transport, win?: WailsGlobals & { document?: Document }): SlateApi {
  return {
    mode: transport.mode,
    workspace: {
      overview: () => invoke(transport, 'Workspace.Overview'),
    },
    imports: createImportsApi(transport),
    jobs: createJobsApi(transport),
    exceptions: createExceptionsApi(transport),
    breaches: createBreachesApi(transport),
    definitions: createWorkspaceDefsApi(transport),
    audit: createAuditApi(transport),
    packs: createPacksApi(transport),
    compliance: createComplianceApi(transport),
    analysis: createAnalysisApi(transport),
    session: createSessionApi(transport),
    users: createUsersApi(transport),
    dialogs: createDialogsApi(transport),
    loop: createLoopApi(transport),
    suppliers: createSuppliersApi(transport),
    design: createDesignApi(transport),
    cmdb: createCMDBApi(transport),
    foresight: createForesightApi(transport),
    setWindowTitle(title: string) {
      if (win?.document) win.document.title = title;
      if (transport.mode === 'desktop') win?.runtime?.WindowSetTitle?.(title);
    },
  };
}

/** defaultApi picks the transport for where the page runs. */
export function defaultApi(): SlateApi {
  const win = window as unknown as WailsGlobals & { document: Document };
  if (isDesktop(win)) return createApi(wailsTransport(win), win);
  captureToken();
  return createApi(httpTransport(), win);
}
