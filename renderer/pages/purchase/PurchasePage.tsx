/**
 * 采购计划 (issue 10 part 3; D1, D9): for a month, the approved requisitions aggregated per drug
 * with the center's own lines (添加卫生院自购, 删除), totals, the requisitions not in it (held,
 * drafts) named, and two exports — 药品采购计划表 (the county-style return with signatures) and
 * the platform upload file (a plain header in the column order of the setting, edited below).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, InputNumber, Popconfirm, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { todayIso, yuanText } from '../../../shared/format';
import { purchaseView } from '../../../shared/requisitionViews';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { PurchasePlan, PurchaseRow } from '../../../shared/schemas/requisitions';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { saveFile } from '../../download';
import { DrugPicker, type PickedDrug } from '../receipts/DrugPicker';
import { ColumnOrder } from './ColumnOrder';

export function PurchasePage(props: { onChanged: () => void }) {
  const may = useMay();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [plan, setPlan] = useState<PurchasePlan | null>(null);
  const [reload, setReload] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [drug, setDrug] = useState<PickedDrug | null>(null);
  const [packs, setPacks] = useState<number | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    call('purchase.plan', { month }).then(setPlan, (e: unknown) => setError(errorMessage(e)));
  }, [month, reload]);
  const fetchPage = useCallback((q: ListQuery) => call('purchase.list', { ...q, month }), [month]);
  const exportView = useCallback((q: ExportViewInput) => call('purchase.export', { ...q, month }), [month]);
  const changed = (p: PurchasePlan) => {
    setPlan(p);
    setReload((n) => n + 1);
    props.onChanged();
  };
  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await what();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const addOwn = () =>
    run(async () => {
      if (!drug) throw new Error('请先选择药品（输入药名、编码或厂家查找）');
      if (!packs || packs < 1) throw new Error('请填写采购数量（以包装单位计，至少 1）');
      changed(await call('purchase.saveExtra', { month, drugId: drug.id, packs, note }));
      setDrug(null);
      setPacks(null);
      setNote('');
    });

  return (
    <>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
        <span className="inline-field">
          <label htmlFor="purchase-month">计划月份</label>
          <DatePicker
            picker="month"
            id="purchase-month"
            allowClear={false}
            format="YYYY年M月"
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </span>
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          data-testid="purchase-return"
          onClick={() => void run(async () => saveFile(await call('returns.export', { name: 'purchase-plan', month })))}
        >
          导出药品采购计划表
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          data-testid="purchase-upload"
          onClick={() => void run(async () => saveFile(await call('purchase.upload', { month })))}
        >
          导出平台上传文件
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="purchase-error" />}
      {plan && (
        <>
          <Space size="large" wrap style={{ display: 'flex', marginBottom: 8 }} data-testid="purchase-totals">
            <Statistic title="药品" value={`${plan.totals.drugs} 种`} />
            <Statistic title="采购数量（包装）" value={plan.totals.packs} />
            <Statistic title="金额" value={yuanText(plan.totals.amountFen)} />
            <Statistic title="已批准请领单" value={`${plan.totals.clinics} 份`} />
          </Space>
          {(plan.held.length > 0 || plan.drafts.length > 0) && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="以下请领单未批准，不计入采购计划（D9）"
              description={[
                plan.held.length > 0 ? `待审批：${plan.held.join('、')}` : '',
                plan.drafts.length > 0 ? `草稿（未提交）：${plan.drafts.join('、')}` : '',
              ]
                .filter(Boolean)
                .join('；')}
            />
          )}
        </>
      )}
      {may('write') && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <div style={{ flex: 1 }}>
            <DrugPicker id="purchase-drug" value={drug} onChange={setDrug} />
          </div>
          <InputNumber
            id="purchase-packs"
            aria-label="卫生院自购数量"
            placeholder="自购数量"
            min={1}
            precision={0}
            style={{ width: 120 }}
            value={packs}
            onChange={(v) => setPacks(v === null ? null : Number(v))}
            onPressEnter={() => void addOwn()}
          />
          <Input
            aria-label="备注"
            placeholder="备注"
            style={{ width: 200 }}
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button loading={busy} onClick={() => void addOwn()} data-testid="purchase-add">
            添加卫生院自购
          </Button>
        </Space.Compact>
      )}
      <DataTable<PurchaseRow>
        testId="purchase-table"
        printTitle={`药品采购计划（${dayjs(`${month}-01`).format('YYYY年M月')}）`}
        view={purchaseView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => r.drugId}
        reloadKey={`${reload}-${month}`}
        renderCell={{
          essential: (r) => (r.essential ? '是' : '否'),
          priceFen: (r) => yuanText(r.priceFen),
          amountFen: (r) => yuanText(r.amountFen),
          extraPacks: (r) =>
            r.extraId !== null && may('write') ? (
              <Space size={4}>
                {r.extraPacks}
                <Popconfirm
                  title={`删除卫生院自购的 ${r.genericName}？`}
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() => void run(async () => changed(await call('purchase.removeExtra', { id: r.extraId ?? 0 })))}
                >
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ) : (
              r.extraPacks || ''
            ),
        }}
      />
      {plan && <ColumnOrder columns={plan.columns} onSaved={() => setReload((n) => n + 1)} />}
    </>
  );
}
