/**
 * 配送 (issue 10 part 5): choose the requisition month and the delivery day, preview what FEFO
 * will send to whom and what is short (D4), then 确认配送 — one transaction for the whole month.
 * Past deliveries per clinic print their 配送单; a month's notes print as one batch. The
 * shortage register lists every shortage recorded.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Popconfirm, Segmented, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { deliveryView, shortageView } from '../../../shared/deliveryViews';
import { todayIso, yuanText } from '../../../shared/format';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { DeliveryPlan, DeliveryRow, ShortageRow } from '../../../shared/schemas/deliveries';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { DeliveryNotesPrint } from './DeliveryNotesPrint';
import { DeliveryPlanTable } from './DeliveryPlanTable';

type Tab = 'run' | 'list' | 'shortages';

export function DeliveriesPage(props: { onChanged: () => void }) {
  const may = useMay();
  const [tab, setTab] = useState<Tab>('run');
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [day, setDay] = useState<string | null>(todayIso());
  const [plan, setPlan] = useState<DeliveryPlan | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState<{ id: number } | { month: string } | null>(null);
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState('');

  const preview = async () => {
    if (!day) return setError('请选择配送日期');
    setBusy(true);
    setError('');
    setDone('');
    try {
      setPlan(await call('deliveries.preview', { month, deliveredOn: day }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    if (!day) return;
    setBusy(true);
    try {
      const out = await call('deliveries.run', { month, deliveredOn: day });
      setPlan(null);
      setReload((n) => n + 1);
      props.onChanged();
      // Said on the page, not in a toast: the 配送单 open at once for printing, and a toast would reach the paper.
      setDone(`已配送：${out.deliveryIds.length} 张配送单，登记短缺 ${out.shortages} 项。配送单已打开，可直接打印。`);
      setPrinting({ month });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const listPage = useCallback((q: ListQuery) => call('deliveries.list', q), []);
  const listExport = useCallback((q: ExportViewInput) => call('deliveries.export', q), []);
  const shortPage = useCallback((q: ListQuery) => call('shortages.list', q), []);
  const shortExport = useCallback((q: ExportViewInput) => call('shortages.export', q), []);
  const tabs = (
    <Segmented<Tab>
      value={tab}
      onChange={setTab}
      options={[
        { value: 'run', label: '按月配送' },
        { value: 'list', label: '配送记录' },
        { value: 'shortages', label: '短缺登记' },
      ]}
    />
  );
  const pickers = (
    <Space wrap>
      <span className="inline-field">
        <label htmlFor="delivery-month">需求月份</label>
        <DatePicker
          picker="month"
          id="delivery-month"
          allowClear={false}
          format="YYYY年M月"
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && (setMonth(d.format('YYYY-MM')), setPlan(null))}
        />
      </span>
      <span className="inline-field">
        <label htmlFor="delivery-date">配送日期</label>
        <DateInput id="delivery-date" value={day} allowClear={false} onChange={(v) => (setDay(v), setPlan(null))} />
      </span>
    </Space>
  );

  return (
    <>
      {tab === 'run' && (
        <div>
          <Space wrap style={{ marginBottom: 12 }}>
            {tabs}
            {pickers}
            <Button loading={busy} onClick={() => void preview()} data-testid="delivery-preview">
              预览配送
            </Button>
            {plan && plan.clinics.length > 0 && may('write') && (
              <Popconfirm
                title={`确认按预览配送 ${plan.clinics.length} 个卫生室？`}
                okText="确认配送"
                cancelText="取消"
                onConfirm={() => void run()}
              >
                <Button type="primary" loading={busy} data-testid="delivery-run">
                  确认配送
                </Button>
              </Popconfirm>
            )}
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting({ month })} data-testid="print-month">
              打印本月全部配送单
            </Button>
          </Space>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="delivery-error" />}
          {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} data-testid="delivery-done" />}
          {!plan && !error && (
            <p className="hint">
              选好需求月份和配送日期，点“预览配送”：各卫生室已批准的请领按先到期先出（FEFO）从中心药库的批次中分配，配不足的列为短缺；核对后“确认配送”，生成每个卫生室的配送单。
            </p>
          )}
          {plan && (
            <>
              <Space size="large" style={{ marginBottom: 8 }}>
                <Statistic title="卫生室" value={plan.clinics.length} />
                <Statistic title="配送（包装）" value={plan.servedPacks} />
                <Statistic title="金额" value={yuanText(plan.amountFen)} />
                <Statistic title="短缺（包装）" value={plan.shortPacks} styles={{ content: plan.shortPacks ? { color: '#cf1322' } : {} }} />
              </Space>
              {plan.notApproved > 0 && (
                <Alert
                  type="warning"
                  title={`另有 ${plan.notApproved} 份需求计划待审批或未提交，批准后才能配送（D3）`}
                  style={{ marginBottom: 8 }}
                />
              )}
              {plan.clinics.length === 0 ? (
                <Alert
                  type="info"
                  title={plan.approvedRequisitions === 0 ? '这个月没有已批准的需求计划' : '这个月已批准的需求都已配送或登记为短缺'}
                />
              ) : (
                <DeliveryPlanTable plan={plan} />
              )}
            </>
          )}
        </div>
      )}
      {tab === 'list' && (
        <DataTable<DeliveryRow>
          testId="deliveries-table"
          view={deliveryView}
          fetchPage={listPage}
          exportView={listExport}
          rowKey={(r) => r.id}
          reloadKey={reload}
          renderCell={{
            amountFen: (r) => yuanText(r.amountFen),
            number: (r) => (
              <a onClick={() => setPrinting({ id: r.id })} title="打印配送单">
                {r.number}
              </a>
            ),
          }}
          onRowOpen={(r) => setPrinting({ id: r.id })}
          toolbar={
            <Space wrap>
              {tabs}
              <span>点配送单号打印该张配送单</span>
            </Space>
          }
        />
      )}
      {tab === 'shortages' && (
        <DataTable<ShortageRow>
          testId="shortages-table"
          view={shortageView}
          fetchPage={shortPage}
          exportView={shortExport}
          rowKey={(r) => r.id}
          reloadKey={reload}
          toolbar={tabs}
        />
      )}
      {printing && <DeliveryNotesPrint query={printing} onClose={() => setPrinting(null)} />}
    </>
  );
}
