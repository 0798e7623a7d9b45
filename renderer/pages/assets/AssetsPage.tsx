import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { Button, Segmented, Space, Typography, message } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { assetView } from '../../../shared/assetViews';
import { chineseDate, todayIso } from '../../../shared/format';
import type { AssetRow, AssetStatus } from '../../../shared/schemas/assets';
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
 * Which cards the ledger lists (issue 12 "Also"): 在账 by default — the count the home page
 * shows —, the disposed and voided ones apart, or all (those greyed, with a legend).
 */
type Scope = 'held' | 'gone' | 'all';
const scopeStatuses: Record<Scope, AssetStatus[] | null> = {
  held: ['in_use', 'idle', 'repair', 'lost'],
  gone: ['disposed', 'void'],
  all: null,
};
function withScope<Q extends ListQuery>(q: Q, scope: Scope): Q {
  const statuses = scopeStatuses[scope];
  return statuses ? { ...q, filters: [...(q.filters ?? []), { id: 'status', value: statuses }] } : q;
}

/**
 * 固定资产: the ledger as of a date (today unless chosen; A3 "what each clinic held on any
 * day"), or the assets not stocktaken in the last 12 months. A row opens its card.
 */
export function AssetsPage(props: { initialFilters?: ColumnFiltersState; tab?: AssetTab; go: (r: Route) => void; onChanged: () => void }) {
  const may = useMay();
  const [tab, setTab] = useState<AssetTab>(props.tab ?? 'ledger');
  const [asOf, setAsOf] = useState(todayIso());
  const [scope, setScope] = useState<Scope>('held');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  const query = useRef<ListQuery>({});
  const fetchPage = useCallback(
    (q: ListQuery) => (tab === 'ledger' ? call('assets.list', { ...withScope(q, scope), asOf }) : call('assets.uncounted', q)),
    [tab, asOf, scope],
  );
  const exportView = useCallback((q: ExportViewInput) => call('assets.export', { ...withScope(q, scope), asOf }), [asOf, scope]);
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
      {tab === 'ledger' && (
        <Segmented<Scope>
          data-testid="asset-scope"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'held', label: '在账' },
            { value: 'gone', label: '已处置' },
            { value: 'all', label: '全部' },
          ]}
        />
      )}
      {tab === 'ledger' && scope !== 'held' && (
        <Typography.Text type="secondary" data-testid="asset-scope-legend">
          <span style={{ color: '#999' }}>灰色</span>的行已处置或作废，不在账；首页只计在账资产
        </Typography.Text>
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
        printTitle={
          tab === 'ledger'
            ? `固定资产台账（${{ held: '在账', gone: '已处置', all: '全部' }[scope]}，${chineseDate(asOf)}）`
            : '超过12个月未盘点的固定资产'
        }
        view={assetView}
        fetchPage={fetchPage}
        exportView={tab === 'ledger' ? exportView : undefined}
        rowKey={(r) => r.id}
        reloadKey={`${reload}-${asOf}-${scope}`}
        initialFilters={props.initialFilters}
        onQueryChange={onQueryChange}
        onRowOpen={(r) => setOpenId(r.id)}
        rowClassName={(r) => (r.status === 'void' ? 'row-closed' : assetRowClass(r))}
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
