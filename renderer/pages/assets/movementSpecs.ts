/**
 * The movement dialogs of an asset card (A3): 调拨, 原值变动, 状态变更 and 处置 — each its
 * fields, the schema it is checked with (the core's movementInput, with 元 → 分 and the
 * 卫生院本部 choice converted first) and its starting values.
 */
import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';
import { todayIso } from '../../../shared/format';
import {
  assetStatusLabels,
  disposalLabels,
  disposalMethods,
  movementInput,
  settableStatuses,
  valueChangeLabels,
  valueChangeMethods,
  type AssetDetail,
} from '../../../shared/schemas/assets';
import type { FieldSpec } from '../../components/SpecForm';
import { CENTER_OPTION, checkedAs, holder, yuan } from './assetForm';
import type { Option } from './useAssetOptions';

export type MovementKindShown = 'transfer' | 'value_change' | 'status' | 'dispose';

interface MovementSpec {
  title: string;
  okText: string;
  intro: string;
  schema: z.ZodType<FieldValues>;
  fields: (a: AssetDetail, o: { holders: Option[]; people: Option[] }) => FieldSpec[];
  initial: (a: AssetDetail) => Record<string, unknown>;
}

const opts = (labels: Record<string, string>, keys: readonly string[]) => keys.map((k) => ({ value: k, label: labels[k] ?? k }));
const base = (a: AssetDetail) => ({ assetId: a.id, date: todayIso(), reason: '' });
/**
 * The kind's own fields (the core's variant) with the converted ones in front, then the core's
 * whole schema: every field is checked in the first stage, so one press of OK marks them all.
 */
const converted = (kind: MovementKindShown, shape: z.ZodRawShape) => {
  const variant = movementInput.options.find((o) => o.shape.kind.value === kind);
  return z.looseObject({ ...variant?.shape, ...shape }).pipe(checkedAs(movementInput)) as unknown as z.ZodType<FieldValues>;
};
const dateField = (label: string): FieldSpec => ({
  name: 'date',
  label,
  kind: 'date',
  required: true,
  extra: '不能早于该资产最近一次变动的日期',
});

export const movementSpecs: Record<MovementKindShown, MovementSpec> = {
  transfer: {
    title: '调拨',
    okText: '登记调拨',
    intro: '资产只能通过登记的调拨在单位之间移动（A3）；调出、调入双方签收人都要填写。',
    schema: converted('transfer', { toClinicId: holder('调入单位') }),
    fields: (a, o) => [
      dateField('调拨日期'),
      {
        name: 'toClinicId',
        label: '调入单位',
        kind: 'select',
        required: true,
        options: o.holders.filter((h) => h.value !== (a.holderClinicId ?? CENTER_OPTION)),
      },
      { name: 'reason', label: '调拨事由', kind: 'textarea', required: true },
      { name: 'sentBy', label: '调出方签收人', kind: 'text', required: true },
      { name: 'receivedBy', label: '调入方签收人', kind: 'text', required: true },
      { name: 'custodianId', label: '新保管人（可不填）', kind: 'select', options: o.people, extra: '不填则保管人不变' },
    ],
    initial: (a) => ({ ...base(a), kind: 'transfer', toClinicId: undefined, sentBy: '', receivedBy: '', custodianId: null }),
  },
  value_change: {
    title: '原值变动',
    okText: '登记变动',
    intro: '改良扩建、重新估价或价值调整。增加填正数，减少填负数；从变动当月起按新的原值计提折旧。',
    schema: converted('value_change', { deltaFen: yuan('变动金额') }),
    fields: () => [
      dateField('变动日期'),
      { name: 'method', label: '变动方式', kind: 'select', required: true, options: opts(valueChangeLabels, valueChangeMethods) },
      { name: 'deltaFen', label: '变动金额（元）', kind: 'money', signed: true, required: true, extra: '增加填正数，减少填负数' },
      {
        name: 'remainingMonths',
        label: '剩余使用月数（可不填）',
        kind: 'number',
        extra: '从变动当月起还能使用的月数；不填则使用年限不变。已提足折旧的资产增加原值时必须填写',
      },
      { name: 'reason', label: '变动事由', kind: 'textarea', required: true },
      { name: 'approvalNo', label: '批准文号', kind: 'text' },
    ],
    initial: (a) => ({ ...base(a), kind: 'value_change', method: undefined, deltaFen: null, remainingMonths: null, approvalNo: '' }),
  },
  status: {
    title: '状态变更',
    okText: '保存',
    intro: '在用、闲置、维修中、丢失待处理之间变更；报废、报损等请用“处置”。',
    schema: converted('status', {}),
    fields: (a) => [
      dateField('变更日期'),
      {
        name: 'status',
        label: '新的状态',
        kind: 'select',
        required: true,
        options: opts(
          assetStatusLabels,
          settableStatuses.filter((s) => s !== a.status),
        ),
      },
      { name: 'reason', label: '事由', kind: 'textarea' },
    ],
    initial: (a) => ({ ...base(a), kind: 'status', status: undefined }),
  },
  dispose: {
    title: '处置',
    okText: '登记处置',
    intro: '处置须先经批准（A3）。处置后资产退出台账，当月停止计提折旧，不能再登记变动；登记有误时可冲销更正。',
    schema: converted('dispose', {
      proceedsFen: yuan('处置收入')
        .nullable()
        .transform((f) => f ?? 0),
    }),
    fields: () => [
      dateField('处置日期'),
      { name: 'method', label: '处置方式', kind: 'select', required: true, options: opts(disposalLabels, disposalMethods) },
      { name: 'approvalNo', label: '批准文号', kind: 'text', required: true },
      { name: 'approvalDate', label: '批准日期', kind: 'date', required: true, extra: '不能晚于处置日期' },
      { name: 'proceedsFen', label: '处置收入（元）', kind: 'money', extra: '出售、报废残值等收入；没有可不填' },
      { name: 'reason', label: '事由', kind: 'textarea' },
    ],
    initial: (a) => ({
      ...base(a),
      kind: 'dispose',
      method: a.status === 'lost' ? 'loss' : undefined,
      approvalNo: '',
      approvalDate: null,
      proceedsFen: null,
    }),
  },
};
