/**
 * The inputs a return asks for on the 上报报表 page (shared/schemas/app.ts returnParams): the
 * day its figures are taken as of, a period, the township or one unit, a stocktake, a month,
 * a quarter.
 */
import { DatePicker, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { ReturnParamKind } from '../../../shared/schemas/app';
import { DateInput } from '../../components/DateInput';

/** What the clerk chose; `scope` is 'all' (全乡镇), 'center' (卫生院本部) or a clinic's id. */
export interface ParamState {
  asOf: string | null;
  from: string | null;
  to: string | null;
  scope: 'all' | 'center' | number;
  stocktakeId: number | null;
  /** 'YYYY-MM'. */
  month: string;
  /** 'YYYYQn'. */
  quarter: string;
  /** P7: the pool to share, in 元 as typed. */
  poolYuan: string;
  /** P4: the re-check's half-year, 'YYYYHn'. */
  half: string;
}

/** The quarter a day falls in, as returns name it: 2026Q4. */
export function quarterOf(day: dayjs.Dayjs): string {
  return `${day.year()}Q${Math.floor(day.month() / 3) + 1}`;
}

export function initialParams(): ParamState {
  const now = dayjs();
  const today = now.format('YYYY-MM-DD');
  return {
    asOf: today,
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    scope: 'all',
    stocktakeId: null,
    month: now.format('YYYY-MM'),
    quarter: quarterOf(now),
    poolYuan: '',
    // The county re-checks the half-year just ended.
    half: now.month() < 6 ? `${now.year() - 1}H2` : `${now.year()}H1`,
  };
}

/** The last eight quarters, newest first, for the quarter picker. */
function quarterOptions(): Option<string>[] {
  const out: Option<string>[] = [];
  let d = dayjs();
  for (let i = 0; i < 8; i++, d = d.subtract(3, 'month')) {
    const q = quarterOf(d);
    out.push({ value: q, label: `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(5)) - 1]}季度` });
  }
  return out;
}

export interface Option<V> {
  value: V;
  label: string;
}

/** The call's parameters for the kinds a return takes; an empty date is left out for the core to name. */
export function paramsFor(
  kinds: readonly ReturnParamKind[],
  p: ParamState,
): {
  asOf?: string;
  from?: string;
  to?: string;
  clinicId?: number | null;
  stocktakeId?: number;
  month?: string;
  quarter?: string;
  poolYuan?: string;
  half?: string;
} {
  return {
    ...(kinds.includes('asOf') && p.asOf ? { asOf: p.asOf } : {}),
    ...(kinds.includes('period') && p.from ? { from: p.from } : {}),
    ...(kinds.includes('period') && p.to ? { to: p.to } : {}),
    ...(kinds.includes('clinic') && p.scope !== 'all' ? { clinicId: p.scope === 'center' ? null : p.scope } : {}),
    ...(kinds.includes('stocktake') && p.stocktakeId !== null ? { stocktakeId: p.stocktakeId } : {}),
    ...(kinds.includes('month') ? { month: p.month } : {}),
    ...(kinds.includes('quarter') ? { quarter: p.quarter } : {}),
    ...(kinds.includes('pool') && p.poolYuan.trim() ? { poolYuan: p.poolYuan.trim() } : {}),
    ...(kinds.includes('half') ? { half: p.half } : {}),
  };
}

function Labelled(props: { label: string; children: ReactNode }) {
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{props.label}</Typography.Text>
      {props.children}
    </Space>
  );
}

export function ReturnParams(props: {
  name: string;
  kinds: readonly ReturnParamKind[];
  value: ParamState;
  onChange: (v: ParamState) => void;
  clinics: Option<number>[];
  stocktakes: Option<number>[];
}) {
  const { kinds, value: p, onChange, name } = props;
  if (kinds.length === 0) return null;
  const set = (patch: Partial<ParamState>) => onChange({ ...p, ...patch });
  return (
    <Space wrap size="middle" style={{ marginTop: 8 }} data-testid={`return-params-${name}`}>
      {kinds.includes('asOf') && (
        <Labelled label="统计日期">
          <DateInput id={`${name}-as-of`} value={p.asOf} allowClear={false} onChange={(v) => set({ asOf: v })} />
        </Labelled>
      )}
      {kinds.includes('period') && (
        <Labelled label="统计期间">
          <DateInput id={`${name}-from`} value={p.from} onChange={(v) => set({ from: v })} />
          <span>至</span>
          <DateInput id={`${name}-to`} value={p.to} onChange={(v) => set({ to: v })} />
        </Labelled>
      )}
      {kinds.includes('month') && (
        <Labelled label="统计月份">
          <DatePicker
            picker="month"
            id={`${name}-month`}
            allowClear={false}
            format="YYYY年M月"
            value={dayjs(`${p.month}-01`)}
            onChange={(d) => d && set({ month: d.format('YYYY-MM') })}
          />
        </Labelled>
      )}
      {kinds.includes('quarter') && (
        <Labelled label="季度">
          <Select
            aria-label="季度"
            style={{ width: 160 }}
            value={p.quarter}
            onChange={(v: string) => set({ quarter: v })}
            options={quarterOptions()}
          />
        </Labelled>
      )}
      {kinds.includes('half') && (
        <Labelled label="半年">
          <Select
            aria-label="半年"
            style={{ width: 160 }}
            value={p.half}
            onChange={(v: string) => set({ half: v })}
            options={[0, 1, 2, 3].map((i) => {
              const year = dayjs().year() - Math.floor(i / 2);
              const h = i % 2 === 0 ? 2 : 1;
              return { value: `${year}H${h}`, label: `${year}年${h === 1 ? '上' : '下'}半年` };
            })}
          />
        </Labelled>
      )}
      {kinds.includes('pool') && (
        <Labelled label="资金总额">
          <Input
            aria-label="资金总额"
            id={`${name}-pool`}
            style={{ width: 160 }}
            suffix="元"
            placeholder="如 50000"
            value={p.poolYuan}
            onChange={(e) => set({ poolYuan: e.target.value })}
          />
        </Labelled>
      )}
      {kinds.includes('clinic') && (
        <Labelled label="范围">
          <Select
            aria-label="范围"
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={p.scope}
            onChange={(v: ParamState['scope']) => set({ scope: v })}
            options={[{ value: 'all', label: '全乡镇（按单位小计）' }, { value: 'center', label: '卫生院本部' }, ...props.clinics]}
          />
        </Labelled>
      )}
      {kinds.includes('stocktake') && (
        <Labelled label="盘点">
          <Select
            aria-label="盘点"
            style={{ width: 320 }}
            placeholder={props.stocktakes.length ? '请选择盘点' : '还没有盘点记录'}
            value={p.stocktakeId ?? undefined}
            onChange={(v: number) => set({ stocktakeId: v })}
            options={props.stocktakes}
          />
        </Labelled>
      )}
    </Space>
  );
}
