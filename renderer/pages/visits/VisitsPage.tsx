/**
 * 月度督导 (P2, P8): a month's clinics with their status — 未督导 / 草稿 / 已完成 — and score;
 * a clinic opens its keyboard form; the month's sheets print one by one, as a batch or blank.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { todayIso } from '../../../shared/format';
import { formatTenths } from '../../../shared/rules/scoring';
import { visitStatusLabels, type VisitMonthRow } from '../../../shared/schemas/visits';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { VisitDrawer } from './VisitDrawer';
import { VisitSheetsPrint, type SheetRequest } from './VisitSheetsPrint';

const statusColor = { none: 'red', draft: 'orange', final: 'green' } as const;

export function VisitsPage(props: { onChanged: () => void; initialStatus?: string }) {
  const may = useMay();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [rows, setRows] = useState<VisitMonthRow[]>([]);
  const [error, setError] = useState('');
  const [search, setSearch] = useState('');
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
    () => rows.filter((r) => !search || r.clinicName.includes(search) || r.clinicCode.includes(search) || r.supervisors.includes(search)),
    [rows, search],
  );
  const notYet = rows.filter((r) => r.status !== 'final').length;
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
        <Button icon={<PrinterOutlined />} onClick={() => setPrint({ month, blank: false })}>
          打印本月全部
        </Button>
        <Button onClick={() => setPrint({ month, blank: true })}>打印空白考核表</Button>
      </Space>
      {error && <div className="form-error">{error}</div>}
      <Table<VisitMonthRow>
        size="small"
        rowKey="clinicId"
        dataSource={shown}
        pagination={false}
        data-testid="visits-table"
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
            width: 100,
            filters: Object.entries(visitStatusLabels).map(([value, text]) => ({ value, text })),
            onFilter: (v, r) => r.status === v,
            render: (_, r) => <Tag color={statusColor[r.status]}>{visitStatusLabels[r.status]}</Tag>,
          },
          { title: '督导日期', dataIndex: 'visitedOn', width: 120, sorter: (a, b) => (a.visitedOn ?? '').localeCompare(b.visitedOn ?? '') },
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
