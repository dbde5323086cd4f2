// The DTOs of the workspace overview. Every wire type is generated from the
// Go DTOs (via docs/openapi.json) into generated/wire.ts; this folder only
// names them for the screens and narrows a few strings.
//
// Lists are never null here: Go encodes a nil slice as null, and the client
// (call.ts) turns those into [] before any component sees them.
export type { Overview, ServiceSummary, SLTSummary } from './generated/wire';

/** SLT kind: customer-facing (SLA), internal operational (OLA) or supplier underpinning contract (UC). */
export type SLTType = 'SLA' | 'OLA' | 'UC';
