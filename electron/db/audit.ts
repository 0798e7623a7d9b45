import type { ServiceContext } from './context';
import { stmt } from './stmt';

/**
 * Records who changed what and when: the actor's name as written in records, and the account
 * (login) when the actor is one. Called inside the same transaction as the write it
 * describes, so a rolled-back write leaves no audit row and a committed one always has one.
 */
export function audit(
  ctx: ServiceContext,
  entry: { action: string; entity: string; entityId?: number | null; summary: string; before?: unknown; after?: unknown },
): void {
  stmt(
    ctx.db,
    `INSERT INTO audit_log (at, actor, actor_login, action, entity, entity_id, summary, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ctx.now().toISOString(),
    ctx.actor,
    ctx.actorLogin,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.summary,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
