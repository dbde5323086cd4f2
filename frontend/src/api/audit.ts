// app.Audit: the hash-chained audit trail and its verification.
import type { Transport } from './transport';
import { invoke } from './call';
import type { AuditEvent, AuditVerification } from './generated/wire';

export type { AuditEvent, AuditVerification };

export interface AuditApi {
  log(from?: number): Promise<AuditEvent[]>;
  verify(): Promise<AuditVerification>;
}

export function createAuditApi(t: Transport): AuditApi {
  return {
    log: (from = 0) => invoke(t, 'Audit.Log', from),
    verify: () => invoke(t, 'Audit.Verify'),
  };
}
