import type { ColumnFiltersState } from '@tanstack/react-table';
import { Segmented, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { vbpCoverView, vbpVolumeView } from '../../../shared/drugWatchViews';
import { chineseDate, todayIso } from '../../../shared/format';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { VbpCoverRow, VbpVolumeRow } from '../../../shared/schemas/drugWatch';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { VolumeEditor } from './VolumeEditor';

export type VbpTab = 'cover' | 'volume';

/**
 * 集采药品 (D6, issue 10 part 7): each 集采 drug at each clinic with its stock and how many
 * months it lasts at the clinic's recent use (flagged below the setting 集采药品最低保障), and
 * each drug's agreed annual volume against what the center has received this year — the
 * volume the clerk enters here, per drug.
 */
export function VbpPage(props: { initialFilters?: ColumnFiltersState; tab?: VbpTab; onChanged: () => void }) {
  const [tab, setTab] = useState<VbpTab>(props.tab ?? 'cover');
  const [asOf, setAsOf] = useState(todayIso());
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<VbpVolumeRow | null>(null);
  const coverPage = useCallback((q: ListQuery) => call('drugWatch.vbpCover', { ...q, asOf }), [asOf]);
  const coverExport = useCallback((q: ExportViewInput) => call('drugWatch.vbpCoverExport', { ...q, asOf }), [asOf]);
  const volumePage = useCallback((q: ListQuery) => call('drugWatch.vbpVolume', { ...q, asOf }), [asOf]);
  const volumeExport = useCallback((q: ExportViewInput) => call('drugWatch.vbpVolumeExport', { ...q, asOf }), [asOf]);
  const toolbar = (
    <Space wrap>
      <Segmented<VbpTab>
        value={tab}
        onChange={setTab}
        options={[
          { value: 'cover', label: '村卫生室库存保障' },
          { value: 'volume', label: '约定采购量进度' },
        ]}
      />
      <span className="inline-field">
        <label htmlFor="vbp-as-of">统计日期</label>
        <DateInput id="vbp-as-of" value={asOf} allowClear={false} onChange={(v) => setAsOf(v ?? todayIso())} />
      </span>
    </Space>
  );
  const yesNo = (flag: boolean, yes: string) => (flag ? <Tag color="red">{yes}</Tag> : <span className="hint">—</span>);
  return (
    <>
      {tab === 'cover' && (
        <DataTable<VbpCoverRow>
          testId="vbp-cover-table"
          printTitle={`集采药品库存保障（${chineseDate(asOf)}）`}
          view={vbpCoverView}
          fetchPage={coverPage}
          exportView={coverExport}
          rowKey={(r) => r.id}
          reloadKey={`${reload}-${asOf}`}
          initialFilters={props.initialFilters}
          renderCell={{
            monthsOfCover: (r) => (r.monthsOfCover === null ? <span className="hint">近三月未使用</span> : r.monthsOfCover.toFixed(1)),
            low: (r) => yesNo(r.low, '保障不足'),
          }}
          toolbar={toolbar}
        />
      )}
      {tab === 'volume' && (
        <DataTable<VbpVolumeRow>
          testId="vbp-volume-table"
          printTitle={`集采药品约定采购量完成进度（${chineseDate(asOf)}）`}
          view={vbpVolumeView}
          fetchPage={volumePage}
          exportView={volumeExport}
          rowKey={(r) => r.id}
          reloadKey={`${reload}-${asOf}`}
          initialFilters={props.initialFilters}
          onRowOpen={setEditing}
          renderCell={{
            genericName: (r) => <a onClick={() => setEditing(r)}>{r.genericName}</a>,
            annualPacks: (r) => (r.annualPacks === null ? <a onClick={() => setEditing(r)}>填写</a> : r.annualPacks),
            progress: (r) => (r.progress === null ? <span className="hint">—</span> : r.progress.toFixed(1)),
            yearElapsed: (r) => r.yearElapsed.toFixed(1),
            behind: (r) => yesNo(r.behind, '落后'),
          }}
          toolbar={toolbar}
        />
      )}
      <VolumeEditor
        row={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setReload((n) => n + 1);
          props.onChanged();
        }}
      />
    </>
  );
}
