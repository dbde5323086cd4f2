// app.Exceptions (request → approve/reject) and the attainment rows that show their effect.
import type { Transport } from './transport';
import { invoke } from './call';
import type { Evidence, Exception, ExceptionDecision, ExceptionRequest, Row } from './generated/wire';

export type { Evidence, Exception, ExceptionDecision, ExceptionRequest };

export type ExceptionStatus = 'requested' | 'approved' | 'rejected';

/** compliance.Row: one period of one SLT (or tier); attainment_raw is with nothing excluded. */
export type AttainmentRow = Row;

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

export function createExceptionsApi(t: Transport): ExceptionsApi {
  return {
    list: () => invoke(t, 'Exceptions.List'),
    request: (r) => invoke(t, 'Exceptions.Request', r),
    approve: (d) => invoke(t, 'Exceptions.Approve', d),
    reject: (d) => invoke(t, 'Exceptions.Reject', d),
    evidence: async (sha) => (await invoke(t, 'Exceptions.Evidence', sha)) ?? '',
    attainment: async (slt) => (await invoke(t, 'Compliance.Report', { period: '', slt, at: '', recent: false })).rows,
  };
}
