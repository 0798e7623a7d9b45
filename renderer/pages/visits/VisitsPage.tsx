/**
 * 月度督导 (P2, P8): a month's clinics with their status — 未督导 / 草稿 / 已完成 — and score;
 * a clinic opens its keyboard form; the month's sheets print one by one, as a batch or blank.
 * A visit corrected after its quarter was locked (P4) carries 已更正（N 处）, and 只看已更正 lists
 * those alone — what the county's re-check asks about first.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { chineseDate, todayIso } from '../../../shared/format';
import { formatTenths } from '../../../shared/rules/scoring';
import { visitStatusLabels, type VisitMonthRow } from '../../../shared/schemas/visits';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { VisitDrawer } from './VisitDrawer';
import { VisitSheetsPrint, type SheetRequest } from './VisitSheetsPrint';

const statusColor = { none: 'red', draft: 'orange', final: 'green' } as const;

/** The month's list on paper (issue 12 item 4); each clinic's own sheet is VisitSheetsPrint. */
const printColumns: PrintColumn<VisitMonthRow>[] = [
  { header: '机构编码', width: 11, value: (r) => r.clinicCode },
  { header: '村卫生室', width: 16, value: (r) => r.clinicName },
  { header: '状态', width: 7, kind: 'enum', labels: visitStatusLabels, value: (r) => r.status },
  { header: '督导日期', width: 13, kind: 'date', value: (r) => r.visitedOn },
  { header: '督导人', width: 14, value: (r) => r.supervisors },
  { header: '得分', width: 10, value: (r) => (r.totalTenths === null ? '' : `${formatTenths(r.totalTenths)}${r.vetoed ? ' 否决' : ''}`) },
  { header: '发现问题', width: 8, kind: 'int', value: (r) => r.findings },
  { header: '更正', width: 7, value: (r) => (r.corrections > 0 ? `${r.corrections} 处` : '') },
];

/** P4: the tag of a visit corrected after its quarter was locked. */
function CorrectedTag(props: { row: VisitMonthRow }) {
  if (props.row.corrections === 0) return null;
  return (
    <Tag color="purple" style={{ marginLeft: 4 }} data-testid={`visit-corrected-${props.row.clinicId}`}>
      已更正（{props.row.corrections} 处）
    </Tag>
  );
}

export function VisitsPage(props: { onChanged: () => void; initialStatus?: string }) {
  const may = useMay();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [rows, setRows] = useState<VisitMonthRow[]>([]);
  const [error, setError] = useState('');
  const [search, setSearch] = useState('');
  // The table's 状态 filter, kept so the printed list is the rows on screen.
  const [statusFilter, setStatusFilter] = useState<string[]>([]);
  const [correctedOnly, setCorrectedOnly] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [print, setPrint] = useState<SheetRequest | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    call('visits.month', { month }).then(
      (r) => {
        setRows(r);
        setError('');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [month, reload]);
  const shown = useMemo(
    () =>
      rows.filter(
        (r) =>
          (!correctedOnly || r.corrections > 0) &&
          (!search || r.clinicName.includes(search) || r.clinicCode.includes(search) || r.supervisors.includes(search)),
      ),
    [rows, search, correctedOnly],
  );
  const listed = statusFilter.length ? shown.filter((r) => statusFilter.includes(r.status)) : shown;
  const printNote = [
    search ? `搜索“${search}”` : '',
    correctedOnly ? '只看已更正' : '',
    statusFilter.length ? `状态：${statusFilter.map((v) => visitStatusLabels[v as VisitMonthRow['status']]).join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  const notYet = rows.filter((r) => r.status !== 'final').length;
  const corrected = rows.filter((r) => r.corrections > 0).length;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="inline-field">
          <label>督导月份</label>
          <DatePicker
            picker="month"
            value={dayjs(`${month}-01`)}
            allowClear={false}
            format="YYYY年M月"
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            data-testid="visit-month"
          />
        </span>
        <Input.Search
          placeholder="搜索卫生室、编码、督导人"
          allowClear
          style={{ width: 240 }}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Tag color={notYet ? 'red' : 'green'} data-testid="not-supervised">
          本月未完成督导 {notYet} 个
        </Tag>
        <Checkbox checked={correctedOnly} onChange={(e) => setCorrectedOnly(e.target.checked)} data-testid="visits-corrected-only">
          只看已更正（{corrected}）
        </Checkbox>
        <Button icon={<PrinterOutlined />} onClick={() => setPrint({ month, blank: false })}>
          打印本月全部
        </Button>
        <Button onClick={() => setPrint({ month, blank: true })}>打印空白考核表</Button>
        <PrintRowsButton
          title={`${month.slice(0, 4)}年${Number(month.slice(5, 7))}月月度督导情况`}
          columns={printColumns}
          rows={listed}
          note={printNote}
          testId="visits-list-print"
        />
      </Space>
      {error && <div className="form-error">{error}</div>}
      <Table<VisitMonthRow>
        size="small"
        rowKey="clinicId"
        dataSource={shown}
        pagination={false}
        data-testid="visits-table"
        onChange={(_p, filters) => setStatusFilter((filters.status ?? []).map(String))}
        onRow={(r) => ({ onDoubleClick: () => setOpenId(r.clinicId) })}
        columns={[
          { title: '机构编码', dataIndex: 'clinicCode', width: 100, sorter: (a, b) => a.clinicCode.localeCompare(b.clinicCode) },
          {
            title: '村卫生室',
            dataIndex: 'clinicName',
            render: (_, r) => <a onClick={() => setOpenId(r.clinicId)}>{r.clinicName}</a>,
            sorter: (a, b) => a.clinicName.localeCompare(b.clinicName, 'zh'),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 190,
            filters: Object.entries(visitStatusLabels).map(([value, text]) => ({ value, text })),
            onFilter: (v, r) => r.status === v,
            render: (_, r) => (
              <>
                <Tag color={statusColor[r.status]}>{visitStatusLabels[r.status]}</Tag>
                <CorrectedTag row={r} />
              </>
            ),
          },
          {
            title: '督导日期',
            dataIndex: 'visitedOn',
            width: 130,
            sorter: (a, b) => (a.visitedOn ?? '').localeCompare(b.visitedOn ?? ''),
            render: (_, r) => chineseDate(r.visitedOn),
          },
          { title: '督导人', dataIndex: 'supervisors', width: 160 },
          {
            title: '得分',
            dataIndex: 'totalTenths',
            width: 110,
            align: 'right',
            sorter: (a, b) => (a.totalTenths ?? -1) - (b.totalTenths ?? -1),
            render: (_, r) =>
              r.totalTenths === null ? (
                ''
              ) : (
                <>
                  {formatTenths(r.totalTenths)}
                  {r.vetoed && (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      否决
                    </Tag>
                  )}
                </>
              ),
          },
          { title: '发现问题', dataIndex: 'findings', width: 90, align: 'right' },
          {
            title: '',
            width: 170,
            render: (_, r) => (
              <Space size="small">
                <Button size="small" onClick={() => setOpenId(r.clinicId)}>
                  {r.status === 'none' ? '录入' : '查看'}
                </Button>
                <Button size="small" onClick={() => setPrint({ month, clinicId: r.clinicId, blank: r.status === 'none' })}>
                  打印
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <VisitDrawer
        clinicId={openId}
        month={month}
        readOnly={!may('write')}
        onClose={() => setOpenId(null)}
        onSaved={() => {
          setReload((n) => n + 1);
          props.onChanged();
        }}
        onPrint={(clinicId) => setPrint({ month, clinicId, blank: false })}
      />
      {print && <VisitSheetsPrint request={print} onClose={() => setPrint(null)} />}
    </>
  );
}
