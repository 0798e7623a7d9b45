/**
 * The demo township's receipts and deliveries (issue 10 parts 4 and 5): for each of the six
 * months before the current one, the center receives what the month's approved requisitions
 * ask for (a batch per drug, expiring 18–30 months on, at the platform price — one line a month
 * a little dearer, which the receipt list flags), except that a few drugs come short or not at
 * all, and delivers the month FEFO on the 5th, so the shortage register has rows. The current
 * month's goods are received on the 2nd and left undelivered for the clerk to try 配送. Two
 * drugs nobody requisitions hold a near-expiry batch and an already-expired one in the store.
 * Written by the same services as the pages; nothing where receipts exist or nothing is approved.
 */
import { addDays } from '../../shared/rules/dates';
import { addMonths } from '../../shared/rules/requisitionMonths';
import { todayIso } from '../../shared/format';
import type { ReceiptLineValues } from '../../shared/schemas/receipts';
import type { ServiceContext } from '../db/context';
import { runDelivery } from '../domains/drugs/delivery/run';
import { saveReceipt } from '../domains/drugs/receipts/save';
import { priceOn } from '../domains/drugs/write';

const HISTORY_MONTHS = 6;
const SUPPLIER = '国药控股河东医药有限公司';

const at = (day: string): (() => Date) => {
  const d = new Date(`${day}T02:00:00Z`);
  return () => d;
};

/** Returns how many receipt lines were written. */
export function seedDemoDelivery(ctx: ServiceContext): number {
  const db = ctx.db;
  if (Number(db.prepare('SELECT count(*) FROM drug_batches').pluck().get()) > 0) return 0;
  if (Number(db.prepare("SELECT count(*) FROM requisitions WHERE status = 'approved'").pluck().get()) === 0) return 0;
  const today = todayIso(ctx.now());
  const current = today.slice(0, 7);
  let written = 0;
  for (let back = HISTORY_MONTHS; back >= 0; back--) {
    const month = addMonths(current, -back);
    const receivedOn = `${month}-02`;
    if (receivedOn > today) continue;
    const demand = db
      .prepare(
        `SELECT l.drug_id AS drugId, sum(l.packs) AS packs FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id
          WHERE r.month = ? AND r.status = 'approved' GROUP BY l.drug_id ORDER BY l.drug_id`,
      )
      .all(month) as { drugId: number; packs: number }[];
    const monthCtx: ServiceContext = { ...ctx, now: at(receivedOn) };
    const lines: ReceiptLineValues[] = [];
    demand.forEach((d, i) => {
      if ((i + back) % 11 === 0) return; // not supplied this month: a shortage
      const packs = (i + back) % 7 === 0 ? Math.ceil(d.packs * 0.6) : d.packs;
      const platform = priceOn(monthCtx, d.drugId, receivedOn) ?? 0;
      const months = 18 + ((i * 5 + back) % 13);
      lines.push({
        drugId: d.drugId,
        lotNo: `${month.replace('-', '').slice(2)}${String(d.drugId).padStart(3, '0')}`,
        producedOn: addMonths(month, -2) + '-15',
        expiresOn: addDays(`${addMonths(month, months)}-01`, -1),
        packs,
        priceFen: i === 0 ? Math.round(platform * 1.05) : platform,
      });
    });
    if (lines.length > 0) {
      saveReceipt(monthCtx, { receivedOn, supplier: SUPPLIER, invoiceNo: `FP${month.replace('-', '')}01`, lines });
      written += lines.length;
    }
    if (back > 0) runDelivery({ ...ctx, now: at(`${month}-05`) }, month, `${month}-05`);
  }
  written += seedStoreLeftovers(ctx, today);
  return written;
}

/** A near-expiry batch and an expired one, of drugs no clinic asked for, so 近效期/过期 lists have rows (D5). */
function seedStoreLeftovers(ctx: ServiceContext, today: string): number {
  const spare = ctx.db
    .prepare(`SELECT id, price_fen FROM drugs WHERE active = 1 AND id NOT IN (SELECT drug_id FROM requisition_lines) ORDER BY id LIMIT 2`)
    .all() as { id: number; price_fen: number }[];
  const [near, old] = spare;
  let n = 0;
  if (near) {
    const on = addDays(today, -150);
    saveReceipt(
      { ...ctx, now: at(on) },
      {
        receivedOn: on,
        supplier: SUPPLIER,
        invoiceNo: 'FP-JXQ',
        lines: [
          { drugId: near.id, lotNo: 'JXQ2401', producedOn: null, expiresOn: addDays(today, 40), packs: 12, priceFen: near.price_fen },
        ],
      },
    );
    n++;
  }
  if (old) {
    const on = addDays(today, -170);
    saveReceipt(
      { ...ctx, now: at(on) },
      {
        receivedOn: on,
        supplier: SUPPLIER,
        invoiceNo: 'FP-GQ',
        lines: [{ drugId: old.id, lotNo: 'GQ2312', producedOn: null, expiresOn: addDays(today, -12), packs: 6, priceFen: old.price_fen }],
      },
    );
    n++;
  }
  return n;
}
