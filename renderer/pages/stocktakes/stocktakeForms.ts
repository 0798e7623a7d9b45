/**
 * The stocktake dialogs' schemas: the core's (shared/schemas/stocktakes.ts) with the form's
 * units in front — the 卫生院本部 choice (0) becomes null, an estimate in 元 becomes 分.
 */
import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';
import { todayIso } from '../../../shared/format';
import { stocktakeCreate, stocktakeScopeLabels, stocktakeScopes, stocktakeSurplus } from '../../../shared/schemas/stocktakes';
import type { FieldSpec } from '../../components/SpecForm';
import { categoryOptions, checkedAs, holder, yuan } from '../assets/assetForm';
import type { Option } from '../assets/useAssetOptions';

// The core's fields in the first stage too, so one press of OK marks every missing field.
export const startSchema = z
  .looseObject({
    ...stocktakeCreate.shape,
    clinicId: z
      .number()
      .nullable()
      .optional()
      .transform((n) => n ?? null),
  })
  .pipe(checkedAs(stocktakeCreate)) as unknown as z.ZodType<FieldValues>;

export function startFields(clinics: Option[]): FieldSpec[] {
  return [
    { name: 'title', label: '盘点名称', kind: 'text', required: true },
    {
      name: 'scope',
      label: '盘点范围',
      kind: 'select',
      required: true,
      options: stocktakeScopes.map((s) => ({ value: s, label: stocktakeScopeLabels[s] })),
    },
    { name: 'clinicId', label: '村卫生室', kind: 'select', required: true, options: clinics, when: (v) => v.scope === 'clinic' },
    { name: 'startedOn', label: '盘点日期', kind: 'date', required: true, extra: '按这一天的台账列出应有的资产' },
  ];
}

export const startInitial = (): Record<string, unknown> => ({
  title: `${todayIso().slice(0, 4)}年固定资产盘点`,
  scope: 'clinic',
  clinicId: undefined,
  startedOn: todayIso(),
});

export const surplusSchema = z
  .looseObject({ ...stocktakeSurplus.shape, valueFen: yuan('估价'), clinicId: holder('所在单位') })
  .pipe(checkedAs(stocktakeSurplus)) as unknown as z.ZodType<FieldValues>;

export function surplusFields(holders: Option[]): FieldSpec[] {
  return [
    { name: 'name', label: '资产名称', kind: 'text', required: true },
    { name: 'category', label: '资产类别', kind: 'select', required: true, options: categoryOptions },
    { name: 'model', label: '规格型号', kind: 'text' },
    { name: 'quantity', label: '数量', kind: 'number', required: true },
    { name: 'unit', label: '计量单位', kind: 'text' },
    { name: 'valueFen', label: '估价（元）', kind: 'money', required: true, extra: '按同类资产的市场价格估价，结束盘点时按“盘盈”入账' },
    { name: 'clinicId', label: '所在单位', kind: 'select', required: true, options: holders },
    { name: 'note', label: '说明', kind: 'textarea' },
  ];
}

export const closeSchema = z.object({
  closedOn: z.string({ error: '请填写结束日期' }).min(1, '请填写结束日期'),
}) as unknown as z.ZodType<FieldValues>;
