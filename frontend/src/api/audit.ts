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

/** storage.Verification */
export interface AuditVerification {
  ok: boolean;
  events: number;
  head: string;
  first_bad?: number;
  problem?: string;
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
