// Pure helpers of the audit screen: filtering and short hashes.
import type { AuditEvent } from '../../api/audit';

export interface AuditFilter {
  action: string;
  object: string;
  actor: string;
}

export const NO_FILTER: AuditFilter = { action: '', object: '', actor: '' };

/** Events matching every filter: action and actor exactly, object as a case-insensitive substring. */
export function filterEvents(events: AuditEvent[], f: AuditFilter): AuditEvent[] {
  const obj = f.object.trim().toLowerCase();
  return events.filter(
    (e) => (!f.action || e.action === f.action) && (!f.actor || e.actor === f.actor) && (!obj || e.object.toLowerCase().includes(obj)),
  );
}

/** The distinct values of a field, sorted. */
export function distinct(events: AuditEvent[], key: 'action' | 'actor'): string[] {
  return [...new Set(events.map((e) => e[key]))].sort();
}

/** "3e4e9d13…b50dfd" for tables; the full hash is in the detail. */
export function shortHash(h: string): string {
  return h.length > 16 ? `${h.slice(0, 10)}…${h.slice(-6)}` : h || '–';
}
