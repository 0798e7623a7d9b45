/**
 * P4: the clinics the county re-checks for a half-year — picked by hand, or drawn at random
 * ("随机抽取 N 家") from the clinics open during the half-year and not yet picked, with the seed
 * recorded so the draw can be redone (sample.ts). Each pick is a `rechecks` row with who and
 * when, and audited. A pick by hand made in error can be taken back (also audited); a clinic
 * drawn at random cannot (P4): the county trusts the draw because the center does not choose
 * whom it re-checks, and removing a drawn clinic then drawing again would let it choose quietly.
 * A draw that came out larger than meant simply means more clinics are re-checked.
 */
import { halfKey, halfLabel, monthsOfHalf, parseHalf, type Half } from '../../../../shared/rules/half';
import type { RecheckList, RecheckRow } from '../../../../shared/schemas/recheck';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { halfCounts } from './halfVisits';
import { drawSample, newSeed, type Candidate } from './sample';

export function halfFrom(raw: string): Half {
  const h = parseHalf(raw);
  if (!h) throw new AppError('VALIDATION', '半年的格式应为 年H半，如 2026H2（下半年）', { field: 'half' });
  return h;
}

function bounds(h: Half): { from: string; to: string; firstDay: string } {
  const months = monthsOfHalf(h);
  const from = months[0] ?? '';
  return { from, to: months[5] ?? '', firstDay: `${from}-01` };
}

interface ClinicLine extends Candidate {
  name: string;
}

/** Clinics open at some time in the half-year (the township's clinics the county may re-check). */
export function openClinicsOf(db: Db, h: Half): ClinicLine[] {
  return stmt(
    db,
    `SELECT id, code, name FROM clinics
      WHERE status = 'open' OR closed_on >= @firstDay ORDER BY code, id`,
  ).all({ firstDay: bounds(h).firstDay }) as ClinicLine[];
}

export function listRechecks(db: Db, half: string): RecheckList {
  const h = halfFrom(half);
  const b = bounds(h);
  const rows = stmt(
    db,
    `SELECT r.clinic_id AS clinicId, c.code AS clinicCode, c.name AS clinicName, r.picked_how AS pickedHow, r.seed,
            r.sample_size AS sampleSize, r.picked_at AS pickedAt, r.picked_by AS pickedBy
       FROM rechecks r JOIN clinics c ON c.id = r.clinic_id WHERE r.half = ? ORDER BY c.code, c.id`,
  ).all(halfKey(h)) as Omit<RecheckRow, 'visits' | 'drafts' | 'findings' | 'corrections'>[];
  return {
    half: halfKey(h),
    months: monthsOfHalf(h),
    openClinics: openClinicsOf(db, h).length,
    rows: rows.map((r) => ({ ...r, ...halfCounts(db, { clinicId: r.clinicId, from: b.from, to: b.to }) })),
  };
}

function pickedIds(db: Db, h: Half): Set<number> {
  return new Set(stmt(db, 'SELECT clinic_id FROM rechecks WHERE half = ?').pluck().all(halfKey(h)) as number[]);
}

function insertPick(ctx: ServiceContext, h: Half, clinicId: number, how: 'hand' | 'random', seed: string, size: number | null): void {
  stmt(
    ctx.db,
    `INSERT INTO rechecks (half, clinic_id, picked_how, seed, sample_size, picked_at, picked_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(halfKey(h), clinicId, how, seed, size, ctx.now().toISOString(), ctx.actor);
}

/** By hand: the clinics named are added to the half-year's list (one already on it is refused by name). */
export function pickByHand(ctx: ServiceContext, half: string, clinicIds: readonly number[]): RecheckList {
  const h = halfFrom(half);
  ctx.db
    .transaction(() => {
      const open = new Map(openClinicsOf(ctx.db, h).map((c) => [c.id, c]));
      const already = pickedIds(ctx.db, h);
      const names: string[] = [];
      clinicIds.forEach((id, i) => {
        const c = open.get(id);
        if (!c) throw new AppError('VALIDATION', `第 ${i + 1} 个村卫生室在${halfLabel(h)}没有运行，不能抽查`, { field: `clinicIds.${i}` });
        if (already.has(id)) throw new AppError('CONFLICT', `${c.name}已在${halfLabel(h)}的复核名单中`, { field: `clinicIds.${i}` });
        already.add(id);
        insertPick(ctx, h, id, 'hand', '', null);
        names.push(c.name);
      });
      audit(ctx, { action: 'create', entity: 'rechecks', summary: `${halfLabel(h)}县级复核指定：${names.join('、')}` });
    })
    .immediate();
  return listRechecks(ctx.db, half);
}

/** At random: `size` clinics drawn from those open in the half-year and not yet on its list. */
export function pickSample(ctx: ServiceContext, half: string, size: number, givenSeed?: string): RecheckList {
  const h = halfFrom(half);
  const seed = givenSeed ?? newSeed();
  ctx.db
    .transaction(() => {
      const already = pickedIds(ctx.db, h);
      const pool = openClinicsOf(ctx.db, h).filter((c) => !already.has(c.id));
      if (size > pool.length)
        throw new AppError(
          'VALIDATION',
          `${halfLabel(h)}可抽取的村卫生室只有 ${pool.length} 家${already.size > 0 ? `（已选 ${already.size} 家不再抽取）` : ''}，不能抽取 ${size} 家`,
          { field: 'size' },
        );
      const drawn = drawSample(pool, size, seed);
      for (const c of drawn) insertPick(ctx, h, c.id, 'random', seed, size);
      audit(ctx, {
        action: 'create',
        entity: 'rechecks',
        summary: `${halfLabel(h)}县级复核随机抽取 ${size} 家（共 ${pool.length} 家，种子 ${seed}）：${drawn.map((c) => c.name).join('、')}`,
      });
    })
    .immediate();
  return listRechecks(ctx.db, half);
}

/** Takes a clinic picked by hand off the half-year's list (a pick made in error); the audit trail keeps it. */
export function removePick(ctx: ServiceContext, half: string, clinicId: number): RecheckList {
  const h = halfFrom(half);
  ctx.db
    .transaction(() => {
      const row = stmt(
        ctx.db,
        `SELECT c.name, r.picked_how AS how, r.seed FROM rechecks r JOIN clinics c ON c.id = r.clinic_id WHERE r.half = ? AND r.clinic_id = ?`,
      ).get(halfKey(h), clinicId) as { name: string; how: string; seed: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', `该村卫生室不在${halfLabel(h)}的复核名单中`, { field: 'clinicId' });
      // P4: a random draw stands, or the sample would no longer be random (see the head of this file).
      if (row.how === 'random')
        throw new AppError(
          'CONFLICT',
          `${row.name}是随机抽取的（种子 ${row.seed}），不能移出复核名单：随机抽取的结果须如实保留，供县级复核核对。只有指定的村卫生室可以移出`,
          { field: 'clinicId' },
        );
      stmt(ctx.db, 'DELETE FROM rechecks WHERE half = ? AND clinic_id = ?').run(halfKey(h), clinicId);
      audit(ctx, {
        action: 'delete',
        entity: 'rechecks',
        summary: `${halfLabel(h)}县级复核名单移除：${row.name}（指定）`,
      });
    })
    .immediate();
  return listRechecks(ctx.db, half);
}
