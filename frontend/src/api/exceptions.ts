// app.Exceptions (request → approve/reject) and the attainment rows that show their effect.
import type { Transport } from './transport';

/** storage.Evidence */
export interface Evidence {
  name: string;
  sha256: string;
  size: number;
}

export type ExceptionStatus = 'requested' | 'approved' | 'rejected';

/** storage.Exception */
export interface Exception {
  id: string;
  slt: string;
  from: string;
  to: string;
  reason: string;
  evidence: Evidence[];
  requested_by: string;
  requested_at: string;
  status: ExceptionStatus | (string & {});
  decided_by?: string;
  decided_at?: string;
  note?: string;
}

/** app.ExceptionRequest: [from, to) in RFC 3339. The requester is whoever is signed in. */
export interface ExceptionRequest {
  slt: string;
  from: string;
  to: string;
  reason: string;
  /** Upload id of an evidence file (imports.upload, or picked in the window). */
  evidence?: string;
}

/** app.ExceptionDecision: the decider is whoever is signed in, never the requester. */
export interface ExceptionDecision {
  id: string;
  note: string;
}

/** compliance.Row: one period of one SLT (or tier). */
export interface AttainmentRow {
  slt: string;
  tier: string;
  kind: string;
  period: string;
  start: string;
  end: string;
  complete: boolean;
  attainment: number | null;
  /** With nothing excluded (no maintenance, no exceptions). */
  attainment_raw: number | null;
  target: number | null;
  op: string;
  met: boolean | null;
  excluded: number;
}

export interface ExceptionsApi {
  list(): Promise<Exception[]>;
  request(r: ExceptionRequest): Promise<Exception>;
  approve(d: ExceptionDecision): Promise<Exception>;
  reject(d: ExceptionDecision): Promise<Exception>;
  /** An evidence file's bytes (base64) by SHA-256. */
  evidence(sha256: string): Promise<string>;
  /** Every period row of an SLT (Compliance.Report), to show an exception's effect. */
  attainment(slt: string): Promise<AttainmentRow[]>;
}

function normalise(x: Exception): Exception {
  return { ...x, evidence: x.evidence ?? [] };
}

export function createExceptionsApi(t: Transport): ExceptionsApi {
  return {
    list: async () => ((await t.call<Exception[] | null>('Exceptions', 'List')) ?? []).map(normalise),
    request: async (r) => normalise(await t.call<Exception>('Exceptions', 'Request', [r])),
    approve: async (d) => normalise(await t.call<Exception>('Exceptions', 'Approve', [d])),
    reject: async (d) => normalise(await t.call<Exception>('Exceptions', 'Reject', [d])),
    evidence: (sha) => t.call<string>('Exceptions', 'Evidence', [sha]),
    attainment: async (slt) => {
      const rep = await t.call<{ rows: AttainmentRow[] | null }>('Compliance', 'Report', [{ period: '', slt, at: '' }]);
      return rep?.rows ?? [];
    },
  };
}
