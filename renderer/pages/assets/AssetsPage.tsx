import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { Button, Segmented, Space, message } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { assetView } from '../../../shared/assetViews';
import { todayIso } from '../../../shared/format';
import type { AssetRow } from '../../../shared/schemas/assets';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import type { Route } from '../../router';
import { labelsRoute } from '../labels/labelQuery';
import { AssetCreateDrawer } from './AssetCreateDrawer';
import { AssetDrawer } from './AssetDrawer';
import { assetCells, assetRowClass } from './assetCells';
import { useMay } from '../../access';

export type AssetTab = 'ledger' | 'uncounted';

/**
 * 固定资产: the ledger as of a date (today unless chosen; A3 "what each clinic held on any
 * day"), or the assets not stocktaken in the last 12 months. A row opens its card.
 */
export function AssetsPage(props: { initialFilters?: ColumnFiltersState; tab?: AssetTab; go: (r: Route) => void; onChanged: () => void }) {
  const may = useMay();
  const [tab, setTab] = useState<AssetTab>(props.tab ?? 'ledger');
  const [asOf, setAsOf] = useState(todayIso());
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  const query = useRef<ListQuery>({});
  const fetchPage = useCallback(
    (q: ListQuery) => (tab === 'ledger' ? call('assets.list', { ...q, asOf }) : call('assets.uncounted', q)),
    [tab, asOf],
  );
  const exportView = useCallback((q: ExportViewInput) => call('assets.export', { ...q, asOf }), [asOf]);
  const onQueryChange = useCallback((q: ListQuery) => {
    query.current = q;
  }, []);
  const changed = () => {
    setReload((n) => n + 1);
    props.onChanged();
  };

  const toolbar = (
    <Space wrap>
      <Segmented<AssetTab>
        value={tab}
        onChange={setTab}
        options={[
          { value: 'ledger', label: '资产台账' },
          { value: 'uncounted', label: '超过12个月未盘点' },
        ]}
      />
      {tab === 'ledger' && (
        <span className="inline-field">
          <label htmlFor="asset-as-of">台账日期</label>
          <DateInput id="asset-as-of" value={asOf} allowClear={false} onChange={(v) => setAsOf(v ?? todayIso())} />
        </span>
      )}
      {may('write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新增资产
        </Button>
      )}
      <Button
        icon={<PrinterOutlined />}
        onClick={() => props.go(labelsRoute({ ...query.current, asOf: tab === 'ledger' ? asOf : undefined }))}
      >
        打印标签
      </Button>
    </Space>
  );

  return (
    <>
      <DataTable<AssetRow>
        key={tab}
        testId="assets-table"
        view={assetView}
        fetchPage={fetchPage}
        exportView={tab === 'ledger' ? exportView : undefined}
        rowKey={(r) => r.id}
        reloadKey={`${reload}-${asOf}`}
        initialFilters={props.initialFilters}
        onQueryChange={onQueryChange}
        onRowOpen={(r) => setOpenId(r.id)}
        rowClassName={assetRowClass}
        renderCell={{
          ...assetCells,
          code: (r) => <a onClick={() => setOpenId(r.id)}>{r.code}</a>,
          name: (r) => <a onClick={() => setOpenId(r.id)}>{r.name}</a>,
        }}
        toolbar={toolbar}
      />
      <AssetCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          changed();
          void message.success(`已入账：${a.code} ${a.name}`);
          setOpenId(a.id);
        }}
      />
      <AssetDrawer assetId={openId} onClose={() => setOpenId(null)} onChanged={changed} />
    </>
  );
}
