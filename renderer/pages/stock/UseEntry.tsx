/**
 * 登记使用: a clinic's use for a month, typed from its paper 月报. Every drug the clinic can use
 * that month is a row with what it holds; the clerk types packs used (Enter goes to the next
 * row) and the sale price, prefilled with the purchase price of the batch FEFO takes first (D2:
 * any other price is refused, naming the row). A drug held at two prices shows both: the first
 * row's packs come from the earlier batch; use beyond it is refused with what to do. Nothing is
 * written unless every line is accepted; closing with typed figures asks first.
 */
import { Alert, App as AntApp, Button, DatePicker, Drawer, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { fenToAmount, todayIso, yuanText } from '../../../shared/format';
import type { useSheetRow } from '../../../shared/schemas/stock';
import { ApiError, call, errorMessage } from '../../api';
import type { ClinicOption } from './PlacePicker';

type SheetRow = z.infer<typeof useSheetRow>;

function previousMonth(): string {
  return dayjs(todayIso()).subtract(1, 'month').format('YYYY-MM');
}

/** 12.5, 12.50, ¥12.50 → 1250 分; null when it is not an amount. */
function parseYuan(text: string): number | null {
  const t = text.replace(/[¥￥元,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export function UseEntry(props: { clinics: ClinicOption[]; onClose: () => void; onChanged: () => void }) {
  const { message, modal } = AntApp.useApp();
  const open = props.clinics.filter((c) => c.status === 'open');
  const [clinicId, setClinicId] = useState<number | null>(open[0]?.id ?? null);
  const [month, setMonth] = useState(previousMonth());
  const [rows, setRows] = useState<SheetRow[] | null>(null);
  const [packs, setPacks] = useState<Record<number, string>>({});
  const [prices, setPrices] = useState<Record<number, string>>({});
  const [error, setError] = useState('');
  const [badDrug, setBadDrug] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const dirty = Object.values(packs).some((v) => v.trim() !== '');

  useEffect(() => {
    if (clinicId === null) return;
    setRows(null);
    setError('');
    call('stock.useSheet', { clinicId, month }).then(
      (r) => {
        setRows(r);
        setPacks({});
        setPrices(Object.fromEntries(r.map((x) => [x.drugId, fenToAmount(x.priceFen)])));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [clinicId, month]);

  const close = () => {
    if (!dirty) return props.onClose();
    modal.confirm({ title: '已填写的使用数量还没有保存，确定关闭？', okText: '关闭，不保存', cancelText: '继续填写', onOk: props.onClose });
  };

  const save = async () => {
    if (clinicId === null || !rows) return;
    const lines: { drugId: number; packs: number; salePriceFen: number }[] = [];
    for (const r of rows) {
      const text = (packs[r.drugId] ?? '').trim();
      if (text === '') continue;
      const n = Number(text);
      const price = parseYuan(prices[r.drugId] ?? '');
      const name = `${r.genericName} ${r.spec}`;
      if (!Number.isInteger(n) || n <= 0)
        return (setBadDrug(r.drugId), setError(`${name}：使用数量应为大于 0 的整数（以${r.packUnit || '包装'}计）`));
      if (price === null) return (setBadDrug(r.drugId), setError(`${name}：销售价应为金额，如 12.50`));
      lines.push({ drugId: r.drugId, packs: n, salePriceFen: price });
    }
    if (lines.length === 0) return setError('请至少填写一种药品的使用数量');
    setBusy(true);
    setError('');
    setBadDrug(null);
    try {
      const r = await call('stock.recordUse', { clinicId, month, lines });
      void message.success(`已登记使用 ${lines.length} 种药品，共 ${r.packs} 个包装，金额 ${yuanText(r.amountFen)}`);
      props.onChanged();
      props.onClose();
    } catch (e) {
      // The core names the line (lines.3.salePriceFen): mark that drug's row.
      const field = e instanceof ApiError ? e.body.field : undefined;
      const i = field ? Number(/^lines\.(\d+)/.exec(field)?.[1]) : NaN;
      setBadDrug(Number.isInteger(i) ? (lines[i]?.drugId ?? null) : null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const [y, m] = month.split('-');
  return (
    <Drawer
      open
      size={980}
      title="登记村卫生室药品使用（月报）"
      onClose={close}
      extra={
        <Button type="primary" loading={busy} disabled={!rows || rows.length === 0} onClick={() => void save()} data-testid="use-save">
          保存使用
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="inline-field">
          <label htmlFor="use-clinic">村卫生室</label>
          <Select
            id="use-clinic"
            style={{ minWidth: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={clinicId ?? undefined}
            onChange={setClinicId}
            options={open.map((c) => ({ value: c.id, label: c.name }))}
          />
        </span>
        <span className="inline-field">
          <label htmlFor="use-month">月份</label>
          <DatePicker
            id="use-month"
            picker="month"
            allowClear={false}
            format="YYYY年M月"
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </span>
        <span>
          记为 {y}年{Number(m)}月最后一天的使用，按先到期先用从本卫生室的批次扣减；销售价须等于进价（零加成，D2）
        </span>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="use-error" />}
      {rows && rows.length === 0 && <Alert type="info" title="这个卫生室在该月末没有可用的药品库存" />}
      {rows && rows.length > 0 && (
        <table className="use-entry-table" data-testid="use-table">
          <thead>
            <tr>
              <th>平台编码</th>
              <th>药品名称</th>
              <th>规格</th>
              <th>单位</th>
              <th className="num">月末结存</th>
              <th className="num">本月已登记</th>
              <th className="num" style={{ width: 110 }}>
                本月使用
              </th>
              <th className="num" style={{ width: 110 }}>
                销售价（元）
              </th>
              <th>提示</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.drugId} className={badDrug === r.drugId ? 'use-entry-bad' : ''}>
                <td>{r.platformCode}</td>
                <td>{r.genericName}</td>
                <td>{r.spec}</td>
                <td>{r.packUnit}</td>
                <td className="num">{r.onHand}</td>
                <td className="num">{r.usedThisMonth || ''}</td>
                <td>
                  <input
                    aria-label={`${r.genericName} 本月使用`}
                    data-testid={`use-packs-${r.platformCode}`}
                    inputMode="numeric"
                    ref={(el) => {
                      inputs.current[i] = el;
                    }}
                    value={packs[r.drugId] ?? ''}
                    onChange={(e) => setPacks({ ...packs, [r.drugId]: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === 'ArrowDown') inputs.current[i + 1]?.focus();
                      if (e.key === 'ArrowUp') inputs.current[i - 1]?.focus();
                    }}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${r.genericName} 销售价`}
                    value={prices[r.drugId] ?? ''}
                    onChange={(e) => setPrices({ ...prices, [r.drugId]: e.target.value })}
                  />
                </td>
                <td>
                  {r.otherPrices.length > 0
                    ? `另有进价 ${r.otherPrices.map(fenToAmount).join('、')} 元的批次：先登记先到期批次的数量并保存，其余再按新进价登记`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Drawer>
  );
}
