/**
 * 药品库存 (issue 10 part 6): stock by place and drug as of a day — expired rows red, near
 * expiry orange (D5) — searched, sorted and exported like every list; a row opens its batches,
 * where a batch is returned to the center, transferred to another clinic or adjusted after a
 * stocktake. 登记使用 enters a clinic's month of use (D2), 过期销毁 disposes of the center's
 * expired batches with two witnesses and prints the record. Tabs: 进销存 (the month's ledger)
 * and 销毁记录.
 */
import { DeleteOutlined, FormOutlined } from '@ant-design/icons';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { Button, Segmented, Space } from 'antd';
import { useCallback, useState } from 'react';
import { chineseDate, todayIso, yuanText } from '../../../shared/format';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { PlaceFilter, StockRow } from '../../../shared/schemas/stock';
import { stockView } from '../../../shared/stockViews';
import { useMay } from '../../access';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { BatchDrawer } from './BatchDrawer';
import { DisposalDialog } from './DisposalDialog';
import { DisposalsTab } from './DisposalsTab';
import { LedgerTab } from './LedgerTab';
import { PlacePicker, useClinicOptions } from './PlacePicker';
import { UseEntry } from './UseEntry';
import './stock.css';

export type StockTab = 'stock' | 'ledger' | 'disposals';

export function StockPage(props: { initialFilters?: ColumnFiltersState; tab?: StockTab; onChanged: () => void }) {
  const may = useMay();
  const clinics = useClinicOptions();
  const [tab, setTab] = useState<StockTab>(props.tab ?? 'stock');
  const [place, setPlace] = useState<PlaceFilter>('all');
  const [asOf, setAsOf] = useState<string | null>(todayIso());
  const [open, setOpen] = useState<StockRow | null>(null);
  const [entering, setEntering] = useState(false);
  const [disposing, setDisposing] = useState(false);
  const [reload, setReload] = useState(0);
  const changed = () => {
    setReload((n) => n + 1);
    props.onChanged();
  };
  const day = asOf ?? todayIso();
  const fetchPage = useCallback((q: ListQuery) => call('stock.list', { ...q, place, asOf: day }), [place, day]);
  const exportView = useCallback((q: ExportViewInput) => call('stock.export', { ...q, place, asOf: day }), [place, day]);

  const tabs = (
    <Segmented<StockTab>
      value={tab}
      onChange={setTab}
      options={[
        { value: 'stock', label: '库存' },
        { value: 'ledger', label: '进销存' },
        { value: 'disposals', label: '销毁记录' },
      ]}
    />
  );
  return (
    <>
      {tab === 'stock' && (
        <DataTable<StockRow>
          testId="stock-table"
          printTitle={`药品库存（${place === 'all' ? '全乡镇' : place === 'center' ? '中心药库' : (clinics.find((c) => c.id === place)?.name ?? '')}，${chineseDate(day)}）`}
          view={stockView}
          fetchPage={fetchPage}
          exportView={exportView}
          rowKey={(r) => r.id}
          reloadKey={`${reload}-${String(place)}-${day}`}
          initialFilters={props.initialFilters}
          rowClassName={(r) => (r.expiry === 'expired' ? 'stock-expired' : r.expiry === 'near' ? 'stock-near' : '')}
          renderCell={{ amountFen: (r) => yuanText(r.amountFen) }}
          onRowOpen={setOpen}
          toolbar={
            <Space wrap>
              {tabs}
              <span className="inline-field">
                <label htmlFor="stock-place">存放地点</label>
                <PlacePicker id="stock-place" value={place} onChange={setPlace} clinics={clinics} />
              </span>
              <span className="inline-field">
                <label htmlFor="stock-asof">截至</label>
                <DateInput id="stock-asof" value={asOf} allowClear={false} onChange={setAsOf} />
              </span>
              {may('write') && (
                <>
                  <Button icon={<FormOutlined />} onClick={() => setEntering(true)} data-testid="use-entry-open">
                    登记使用
                  </Button>
                  <Button icon={<DeleteOutlined />} onClick={() => setDisposing(true)} data-testid="dispose-open">
                    过期销毁
                  </Button>
                </>
              )}
              <span>双击一行（或按回车）查看批次，可退回中心、调剂或盘点调整</span>
            </Space>
          }
        />
      )}
      {tab === 'ledger' && <LedgerTab tabs={tabs} clinics={clinics} />}
      {tab === 'disposals' && <DisposalsTab tabs={tabs} reloadKey={reload} />}
      {open && <BatchDrawer row={open} asOf={day} clinics={clinics} onClose={() => setOpen(null)} onChanged={changed} />}
      {entering && <UseEntry clinics={clinics} onClose={() => setEntering(false)} onChanged={changed} />}
      {disposing && <DisposalDialog onClose={() => setDisposing(false)} onChanged={changed} />}
    </>
  );
}
