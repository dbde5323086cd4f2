// app.Audit: the hash-chained audit trail and its verification.
import type { Transport } from './transport';

/** storage.AuditEvent */
export interface AuditEvent {
  seq: number;
  time: string;
  actor: string;
  action: string;
  object: string;
  details?: unknown;
  prev: string;
  hash: string;
}

/** app.AuditVerification: the chain, then the stored data of every published batch */
export interface AuditVerification {
  ok: boolean;
  events: number;
  head: string;
  first_bad?: number;
  problem?: string;
  /** the stored points of every published batch were re-hashed */
  data_checked?: boolean;
  batches?: number;
  points?: number;
  /** the first batch whose stored points no longer match the trail */
  bad_batch?: number;
}

export interface AuditApi {
  log(from?: number): Promise<AuditEvent[]>;
  verify(): Promise<AuditVerification>;
}

export function createAuditApi(t: Transport): AuditApi {
  return {
    log: async (from = 0) => (await t.call<AuditEvent[] | null>('Audit', 'Log', [from])) ?? [],
    verify: () => t.call<AuditVerification>('Audit', 'Verify'),
  };
}
