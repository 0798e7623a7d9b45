import type { ServiceContext } from './context';
import { stmt } from './stmt';

/**
 * Records who changed what and when. Called inside the same transaction as the write it
 * describes, so a rolled-back write leaves no audit row and a committed one always has one.
 */
export function audit(
  ctx: ServiceContext,
  entry: { action: string; entity: string; entityId?: number | null; summary: string; before?: unknown; after?: unknown },
): void {
  stmt(
    ctx.db,
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ctx.now().toISOString(),
    ctx.actor,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.summary,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
