/**
 * Importing receipts (`import receipts FILE`, the 导入 page): one row per receipt line, as the
 * supplier's note or the clerk's 入库登记表 lays it out. Each row is checked as the form checks a
 * line (check.ts): a batch expired on its receipt day is refused with its row named; a price
 * unlike the platform's that day and a near-expiry batch are shown in the preview and saved.
 * A row already on file (same drug, 批号, 入库日期 and 发票号) is 已存在, so the same note
 * imported twice adds nothing. 有效期 written as a month (2027-06, 2027.06, 202706) means the
 * last day of that month: a label's 有效期至 2027-06 is usable through the end of June.
 */
import { chineseDate, yuanText } from '../../../../shared/format';
import { z } from 'zod';
import { isoDate, text } from '../../../../shared/schemas/common';
import { receiptLineInput } from '../../../../shared/schemas/receipts';
import { makeContext } from '../../../db/context';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import type { FieldProblem, FieldValues, ImportKind } from '../../../excel/import/types';
import { readSettings } from '../../settings/service';
import { checkReceiptLine } from './check';
import { matchDrug } from './drugMatch';
import { receiptFields } from './fields';
import { saveReceiptLine } from './save';

const rowSchema = receiptLineInput.extend({
  receivedOn: isoDate,
  supplier: text('供货单位', 100).default(''),
  invoiceNo: text('发票号', 60).default(''),
  /** For the preview's words only (药品名称 规格), filled from the catalog. */
  drugLabel: z.string().default(''),
});
type ReceiptRowValues = z.output<typeof rowSchema>;

/** `2027-06` → `2027-06-30`; a full day stays as it is. */
export function expiryDay(v: string): string {
  if (/^\d{4}-\d{2}$/.test(v)) {
    const [y, m] = v.split('-').map(Number) as [number, number];
    return `${v}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return v;
}

const str = (v: FieldValues[string]): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function nearDays(db: Db, memo: Map<string, unknown>): number {
  const cached = memo.get('receipts:nearDays');
  if (typeof cached === 'number') return cached;
  const days = readSettings(db).nearExpiryDays;
  memo.set('receipts:nearDays', days);
  return days;
}

function drugOf(db: Db, values: FieldValues, memo: Map<string, unknown>) {
  return matchDrug(db, memo, {
    code: str(values.platformCode),
    name: str(values.drugName),
    spec: str(values.spec),
    maker: str(values.maker),
  });
}

function describeDrug(db: Db, id: number): string {
  const d = stmt(db, 'SELECT generic_name, spec FROM drugs WHERE id = ?').get(id) as { generic_name: string; spec: string } | undefined;
  return d ? `${d.generic_name} ${d.spec}` : `药品 ${id}`;
}

export const receiptKind: ImportKind<ReceiptRowValues> = {
  name: 'receipts',
  title: '采购入库',
  entity: 'receipt',
  fields: receiptFields,
  schema: rowSchema,
  defaults: {},

  keyOf(values) {
    const drug = str(values.platformCode) ?? `${str(values.drugName) ?? ''} ${str(values.spec) ?? ''}`;
    const lot = str(values.lotNo);
    if (!lot) return undefined;
    return `${drug.trim()}｜批号 ${lot}｜${String(values.receivedOn ?? '')}｜${str(values.invoiceNo) ?? ''}`;
  },
  keyField: 'lotNo',

  notices(fields) {
    const out: string[] = [];
    if (!fields.has('platformCode') && !fields.has('drugName')) out.push('表中既没有平台编码列也没有药品名称列：无法确定是哪种药品');
    else if (!fields.has('platformCode')) out.push('表中没有平台编码列：按药品名称和规格（及生产企业）在目录中查找');
    out.push('有效期只写到月份的（如 2027-06），按该月最后一天计');
    return out;
  },

  findExisting(db, _key, values, memo) {
    const drug = drugOf(db, values, memo);
    const lot = str(values.lotNo);
    const on = str(values.receivedOn);
    if (!drug.ok || !lot || !on) return null;
    const r = stmt(
      db,
      `SELECT id, produced_on, expires_on, price_fen, supplier, invoice_no, received_on,
          (SELECT coalesce(sum(packs), 0) FROM stock_movements m WHERE m.batch_id = b.id AND m.clinic_id IS NULL AND m.kind = 'receipt') AS packs
         FROM drug_batches b WHERE drug_id = ? AND lot_no = ? AND received_on = ? AND invoice_no = ?`,
    ).get(drug.id, lot, on, str(values.invoiceNo) ?? '') as
      | {
          id: number;
          produced_on: string | null;
          expires_on: string;
          price_fen: number;
          supplier: string;
          invoice_no: string;
          packs: number;
        }
      | undefined;
    if (!r) return null;
    return {
      id: r.id,
      input: {
        drugId: drug.id,
        lotNo: lot,
        producedOn: r.produced_on,
        expiresOn: r.expires_on,
        packs: r.packs,
        priceFen: r.price_fen,
        receivedOn: on,
        supplier: r.supplier,
        invoiceNo: r.invoice_no,
      },
    };
  },

  toInput(db, values, today, memo, reported = []) {
    const problems: FieldProblem[] = [];
    const input: Record<string, unknown> = { ...values };
    delete input.platformCode;
    delete input.drugName;
    delete input.spec;
    delete input.maker;
    delete input.amountFen;
    if (typeof values.receivedOn === 'string' && values.receivedOn > today) {
      problems.push({
        key: 'receivedOn',
        message: `入库日期 ${chineseDate(values.receivedOn)} 晚于今天（${chineseDate(today)}），请填写实际到货验收的日期`,
      });
    }
    const drug = drugOf(db, values, memo);
    if (drug.ok) {
      input.drugId = drug.id;
      input.drugLabel = describeDrug(db, drug.id);
    } else problems.push({ key: drug.key, message: drug.message });
    if (typeof values.expiresOn === 'string') input.expiresOn = expiryDay(values.expiresOn);
    if (input.producedOn === undefined) input.producedOn = null;
    const packs = values.packs;
    if (typeof packs === 'number' && typeof values.priceFen === 'number' && typeof values.amountFen === 'number') {
      if (Number.isInteger(packs) && packs * values.priceFen !== values.amountFen) {
        problems.push({
          key: 'amountFen',
          message: `金额 ${yuanText(values.amountFen)} 不等于 数量 ${packs} × 单价 ${yuanText(values.priceFen)} = ${yuanText(packs * values.priceFen)}，请核对`,
        });
      }
    }
    const known = reported.length === 0 && problems.length === 0;
    const on = str(values.receivedOn);
    if (known && drug.ok && on && typeof input.expiresOn === 'string') {
      const producedOn = typeof input.producedOn === 'string' ? input.producedOn : null;
      const check = checkReceiptLine(
        makeContext(db),
        { drugId: drug.id, expiresOn: input.expiresOn, producedOn, priceFen: Number(values.priceFen ?? 0) },
        on,
        nearDays(db, memo),
      );
      if (check.error) problems.push({ key: 'expiresOn', message: check.error });
    }
    return { input, problems };
  },

  describe(v) {
    return `${v.drugLabel} 批号 ${v.lotNo}，${v.packs} 个包装 × ${yuanText(v.priceFen)}，有效期至 ${v.expiresOn}（${v.receivedOn} 入库）`;
  },

  changesOf(db, v, existing) {
    if (existing) return [];
    const check = checkReceiptLine(makeContext(db), v, v.receivedOn);
    return check.warnings.map((w) => `提示：${w}`);
  },

  save(ctx, v) {
    return saveReceiptLine(ctx, v, v, readSettings(ctx.db).nearExpiryDays).batchId;
  },
};
