/**
 * 药品请领 (issue 10 part 2; D1, D3): a month (the current month by default — the clerk enters
 * what clinics hand in for it) and every open clinic with its requisition's status, lines,
 * amount, non-essential shares and over-share mark. A row opens the clinic's requisition in the
 * editor. Searchable, sortable and exportable like every list.
 */
import { DatePicker, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { todayIso, yuanText } from '../../../shared/format';
import { requisitionView } from '../../../shared/requisitionViews';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import { requisitionStatusLabels, type RequisitionRow, type RequisitionStatus } from '../../../shared/schemas/requisitions';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { RequisitionEditor } from './RequisitionEditor';
import './requisitions.css';

export const statusColors: Record<RequisitionStatus, string> = { none: 'default', draft: 'blue', held: 'orange', approved: 'green' };

export function StatusTag(props: { status: RequisitionStatus }) {
  return <Tag color={statusColors[props.status]}>{requisitionStatusLabels[props.status]}</Tag>;
}

const pctText = (n: number | null) => (n === null ? '—' : `${n}%`);

export function RequisitionsPage(props: { onChanged: () => void }) {
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [open, setOpen] = useState<RequisitionRow | null>(null);
  const [reload, setReload] = useState(0);
  const fetchPage = useCallback((q: ListQuery) => call('requisitions.list', { ...q, month }), [month]);
  const exportView = useCallback((q: ExportViewInput) => call('requisitions.export', { ...q, month }), [month]);
  return (
    <>
      <DataTable<RequisitionRow>
        testId="requisitions-table"
        printTitle={`药品请领汇总（${dayjs(`${month}-01`).format('YYYY年M月')}）`}
        view={requisitionView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => r.clinicId}
        reloadKey={`${reload}-${month}`}
        onRowOpen={setOpen}
        rowClassName={(r) => (r.over && r.status !== 'none' ? 'row-over-share' : '')}
        renderCell={{
          clinicName: (r) => <a onClick={() => setOpen(r)}>{r.clinicName}</a>,
          lines: (r) => (r.status === 'none' ? '' : r.lines),
          outsideItems: (r) => (r.status === 'none' ? '' : r.outsideItems),
          status: (r) => <StatusTag status={r.status} />,
          totalFen: (r) => (r.status === 'none' ? '' : yuanText(r.totalFen)),
          outsideFen: (r) => (r.status === 'none' ? '' : yuanText(r.outsideFen)),
          valuePercent: (r) => pctText(r.valuePercent),
          itemPercent: (r) => pctText(r.itemPercent),
          over: (r) => (r.status !== 'none' && r.over ? <Tag color="red">超出</Tag> : ''),
        }}
        toolbar={
          <Space wrap>
            <span className="inline-field">
              <label htmlFor="requisition-month">请领月份</label>
              <DatePicker
                picker="month"
                id="requisition-month"
                allowClear={false}
                format="YYYY年M月"
                value={dayjs(`${month}-01`)}
                onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              />
            </span>
          </Space>
        }
      />
      {open && (
        <RequisitionEditor
          clinicId={open.clinicId}
          month={month}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setReload((n) => n + 1);
            props.onChanged();
          }}
        />
      )}
    </>
  );
}
