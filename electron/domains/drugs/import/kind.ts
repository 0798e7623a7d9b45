/**
 * Importing the provincial platform's catalog export (`import drugs FILE`, the import page):
 * one row per drug, known by its platform code. A drug on file is updated; a changed price is
 * added to its dated history, never written over (the date is the import's, or `--effective`);
 * a row that changes nothing is 已存在（无变化）. The platform's essential mark is kept as read
 * (blank in a marked column is 否) and combined with the loaded editions (essential/apply.ts).
 */
import { chineseDate, yuanText } from '../../../../shared/format';
import { drugInput, platformMarkLabels, type DrugValues } from '../../../../shared/schemas/drugs';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { sheetHas, type Existing, type FieldValues, type ImportKind } from '../../../excel/import/types';
import { saveDrug } from '../write';
import { drugFields } from './fields';

const keyOf = (values: FieldValues): string | undefined =>
  typeof values.platformCode === 'string' && values.platformCode !== '' ? values.platformCode.replace(/\s+/g, '') : undefined;

interface DrugRecord {
  id: number;
  platform_code: string;
  national_code: string;
  generic_name: string;
  trade_name: string;
  form: string;
  spec: string;
  pack_unit: string;
  maker: string;
  price_fen: number;
  platform_mark: DrugValues['platformMark'];
  vbp_batch: string;
  insurance_class: string;
}

function existingOf(db: Db, code: string): Existing | null {
  const r = stmt(db, 'SELECT * FROM drugs WHERE platform_code = ?').get(code) as DrugRecord | undefined;
  if (!r) return null;
  return {
    id: r.id,
    input: {
      platformCode: r.platform_code,
      nationalCode: r.national_code,
      genericName: r.generic_name,
      tradeName: r.trade_name,
      form: r.form,
      spec: r.spec,
      packUnit: r.pack_unit,
      maker: r.maker,
      priceFen: r.price_fen,
      platformMark: r.platform_mark,
      vbpBatch: r.vbp_batch,
      insuranceClass: r.insurance_class,
    },
  };
}

const labels: Record<keyof DrugValues, string> = Object.fromEntries(drugFields.map((f) => [f.key, f.label.replace(/（.*$/, '')])) as Record<
  keyof DrugValues,
  string
>;

/** `effectiveOn`: the date new prices take effect (`--effective`); the import's date when absent. */
export function drugKind(effectiveOn?: string): ImportKind<DrugValues> {
  return {
    name: 'drugs',
    title: '药品目录',
    entity: 'drug',
    fields: drugFields,
    schema: drugInput,
    defaults: {},
    keyField: 'platformCode',
    keyOf,

    notices(fields) {
      const out: string[] = [];
      if (fields.has('unitPrice'))
        out.push('表中同时有每包装价格和最小单位价格：挂网价取每包装价格一列（见上方“挂网价（每包装）”对应的列），最小单位价格不导入');
      if (!fields.has('platformMark')) out.push('表中没有基药标识列：是否基药只按已载入的基本药物目录判定');
      if (effectiveOn) out.push(`价格变动自 ${chineseDate(effectiveOn)} 起执行`);
      return out;
    },

    findExisting(db, key) {
      return existingOf(db, key);
    },

    toInput(_db, values, _today, memo) {
      const { unitPrice: _unit, ...input } = values as Record<string, unknown>;
      if (typeof input.platformCode === 'string') input.platformCode = input.platformCode.replace(/\s+/g, '');
      // A blank cell in a column of marks (★ or nothing) says the drug is not marked essential.
      if (input.platformMark === undefined && sheetHas(memo, 'platformMark')) input.platformMark = 'no';
      return { input, problems: [] };
    },

    describe(v) {
      const mark = platformMarkLabels[v.platformMark] ? `，平台标记${platformMarkLabels[v.platformMark]}` : '';
      return `${v.platformCode} ${v.genericName} ${v.spec}（${v.maker || '生产企业未填'}，${yuanText(v.priceFen)}${mark}）`;
    },

    changesOf(_db, v, existing) {
      if (!existing) return [];
      const changed: string[] = [];
      for (const k of Object.keys(labels) as (keyof DrugValues)[]) {
        if (!(k in v) || existing.input[k] === v[k]) continue;
        if (k === 'priceFen') changed.push(`挂网价 ${yuanText(Number(existing.input[k]))} → ${yuanText(v.priceFen)}`);
        else changed.push(labels[k]);
      }
      return changed;
    },

    save(ctx, v, existingId, today) {
      return saveDrug(ctx, v, existingId, effectiveOn ?? today, effectiveOn ? `导入平台目录（${effectiveOn} 起执行）` : '导入平台目录');
    },
  };
}
