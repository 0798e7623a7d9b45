import type { AuditRow } from '../../../shared/schemas/app';
import type { ListQueryParsed, Page } from '../../../shared/schemas/common';
import type { ServiceContext } from '../../db/context';
import { runList, type ListSource } from '../../db/listQuery';

export const auditSource: ListSource = {
  from: 'audit_log a',
  // Newest first by when it happened, not by id: dated work (the demo's months, a month's use
  // registered on its last day) writes rows out of time order. Served backwards by audit_log_at
  // (at, rowid), and with one entity or action by migration 2's (entity, at) / (action, at).
  defaultOrder: 'a.at DESC, a.id DESC',
  columns: {
    at: { sql: 'a.at', type: 'date' },
    actor: { sql: 'a.actor', type: 'text', searchable: true },
    actorLogin: { sql: 'a.actor_login', type: 'text', searchable: true },
    action: { sql: 'a.action', type: 'enum' },
    entity: { sql: 'a.entity', type: 'enum' },
    entityId: { sql: 'a.entity_id', type: 'number' },
    summary: { sql: 'a.summary', type: 'text', searchable: true },
  },
};
export const auditSelect = 'a.id, a.at, a.actor, a.actor_login, a.action, a.entity, a.entity_id, a.summary';

export function mapAudit(r: Record<string, unknown>): AuditRow {
  return {
    id: Number(r.id),
    at: String(r.at),
    actor: String(r.actor),
    actorLogin: r.actor_login === null || r.actor_login === undefined ? null : String(r.actor_login),
    action: String(r.action),
    entity: String(r.entity),
    entityId: r.entity_id === null ? null : Number(r.entity_id),
    summary: String(r.summary),
  };
}

export function listAudit(ctx: ServiceContext, q: ListQueryParsed): Page<AuditRow> {
  return runList(ctx.db, auditSource, auditSelect, q, mapAudit);
}
