import type { ColumnFiltersState } from '@tanstack/react-table';
import { Segmented, Space } from 'antd';
import { useCallback, useState } from 'react';
import { drugView } from '../../../shared/drugViews';
import { todayIso, yuanText } from '../../../shared/format';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { DrugRow } from '../../../shared/schemas/drugs';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { DrugDrawer } from './DrugDrawer';
import { EditionsTab } from './EditionsTab';
import { EssentialTag } from './essentialTag';
import { SettleTab } from './SettleTab';

export type DrugTab = 'catalog' | 'settle' | 'editions';

/**
 * 药品目录 (issue 10, part 1): the catalog with the essential status in force on a chosen date
 * (D8), the drugs whose status is doubtful for the clerk to settle, and the editions of the
 * essential list with the upload of a new one. A row opens the drug with its price history.
 */
export function DrugsPage(props: { initialFilters?: ColumnFiltersState; tab?: DrugTab; onChanged: () => void }) {
  const [tab, setTab] = useState<DrugTab>(props.tab ?? 'catalog');
  const [asOf, setAsOf] = useState(todayIso());
  const [openId, setOpenId] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  const fetchPage = useCallback((q: ListQuery) => call('drugs.list', { ...q, asOf }), [asOf]);
  const exportView = useCallback((q: ExportViewInput) => call('drugs.export', { ...q, asOf }), [asOf]);
  const changed = () => {
    setReload((n) => n + 1);
    props.onChanged();
  };
  const tabs = (
    <Segmented<DrugTab>
      value={tab}
      onChange={setTab}
      options={[
        { value: 'catalog', label: '药品目录' },
        { value: 'settle', label: '待核定基药' },
        { value: 'editions', label: '基本药物目录' },
      ]}
    />
  );
  return (
    <>
      {tab === 'catalog' && (
        <DataTable<DrugRow>
          testId="drugs-table"
          view={drugView}
          fetchPage={fetchPage}
          exportView={exportView}
          rowKey={(r) => r.id}
          reloadKey={`${reload}-${asOf}`}
          initialFilters={props.initialFilters}
          onRowOpen={(r) => setOpenId(r.id)}
          renderCell={{
            genericName: (r) => <a onClick={() => setOpenId(r.id)}>{r.genericName}</a>,
            priceFen: (r) => yuanText(r.priceFen),
            essential: (r) => <EssentialTag status={r.essential} />,
          }}
          toolbar={
            <Space wrap>
              {tabs}
              <span className="inline-field">
                <label htmlFor="drug-as-of">基药判定日期</label>
                <DateInput id="drug-as-of" value={asOf} allowClear={false} onChange={(v) => setAsOf(v ?? todayIso())} />
              </span>
            </Space>
          }
        />
      )}
      {tab === 'settle' && <SettleTab toolbar={tabs} reloadKey={reload} onOpen={setOpenId} onChanged={changed} />}
      {tab === 'editions' && <EditionsTab toolbar={tabs} reloadKey={reload} onChanged={changed} />}
      <DrugDrawer drugId={openId} asOf={asOf} onClose={() => setOpenId(null)} onChanged={changed} />
    </>
  );
}
