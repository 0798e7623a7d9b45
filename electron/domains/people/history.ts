import type { ServiceContext } from '../../db/context';
import { stmt } from '../../db/stmt';

/** One line of a person's history (一人一档): which field changed, from what, to what. */
export function recordHistory(ctx: ServiceContext, personId: number, field: string, oldValue: string, newValue: string): void {
  stmt(ctx.db, 'INSERT INTO person_history (person_id, at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)').run(
    personId,
    ctx.now().toISOString(),
    ctx.actor,
    field,
    oldValue,
    newValue,
  );
}
