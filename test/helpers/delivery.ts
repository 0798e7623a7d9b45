/**
 * Set-ups for the receipt and delivery tests (issue 10 parts 4 and 5): catalog drugs with a
 * dated platform price, and approved requisitions written straight into their tables (the
 * requisition pages are another part's; the delivery reads only the tables).
 */
import type { Db } from '../../electron/db/open';

const AT = '2026-01-01T00:00:00Z';

/** A catalog drug with its platform price in force from 2026-01-01. */
export function catalogDrug(db: Db, code: string, name: string, priceFen: number, spec = '0.25g*24粒', maker = '', unit = '盒'): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO drugs (platform_code, generic_name, spec, pack_unit, maker, price_fen, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(code, name, spec, unit, maker, priceFen, AT, AT).lastInsertRowid,
  );
  db.prepare("INSERT INTO drug_prices (drug_id, effective_on, price_fen, source, recorded_at) VALUES (?, '2026-01-01', ?, '测试', ?)").run(
    id,
    priceFen,
    AT,
  );
  return id;
}

/** A requisition of a clinic for a month with its lines (drug → packs), in the given status. */
export function requisition(
  db: Db,
  clinicId: number,
  month: string,
  lines: [drugId: number, packs: number][],
  status: 'approved' | 'held' | 'draft' = 'approved',
): number {
  const id = Number(
    db.prepare('INSERT INTO requisitions (clinic_id, month, status) VALUES (?, ?, ?)').run(clinicId, month, status).lastInsertRowid,
  );
  const add = db.prepare('INSERT INTO requisition_lines (requisition_id, drug_id, packs, price_fen, essential) VALUES (?, ?, ?, 0, 1)');
  for (const [drugId, packs] of lines) add.run(id, drugId, packs);
  return id;
}

export function movementsOf(
  db: Db,
): { batch: number; place: number | null; kind: string; packs: number; on: string; delivery: number | null }[] {
  return db
    .prepare(
      'SELECT batch_id AS batch, clinic_id AS place, kind, packs, moved_on AS "on", delivery_id AS delivery FROM stock_movements ORDER BY id',
    )
    .all() as never;
}
