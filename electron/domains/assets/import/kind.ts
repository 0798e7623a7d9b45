/**
 * Importing the clerk's existing 固定资产台账 (issue 4, item 6; A1). Each row is one asset card,
 * opened with its 入账 movement through insertAsset, so codes, the category's default life, the
 * audit log and every check are those of the form.
 *
 * The clerk's own number (原资产编号 / 资产编号 / 卡片编号), where the ledger has one, is kept as
 * the card's old code and is the row's identity: a row whose code is on file (as an old code, or
 * as one of our codes) matches that card and updates its descriptive fields, or is unchanged.
 * A village ledger is usually a 序号 and a description: without a number, a row is known by its
 * fingerprint (name, model, holder, acquisition date, 原值), the n-th identical row matching
 * the n-th identical card — so importing the same ledger twice never opens a card twice.
 *
 * The holder: a 所属卫生室 that names no clinic (and not the center) is an error of the row,
 * and so is a blank one; a 存放地点 must name a clinic or the center when there is no 所属卫生室.
 * Only a ledger with neither column puts everything at the center, and the preview says so. What only movements may change (A3) — 原值, the
 * holder, the in-service date, the life — must agree with the card; a row that differs is an
 * error naming the movement to record instead (原值变动, 调拨).
 */
import { categoryLabels, guessCategory } from '../../../../shared/rules/assetCategories';
import { assetLabels } from '../../../../shared/schemas/assets';
import { insertAsset, updateAssetCard } from '../write';
import { chineseDate, yuanText } from '../../../../shared/format';
import { compactText } from '../../../../shared/text';
import {
  sheetHas,
  type FieldProblem,
  type FieldValue,
  type FieldValues,
  type ImportKind,
  type PlannedRow,
} from '../../../excel/import/types';
import type { Db } from '../../../db/open';
import { CENTER_HOLDER } from '../../../../shared/schemas/assets';
import { assetFields } from './fields';
import { findHolder, findPerson, holderInText, type HolderMatch, type PersonMatch } from './lookups';
import {
  assetImportRow,
  assetInputOf,
  cardById,
  cardByKey,
  cardKeys,
  cardsByFingerprint,
  cardValuesOf,
  existingOf,
  type AssetImportValues,
} from './row';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const CATEGORY_HINT = '如 医疗设备、计算机及办公设备、电气设备、车辆、家具、房屋（砖混、砖木结构）';

const FINGERPRINT = '指纹：';

function oldCodeOf(values: FieldValues): string | undefined {
  return str(values.oldCode)?.replace(/\s+/g, '') || undefined;
}

const flat = (v: FieldValue | undefined): string => (typeof v === 'string' ? compactText(v) : typeof v === 'number' ? String(v) : '');

/** The clerk's number, or the row's fingerprint (see above) as it is written in the sheet. */
function keyOf(values: FieldValues): string | undefined {
  const code = oldCodeOf(values);
  if (code) return code;
  const name = flat(values.name);
  if (!name) return undefined;
  const value = typeof values.valueFen === 'number' ? values.valueFen : values.valueWan;
  const parts = [
    name,
    flat(values.model),
    flat(values.clinic) || flat(values.location),
    flat(values.acquiredOn) || flat(values.inServiceOn),
    flat(value),
  ];
  return FINGERPRINT + parts.join('｜');
}

/** Where a row says its asset is: the clinic column, else a clinic named in 存放地点; problems of either. */
function holderOf(
  db: Db,
  values: FieldValues,
  memo: Map<string, unknown>,
): { holder?: HolderMatch; from: 'clinic' | 'location' | 'none'; problem?: FieldProblem } {
  const { clinic, location } = values;
  if (typeof clinic === 'string')
    return { holder: memoized(memo, `asset:holder:${clinic}`, () => findHolder(db, clinic, memo)), from: 'clinic' };
  if (typeof location === 'string') {
    const found = memoized(memo, `asset:in:${location}`, () => holderInText(db, location, memo));
    if (found) return { holder: found, from: 'location' };
    if (sheetHas(memo, 'clinic'))
      return { from: 'none', problem: { key: 'clinic', message: '请填写所属卫生室（卫生院本部的资产写“卫生院本部”）' } };
    return {
      from: 'none',
      problem: {
        key: 'location',
        message: `“${location}”没有写明是哪个村卫生室或卫生院本部，请写出卫生室名称（如“张庄村卫生室药房”），或加一列“所属卫生室”`,
      },
    };
  }
  if (sheetHas(memo, 'clinic'))
    return { from: 'none', problem: { key: 'clinic', message: '请填写所属卫生室（卫生院本部的资产写“卫生院本部”）' } };
  if (sheetHas(memo, 'location'))
    return { from: 'none', problem: { key: 'location', message: '请填写存放地点，写明是哪个村卫生室或卫生院本部' } };
  return { holder: { ok: true, id: null, name: CENTER_HOLDER, open: true }, from: 'none' };
}

/** 使用年限 as written (5, 5年, 2.5, 60个月) → months. */
function lifeMonthsOf(written: string): { ok: true; value: number } | { ok: false; reason: string } {
  const s = compactText(written);
  const m = /^(\d+(?:\.\d+)?)(年|个月|月)?$/.exec(s);
  if (!m) return { ok: false, reason: `应填使用年限（年），如 5、5年 或 60个月，实际是“${written}”` };
  const n = Number(m[1]);
  const months = m[2] === '个月' || m[2] === '月' ? n : n * 12;
  const whole = Math.round(months);
  if (Math.abs(months - whole) > 1e-9) return { ok: false, reason: `“${written}”折合 ${months.toFixed(2)} 个月，使用年限应为整月数` };
  if (whole > 1200) return { ok: false, reason: `使用年限不能超过 100 年，实际是“${written}”` };
  return { ok: true, value: whole };
}

function memoized<T>(memo: Map<string, unknown>, key: string, find: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const found = find();
  memo.set(key, found);
  return found;
}

export const assetKind: ImportKind<AssetImportValues> = {
  name: 'assets',
  title: '固定资产台账',
  entity: 'asset',
  fields: assetFields,
  schema: assetImportRow,
  // A ledger without a 资金来源 column says nothing of it: 其他, never a guess.
  defaults: { funding: 'other' },
  keyField: 'oldCode',
  keyOf,
  repeatableKey: (values) => oldCodeOf(values) === undefined,

  notices(fields) {
    if (fields.has('clinic') || fields.has('location')) return [];
    return ['表中没有“所属卫生室”或“存放地点”列：全部资产将记在卫生院本部。如有村卫生室的资产，请在表中加一列“所属卫生室”后重新导入'];
  },

  findExisting(db, key, values, memo) {
    if (!key.startsWith(FINGERPRINT)) {
      const card = cardByKey(db, key);
      return card ? existingOf(db, card) : null;
    }
    const nth = Number(/#(\d+)$/.exec(key)?.[1] ?? 1);
    const { holder } = holderOf(db, values, memo);
    const acquiredOn = str(values.acquiredOn) ?? str(values.inServiceOn);
    const valueFen = typeof values.valueFen === 'number' ? values.valueFen : values.valueWan;
    if (!holder?.ok || !acquiredOn || typeof valueFen !== 'number' || typeof values.name !== 'string') return null;
    const cards = cardsByFingerprint(db, {
      name: values.name,
      model: str(values.model) ?? '',
      holderClinicId: holder.id,
      acquiredOn,
      valueFen,
    });
    const card = cards[nth - 1];
    return card ? existingOf(db, card) : null;
  },

  toInput(db, values, today, memo, reported = []) {
    const problems: FieldProblem[] = [];
    const unreadable = (key: string) => reported.some((p) => p.key === key);
    const { valueWan, lifeYears, clinic: _clinic, custodian, category, ...rest } = values;
    const input: Record<string, unknown> = { ...rest };
    const key = oldCodeOf(values);
    const card = key ? cardByKey(db, key) : undefined;
    if (key) input.oldCode = key;

    if (typeof valueWan === 'number') {
      if (typeof values.valueFen === 'number' && values.valueFen !== valueWan)
        problems.push({ key: 'valueWan', message: `与“原值”列（${yuanText(values.valueFen)}）不一致` });
      input.valueFen = valueWan;
    }
    if (!card && input.valueFen === undefined && !unreadable('valueFen') && !unreadable('valueWan'))
      problems.push({ key: 'valueFen', message: '新增时必须填写原值' });

    if (!card && input.acquiredOn === undefined) {
      // Many ledgers keep only the 入账（启用）date: the asset was bought then.
      if (typeof input.inServiceOn === 'string') input.acquiredOn = input.inServiceOn;
      else if (!unreadable('acquiredOn') && !unreadable('inServiceOn'))
        problems.push({ key: 'acquiredOn', message: '新增时必须填写购置日期或启用日期' });
    }
    for (const k of ['acquiredOn', 'inServiceOn'] as const) {
      const d = values[k];
      if (typeof d === 'string' && d > today) problems.push({ key: k, message: `${chineseDate(d)} 晚于今天（${chineseDate(today)}）` });
    }

    if (typeof lifeYears === 'string') {
      const life = lifeMonthsOf(lifeYears);
      if (life.ok) input.lifeMonths = life.value;
      else problems.push({ key: 'lifeYears', message: life.reason });
    }

    const name = str(values.name) ?? card?.name ?? '';
    if (typeof category === 'string' || !card) {
      const guessed = guessCategory(str(category) ?? '', name);
      if (guessed) input.category = guessed;
      else if (typeof category === 'string')
        problems.push({ key: 'category', message: `无法识别资产类别“${category}”（${CATEGORY_HINT}）` });
      else problems.push({ key: 'category', message: `无法从名称“${name}”判断资产类别，请填写资产类别（${CATEGORY_HINT}）` });
    }

    const { holder, from, problem } = holderOf(db, values, memo);
    // A card on file keeps its holder when the row does not say one; a new card must say where it is.
    if (problem) {
      if (!card) problems.push(problem);
    } else if (holder && !holder.ok) problems.push({ key: from === 'location' ? 'location' : 'clinic', message: holder.message });
    else if (holder?.ok && (from !== 'none' || !card)) {
      if (!card && !holder.open)
        problems.push({ key: from === 'location' ? 'location' : 'clinic', message: `“${holder.name}”已撤销，不能再存放资产` });
      Object.assign(input, { holderClinicId: holder.id, holderName: holder.name, holderFrom: from });
    }

    if (typeof custodian === 'string') {
      const person = memoized<PersonMatch>(memo, `asset:person:${custodian}`, () => findPerson(db, custodian));
      if (!person.ok) problems.push({ key: 'custodian', message: person.message });
      else if (!person.active && person.id !== card?.custodian_id)
        problems.push({ key: 'custodian', message: `${custodian}已退出，不能再作保管人` });
      else Object.assign(input, { custodianId: person.id, custodianName: custodian.trim() });
    }
    return { input, problems };
  },

  describe(v) {
    return `${v.oldCode ? `${v.oldCode} ` : ''}${v.name}（${categoryLabels[v.category]}，${v.holderName}，原值 ${yuanText(v.valueFen)}）`;
  },

  changesOf(_db, v, existing) {
    if (!existing) return [];
    return cardKeys.filter((k) => (existing.input[k] ?? null) !== (v[k] ?? null)).map((k) => assetLabels[k]);
  },

  /** What only a movement may change must agree with the card (A3). */
  checkPlan(db, rows: readonly PlannedRow<AssetImportValues>[]) {
    const problems = new Map<number, FieldProblem[]>();
    for (const r of rows) {
      if (r.existingId === null) continue;
      const card = cardById(db, r.existingId);
      const v = r.values;
      const found: FieldProblem[] = [];
      if (v.valueFen !== card.value_fen) {
        found.push({
          key: 'valueFen',
          message: `表中原值 ${yuanText(v.valueFen)}，账面（${card.code}）为 ${yuanText(card.value_fen)}；已入账资产的原值只能通过“原值变动”登记`,
        });
      }
      if (v.holderClinicId !== card.holder_clinic_id) {
        const at = String(existingOf(db, card).input.holderName);
        found.push({
          key: v.holderFrom === 'location' ? 'location' : 'holderClinicId',
          message: `表中为“${v.holderName}”，账面（${card.code}）在“${at}”；资产只能通过调拨改变存放单位`,
        });
      }
      if (v.inServiceOn !== card.in_service_on)
        found.push({
          key: 'inServiceOn',
          message: `表中为 ${v.inServiceOn ?? ''}，账面（${card.code}）入账日期为 ${card.in_service_on}；入账日期有误时，请冲销后重新入账`,
        });
      if (v.lifeMonths !== card.life_months)
        found.push({
          key: 'lifeMonths',
          message: `表中为 ${v.lifeMonths ?? ''} 个月，账面（${card.code}）为 ${card.life_months} 个月；使用年限只能随“原值变动”调整`,
        });
      if (found.length > 0) problems.set(r.row, found);
    }
    return problems;
  },

  save(ctx, v, existingId) {
    if (existingId === null)
      return insertAsset(ctx, assetInputOf(v), {
        oldCode: v.oldCode,
        reason: v.oldCode ? `导入原有台账（原编号 ${v.oldCode}）` : '导入原有台账',
      });
    updateAssetCard(ctx, existingId, cardValuesOf(v));
    return existingId;
  },
};
