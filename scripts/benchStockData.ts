/**
 * A ten-year, 35-clinic township's drug history for the stock benchmarks, written with fast raw
 * inserts into a fresh database file (the movements are what the services would write — paired
 * deliveries naming each other, amounts = packs × batch price — without the services' checks):
 * 400 drugs; each month 100 batches received into the center's store on the 2nd (what the
 * month's deliveries take, a few with some left over), 16 lines delivered to every clinic on the
 * 5th, half of each used at the clinic on the month's last day and the rest the next month, so
 * stock on hand is the last months' batches as in a real store. About 270,000 movement rows. Shared by the 进销存 and stock-page benchmarks
 * (benchStock.ts) and usable by any drug benchmark that needs a realistic history.
 */
import { openDatabase, type Db } from '../electron/db/open';

export const STOCK_CLINICS = 35;
export const STOCK_DRUGS = 400;
export const STOCK_YEARS = 10;
const BATCHES_PER_MONTH = 100;
const LINES_PER_CLINIC = 16;
const DELIVERED = 4;
const USED = 2;
const AT = '2026-12-01T00:00:00Z';

export interface StockTownship {
  db: Db;
  clinicIds: number[];
  months: string[];
  movements: number;
}

function monthsUpTo(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - count + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Builds the township in `file` (a new database); months run up to `lastMonth` inclusive. */
export async function buildStockTownship(file: string, lastMonth = '2026-11'): Promise<StockTownship> {
  const { db } = await openDatabase(file);
  const months = monthsUpTo(lastMonth, STOCK_YEARS * 12);
  let movements = 0;
  const clinicIds: number[] = [];
  db.transaction(() => {
    const clinic = db.prepare(
      `INSERT INTO clinics (code, name, property, building_area, insurance_point, status, created_at, updated_at)
       VALUES (?, ?, 'public', 80, 1, 'open', ?, ?)`,
    );
    for (let i = 0; i < STOCK_CLINICS; i++)
      clinicIds.push(Number(clinic.run(`B${String(i).padStart(2, '0')}`, `基准${i}村卫生室`, AT, AT).lastInsertRowid));
    const drug = db.prepare(
      `INSERT INTO drugs (platform_code, generic_name, spec, pack_unit, price_fen, created_at, updated_at) VALUES (?, ?, ?, '盒', ?, ?, ?)`,
    );
    const prices: number[] = [];
    const drugIds: number[] = [];
    for (let i = 0; i < STOCK_DRUGS; i++) {
      prices.push(300 + ((i * 37) % 4000));
      drugIds.push(
        Number(
          drug.run(`BD${String(i).padStart(5, '0')}`, `基准药品${i}`, `${(i % 9) + 1}0mg*${(i % 5) + 2}0片`, prices[i], AT, AT)
            .lastInsertRowid,
        ),
      );
    }
    const batch = db.prepare(
      `INSERT INTO drug_batches (drug_id, lot_no, expires_on, price_fen, received_on, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const move = db.prepare(
      `INSERT INTO stock_movements (batch_id, drug_id, clinic_id, kind, moved_on, packs, price_fen, amount_fen,
         other_clinic_id, other_is_center, sale_price_fen, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '基准')`,
    );
    const demand = new Map<number, number>();
    for (let i = 0; i < STOCK_CLINICS; i++)
      for (let j = 0; j < LINES_PER_CLINIC; j++) {
        const slot = (i * LINES_PER_CLINIC + j) % BATCHES_PER_MONTH;
        demand.set(slot, (demand.get(slot) ?? 0) + DELIVERED);
      }
    let previous: { id: number; drugId: number; price: number }[] = [];
    months.forEach((month, mi) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const expires = `${y + 2}-${String(m).padStart(2, '0')}-28`;
      const received = `${month}-02`;
      const batches: { id: number; drugId: number; price: number }[] = [];
      for (let k = 0; k < BATCHES_PER_MONTH; k++) {
        const di = (mi * 37 + k * 4) % STOCK_DRUGS;
        const drugId = drugIds[di] as number;
        // Prices drift a little from month to month, so batches of a drug differ.
        const price = (prices[di] as number) + (mi % 3) * 10;
        const id = Number(
          batch.run(drugId, `${month.replace('-', '')}${String(k).padStart(3, '0')}`, expires, price, received, AT).lastInsertRowid,
        );
        batches.push({ id, drugId, price });
        const packs = (demand.get(k) ?? 0) + (k % 10 === 0 ? 6 : 0);
        move.run(id, drugId, null, 'receipt', received, packs, price, packs * price, null, 0, null, AT);
        movements++;
      }
      for (const [i, clinicId] of clinicIds.entries())
        for (let j = 0; j < LINES_PER_CLINIC; j++) {
          const b = batches[(i * LINES_PER_CLINIC + j) % BATCHES_PER_MONTH] as { id: number; drugId: number; price: number };
          const day = `${month}-05`;
          move.run(b.id, b.drugId, null, 'delivery', day, -DELIVERED, b.price, -DELIVERED * b.price, clinicId, 0, null, AT);
          move.run(b.id, b.drugId, clinicId, 'delivery', day, DELIVERED, b.price, DELIVERED * b.price, null, 1, null, AT);
          move.run(b.id, b.drugId, clinicId, 'use', lastDay(month), -USED, b.price, -USED * b.price, null, 0, b.price, AT);
          movements += 3;
          // The rest of last month's delivery is used this month.
          const before = previous[(i * LINES_PER_CLINIC + j) % BATCHES_PER_MONTH];
          if (before) {
            move.run(
              before.id,
              before.drugId,
              clinicId,
              'use',
              lastDay(month),
              -(DELIVERED - USED),
              before.price,
              -(DELIVERED - USED) * before.price,
              null,
              0,
              before.price,
              AT,
            );
            movements++;
          }
        }
      previous = batches;
    });
  }).immediate();
  return { db, clinicIds, months, movements };
}
