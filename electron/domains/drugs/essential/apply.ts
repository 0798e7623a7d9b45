/**
 * Each drug's status in each edition of the essential list (D8), worked out by the pure rule
 * (shared/rules/essentialMatch.ts) and stored in drug_essential: when an edition is loaded
 * (every drug), and when the catalog import creates or changes a drug (that drug, every
 * edition). A status the clerk settled by hand ('manual') is never recomputed.
 */
import { splitForms } from '../../../../shared/rules/dosageForms';
import { indexEntries, matchDrug, type EntryIndex, type PlatformMark } from '../../../../shared/rules/essentialMatch';
import type { ServiceContext } from '../../../db/context';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';

interface Edition {
  id: number;
  index: EntryIndex;
}

/** Editions' entry indexes, rebuilt when an edition is loaded or replaced (the stamp changes). */
const cache = new WeakMap<Db, { stamp: string; editions: Edition[] }>();

function editions(db: Db): Edition[] {
  const stamp = String(stmt(db, "SELECT coalesce(group_concat(id || ':' || loaded_at), '') FROM essential_lists").pluck().get());
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.editions;
  const lists = stmt(db, 'SELECT id FROM essential_lists ORDER BY effective_on').pluck().all() as number[];
  const list = lists.map((id) => {
    const rows = stmt(db, 'SELECT id, name, form_group FROM essential_entries WHERE list_id = ?').all(id) as {
      id: number;
      name: string;
      form_group: string;
    }[];
    return { id, index: indexEntries(rows.map((r) => ({ id: r.id, name: r.name, forms: splitForms(r.form_group) }))) };
  });
  cache.set(db, { stamp, editions: list });
  return list;
}

/** Forget the cached indexes (an edition's entries were replaced within the same second). */
export function forgetEditions(db: Db): void {
  cache.delete(db);
}

const UPSERT = `INSERT INTO drug_essential (drug_id, list_id, entry_id, status, how, note, decided_by, decided_at)
  VALUES (?, ?, ?, ?, ?, ?, '', ?)
  ON CONFLICT (drug_id, list_id) DO UPDATE SET entry_id = excluded.entry_id, status = excluded.status, how = excluded.how,
    note = excluded.note, decided_by = '', decided_at = excluded.decided_at
  WHERE drug_essential.how <> 'manual'`;

interface DrugFacts {
  id: number;
  generic_name: string;
  form: string;
  platform_mark: PlatformMark;
}

function applyOne(ctx: ServiceContext, d: DrugFacts, edition: Edition, at: string): void {
  const m = matchDrug({ genericName: d.generic_name, form: d.form, platformMark: d.platform_mark }, edition.index);
  stmt(ctx.db, UPSERT).run(d.id, edition.id, m.entryId, m.status, m.how, m.note, at);
}

/** One drug against every edition (after the import created or changed it). */
export function applyToDrug(
  ctx: ServiceContext,
  drug: { id: number; genericName: string; form: string; platformMark: PlatformMark },
): void {
  const eds = editions(ctx.db);
  if (eds.length === 0) return;
  const d: DrugFacts = { id: drug.id, generic_name: drug.genericName, form: drug.form, platform_mark: drug.platformMark };
  const at = ctx.now().toISOString();
  for (const e of eds) applyOne(ctx, d, e, at);
}

/** Every drug against one edition (after it was loaded). */
export function applyEdition(ctx: ServiceContext, listId: number): void {
  forgetEditions(ctx.db);
  const edition = editions(ctx.db).find((e) => e.id === listId);
  if (!edition) return;
  const at = ctx.now().toISOString();
  for (const d of stmt(ctx.db, 'SELECT id, generic_name, form, platform_mark FROM drugs').all() as DrugFacts[])
    applyOne(ctx, d, edition, at);
}
