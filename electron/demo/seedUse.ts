/**
 * The demo township's clinic use (issue 10 part 6), so its 进销存 is alive: each clinic reports
 * a month's use of what it holds at the end of every past month that had a delivery (about two
 * thirds of each drug, at the purchase price, FEFO — the same service as 登记使用), one clinic
 * returns part of a batch to the center, one transfers part of a batch to a neighbour, and the
 * center disposes of most of the expired batch in its store with two witnesses (D5), leaving two
 * packs for the next disposal so the 过期 list keeps a row. Nothing where no clinic holds stock
 * or use exists already. Deterministic.
 */
import { todayIso } from '../../shared/format';
import type { ServiceContext } from '../db/context';
import { createDisposal } from '../domains/drugs/stock/disposals';
import { batchBalances } from '../domains/drugs/stock/movements';
import { returnToCenter, transferBetweenClinics } from '../domains/drugs/stock/moves';
import { availableOn, monthEnd } from '../domains/drugs/stock/places';
import { recordUse, usableBatches } from '../domains/drugs/stock/use';

const at = (day: string): (() => Date) => {
  const d = new Date(`${day}T10:00:00Z`);
  return () => d;
};

/** Returns how many use movements were written. */
export function seedDemoUse(ctx: ServiceContext): number {
  const db = ctx.db;
  if (Number(db.prepare("SELECT count(*) FROM stock_movements WHERE kind = 'use'").pluck().get()) > 0) return 0;
  const today = todayIso(ctx.now());
  const months = db
    .prepare(`SELECT DISTINCT substr(moved_on, 1, 7) FROM stock_movements WHERE kind = 'delivery' AND clinic_id IS NOT NULL ORDER BY 1`)
    .pluck()
    .all() as string[];
  const clinics = db.prepare("SELECT id FROM clinics WHERE status = 'open' ORDER BY code, id").pluck().all() as number[];
  let written = 0;
  for (const month of months) {
    const day = monthEnd(month);
    if (day >= today) continue;
    const monthCtx = { ...ctx, now: at(day) };
    clinics.forEach((clinicId, ci) => {
      const lines = [];
      const drugs = [...new Set(batchBalances(db, { place: clinicId, asOf: day }).map((b) => b.drugId))];
      for (const [di, drugId] of drugs.entries()) {
        // One price at a time (D2): use comes from the first batch FEFO takes.
        const first = usableBatches(db, clinicId, drugId, month, day, new Map())[0];
        if (!first) continue;
        const packs = Math.max(1, Math.floor((first.left * (55 + ((ci * 7 + di * 3) % 25))) / 100));
        lines.push({ drugId, packs: Math.min(packs, first.left), salePriceFen: first.priceFen });
      }
      if (lines.length > 0) written += recordUse(monthCtx, { clinicId, month, lines }).movements;
    });
  }
  seedMoves(ctx, today, clinics);
  return written;
}

function seedMoves(ctx: ServiceContext, today: string, clinics: number[]): void {
  const db = ctx.db;
  const [first, second, third] = clinics;
  const last = months(db).at(-1);
  if (last && first !== undefined && second !== undefined && third !== undefined) {
    const day = `${last}-20` < today ? `${last}-20` : today;
    const moveCtx = { ...ctx, now: at(day) };
    // What can leave on the day without taking a later day's balance below zero (the month-end use came after).
    const held = (clinicId: number) =>
      batchBalances(db, { place: clinicId, asOf: day })
        .map((b) => ({ ...b, packs: availableOn(db, b.batchId, clinicId, day) }))
        .filter((b) => b.packs >= 2);
    const back = held(first)[0];
    if (back) returnToCenter(moveCtx, { clinicId: first, batchId: back.batchId, packs: 1, movedOn: day, reason: '患者少用，退回中心药库' });
    const spare = held(second)[0];
    if (spare)
      transferBetweenClinics(moveCtx, {
        fromClinicId: second,
        toClinicId: third,
        batchId: spare.batchId,
        packs: Math.floor(spare.packs / 2),
        movedOn: day,
        reason: '本室用量少，调剂给邻村先用',
      });
  }
  const expired = batchBalances(db, { place: null, asOf: today }).find((b) => b.expiresOn < today && b.packs > 2);
  if (expired)
    createDisposal(
      { ...ctx, now: at(today) },
      {
        disposedOn: today,
        method: '交有资质单位焚烧',
        witness1: '王会计',
        witness2: '李药师',
        note: '清点时另有 2 个包装在药房待下次集中销毁',
        lines: [{ batchId: expired.batchId, packs: expired.packs - 2 }],
      },
    );
}

function months(db: ServiceContext['db']): string[] {
  return db.prepare(`SELECT DISTINCT substr(moved_on, 1, 7) FROM stock_movements WHERE kind = 'use' ORDER BY 1`).pluck().all() as string[];
}
