/**
 * The asset forms' schemas: the core's own (shared/schemas/assets.ts), with the clerk's units in
 * front of them — amounts typed in 元 become 分, a life typed in years becomes months, and the
 * holder choice 0 means 卫生院本部 (null to the core). Each converted field keeps the core's
 * name, so an error the core reports lands beside the field the clerk typed in.
 */
import { z } from 'zod';
import { assetCategories, categoryInfo, categoryLabels, type AssetCategory } from '../../../shared/rules/assetCategories';
import { assetCardInput, assetFundings, assetInput, assetLabels, fundingLabels } from '../../../shared/schemas/assets';
import { isoDate } from '../../../shared/schemas/common';

/** The holder select's value for 卫生院本部 (the core's null). */
export const CENTER_OPTION = 0;

/**
 * The core's schema as the last stage of a form's pipe. zod types a pipe's target by its input
 * exactly; ours differs only where the core has defaults (absent allowed), so it is re-typed.
 */
export function checkedAs<O>(schema: z.ZodType<O>): z.ZodType<O, never> {
  return schema as z.ZodType<O, never>;
}

/** A required date: empty says which date is missing (the core's message is about the format). */
function requiredDate(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .min(1, `请填写${label}`)
    .pipe(isoDate);
}

/** An amount typed in 元 (two decimals) → integer 分. */
export function yuan(label: string) {
  return z.number({ error: `请填写${label}（元）` }).transform((y) => Math.round(y * 100));
}

/** A holder choice: 0 (卫生院本部) → null, a clinic's id as it is. */
export function holder(label: string) {
  return z
    .number({ error: `请选择${label}` })
    .int()
    .min(0)
    .transform((n) => (n === CENTER_OPTION ? null : n));
}

export const lifeUnits = { year: '年', month: '个月' } as const;

/** 新增资产: the card with 原值 in 元 and 使用年限 in years or months (empty: the category's default). */
export const assetCreateForm = z
  .object({
    ...assetInput.shape,
    acquiredOn: requiredDate(assetLabels.acquiredOn),
    valueFen: yuan('原值'),
    holderClinicId: holder('所在单位'),
    lifeMonths: z
      .number({ error: '使用年限必须是数字' })
      .int('使用年限必须是整数')
      .min(1, '使用年限至少为 1')
      .max(1200, '使用年限过长')
      .nullable(),
    lifeUnit: z.enum(['year', 'month']),
  })
  .transform(({ lifeUnit, ...v }) => ({
    ...v,
    lifeMonths: v.lifeMonths === null ? null : lifeUnit === 'year' ? v.lifeMonths * 12 : v.lifeMonths,
  }))
  .pipe(checkedAs(assetInput));
export type AssetCreateValues = z.input<typeof assetCreateForm>;

/** The card fields a clerk edits later (assets.update). */
export const assetCardForm = assetCardInput.extend({ acquiredOn: requiredDate(assetLabels.acquiredOn) });
export type AssetCardValues = z.input<typeof assetCardForm>;

/** A new card starts with no category and no holder chosen (the selects show their placeholder). */
export const emptyCard: AssetCardValues = {
  name: '',
  category: undefined as unknown as AssetCategory,
  model: '',
  quantity: 1,
  unit: '台',
  funding: 'fiscal',
  acquiredOn: '',
  custodianId: null,
  location: '',
  note: '',
};

export const emptyAsset: AssetCreateValues = {
  ...emptyCard,
  valueFen: null as unknown as number,
  inServiceOn: null,
  lifeMonths: null,
  lifeUnit: 'year',
  holderClinicId: undefined as unknown as number,
};

export const categoryOptions = assetCategories.map((c) => ({ value: c, label: categoryLabels[c] }));
export const fundingOptions = assetFundings.filter((f) => f !== 'surplus').map((f) => ({ value: f, label: fundingLabels[f] }));

/** "医疗设备默认 5 年" for the life field's hint; `years` is the category's default from the settings (A4). */
export function defaultLifeText(category: AssetCategory | undefined, years: number | undefined): string {
  if (!category || !categoryInfo[category]) return '留空则按资产类别的默认年限（A4，可在“设置”中修改）';
  if (years === undefined || years === 0) return `${categoryInfo[category].label}：不提折旧`;
  return `留空则按“${categoryInfo[category].label}”默认 ${years} 年（A4，可在“设置”中修改）`;
}
