// TypeScript mirror of the Go DTOs in app/ (package app). Field names follow
// the json tags. Keep this file in step with the Go structs by hand: it is
// small, and a hand-written mirror keeps the UI free of generated code.
//
// Lists are never null here: Go encodes a nil slice as null, and the client
// (client.ts) turns those into [] before any component sees them.

/** SLT kind: customer-facing (SLA), internal operational (OLA) or supplier underpinning contract (UC). */
export type SLTType = 'SLA' | 'OLA' | 'UC';

/** app.SLTSummary */
export interface SLTSummary {
  name: string;
  displayName: string;
  /** "SLA" | "OLA" | "UC"; typed as string too so an unknown kind from a newer back end still renders. */
  type: SLTType | (string & {});
  /** Indicator kind, e.g. "ratio". */
  indicator: string;
  /** Objective as written, e.g. ">= 99.5%". */
  objective: string;
  period: string;
  owner: string;
  feed: string;
  supplier: string;
  /** Tiered targets, e.g. "core: >= 99.9%". */
  tiers: string[];
}

/** app.ServiceSummary */
export interface ServiceSummary {
  name: string;
  displayName: string;
  businessUnit: string;
  productLine: string;
  owner: string;
  criticality: string;
  slts: SLTSummary[];
}

/** app.Overview, returned by Workspace.Overview. */
export interface Overview {
  app: string;
  version: string;
  /** Path of the workspace database file. */
  database: string;
  services: ServiceSummary[];
}
