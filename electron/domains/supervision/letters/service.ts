/**
 * Responsibility letters (P1): one per clinic and year with its quantified targets, printed for
 * signature, and the signing registered (date, both signers). The year's list has every clinic
 * open at some time in that year, so a clinic without a letter is visible (status 'none').
 * A signed letter's targets are fixed — they are what was signed; the signing itself may be
 * registered again (a wrong date or name), audited.
 */
import type { LetterDetail, LetterRow } from '../../../../shared/schemas/supervision';
import type { z } from 'zod';
import type { letterSave, letterSign } from '../../../../shared/schemas/supervision';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { readSettings } from '../../settings/service';
import { getTemplate, templateInForce } from '../template/store';
import { defaultTargets } from './targets';

type SaveIn = z.output<typeof letterSave>;
type SignIn = z.output<typeof letterSign>;

interface Raw {
  clinic_id: number;
  clinic_name: string;
  clinic_code: string;
  head_name: string;
  letter_id: number | null;
  targets: number;
  signed_on: string | null;
  center_signer: string | null;
  clinic_signer: string | null;
  note: string | null;
}

const LIST_SQL = `
  SELECT c.id AS clinic_id, c.name AS clinic_name, c.code AS clinic_code, c.head_name,
    l.id AS letter_id, l.signed_on, l.center_signer, l.clinic_signer, l.note,
    (SELECT count(*) FROM responsibility_targets t WHERE t.letter_id = l.id) AS targets
  FROM clinics c
  LEFT JOIN responsibility_letters l ON l.clinic_id = c.id AND l.year = @year
  WHERE (c.status = 'open' OR c.closed_on >= @yearStart OR l.id IS NOT NULL)`;

function toRow(r: Raw, year: number): LetterRow {
  return {
    clinicId: r.clinic_id,
    clinicName: r.clinic_name,
    clinicCode: r.clinic_code,
    headName: r.head_name,
    year,
    letterId: r.letter_id,
    targets: r.targets,
    signedOn: r.signed_on,
    centerSigner: r.center_signer ?? '',
    clinicSigner: r.clinic_signer ?? '',
    status: r.letter_id === null ? 'none' : r.signed_on ? 'signed' : 'unsigned',
  };
}

export function listLetters(ctx: ServiceContext, year: number): LetterRow[] {
  const rows = ctx.db.prepare(`${LIST_SQL} ORDER BY c.code, c.id`).all({ year, yearStart: `${year}-01-01` }) as Raw[];
  return rows.map((r) => toRow(r, year));
}

function rawOf(db: Db, clinicId: number, year: number): Raw {
  const r = db.prepare(`${LIST_SQL} AND c.id = @clinicId`).get({ year, yearStart: `${year}-01-01`, clinicId }) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到该村卫生室，或它在 ${year} 年之前已撤销，请刷新列表`);
  return r;
}

export function getLetter(ctx: ServiceContext, clinicId: number, year: number): LetterDetail {
  const r = rawOf(ctx.db, clinicId, year);
  const targetRows =
    r.letter_id === null
      ? defaultTargets(ctx.db)
      : (ctx.db
          .prepare('SELECT target, quantity, unit, note FROM responsibility_targets WHERE letter_id = ? ORDER BY position')
          .all(r.letter_id) as LetterDetail['targetRows']);
  const settings = readSettings(ctx.db);
  const templateId = templateInForce(ctx.db, `${year}-01`) ?? templateInForce(ctx.db, `${year}-12`);
  const t = templateId === null ? undefined : getTemplate(ctx, templateId);
  return {
    ...toRow(r, year),
    note: r.note ?? '',
    targetRows,
    centerName: settings.centerName,
    directorName: settings.directorName,
    passLine: settings.assessmentPassLine,
    templateName: t?.name ?? '',
    baseTenths: t?.baseTenths ?? null,
    bonusCapTenths: t?.bonusCapTenths ?? 0,
  };
}

function insertTargets(
  db: Db,
  letterId: number,
  targets: readonly { target: string; quantity: string; unit: string; note: string }[],
): void {
  db.prepare('DELETE FROM responsibility_targets WHERE letter_id = ?').run(letterId);
  const ins = db.prepare(
    'INSERT INTO responsibility_targets (letter_id, position, target, quantity, unit, note) VALUES (?, ?, ?, ?, ?, ?)',
  );
  targets.forEach((t, i) => ins.run(letterId, i + 1, t.target, t.quantity, t.unit, t.note));
}

function createLetter(ctx: ServiceContext, clinicId: number, year: number, note = ''): number {
  const now = ctx.now().toISOString();
  const id = Number(
    ctx.db
      .prepare('INSERT INTO responsibility_letters (clinic_id, year, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(clinicId, year, note, now, now).lastInsertRowid,
  );
  insertTargets(ctx.db, id, defaultTargets(ctx.db));
  return id;
}

export function saveLetter(ctx: ServiceContext, v: SaveIn): LetterDetail {
  return ctx.db
    .transaction(() => {
      const r = rawOf(ctx.db, v.clinicId, v.year);
      if (r.signed_on) {
        throw new AppError(
          'CONFLICT',
          `${r.clinic_name} ${v.year} 年的责任书已于 ${r.signed_on} 签订，目标是双方签字确认的内容，不能再修改`,
        );
      }
      const before = r.letter_id === null ? undefined : getLetter(ctx, v.clinicId, v.year).targetRows;
      const id = r.letter_id ?? createLetter(ctx, v.clinicId, v.year);
      ctx.db.prepare('UPDATE responsibility_letters SET note = ?, updated_at = ? WHERE id = ?').run(v.note, ctx.now().toISOString(), id);
      insertTargets(ctx.db, id, v.targets);
      audit(ctx, {
        action: r.letter_id === null ? 'create' : 'update',
        entity: 'responsibility_letter',
        entityId: id,
        summary: `${r.letter_id === null ? '建立' : '修改'} ${r.clinic_name} ${v.year} 年目标管理责任书（${v.targets.length} 项目标）`,
        before,
        after: v.targets,
      });
      return getLetter(ctx, v.clinicId, v.year);
    })
    .immediate();
}

export function signLetter(ctx: ServiceContext, v: SignIn): LetterDetail {
  return ctx.db
    .transaction(() => {
      const r = rawOf(ctx.db, v.clinicId, v.year);
      const id = r.letter_id ?? createLetter(ctx, v.clinicId, v.year);
      ctx.db
        .prepare('UPDATE responsibility_letters SET signed_on = ?, center_signer = ?, clinic_signer = ?, updated_at = ? WHERE id = ?')
        .run(v.signedOn, v.centerSigner, v.clinicSigner, ctx.now().toISOString(), id);
      const again = r.signed_on ? `（更正原登记：${r.signed_on}，${r.center_signer ?? ''}、${r.clinic_signer ?? ''}）` : '';
      audit(ctx, {
        action: 'update',
        entity: 'responsibility_letter',
        entityId: id,
        summary: `登记 ${r.clinic_name} ${v.year} 年责任书签订：${v.signedOn}，甲方 ${v.centerSigner}，乙方 ${v.clinicSigner}${again}`,
      });
      return getLetter(ctx, v.clinicId, v.year);
    })
    .immediate();
}

/** Letters with the default targets for every clinic of the year that has none. */
export function createMissingLetters(ctx: ServiceContext, year: number): { created: number } {
  return ctx.db
    .transaction(() => {
      const missing = listLetters(ctx, year).filter((l) => l.status === 'none');
      for (const l of missing) createLetter(ctx, l.clinicId, year);
      if (missing.length > 0) {
        audit(ctx, {
          action: 'create',
          entity: 'responsibility_letter',
          summary: `按默认目标建立 ${year} 年目标管理责任书 ${missing.length} 份：${missing.map((l) => l.clinicName).join('、')}`,
        });
      }
      return { created: missing.length };
    })
    .immediate();
}
