import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Space, Table, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { LetterDetail, LetterRow } from '../../../shared/schemas/supervision';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { PrintView } from '../../components/print/PrintView';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { saveFile } from '../../download';
import { LetterEditor } from './LetterEditor';
import { LetterPaper } from './LetterPaper';
import { SignDialog } from './SignDialog';
import { chineseDate } from '../../../shared/format';

const statusTag: Record<LetterRow['status'], React.ReactNode> = {
  none: <Tag color="red">未建立</Tag>,
  unsigned: <Tag color="orange">未签</Tag>,
  signed: <Tag color="green">已签</Tag>,
};

const statusLabels: Record<LetterRow['status'], string> = { none: '未建立', unsigned: '未签', signed: '已签' };

/** The year's list on paper (issue 12 item 4): who has signed, for the director's desk. */
const printColumns: PrintColumn<LetterRow>[] = [
  { header: '机构编码', width: 11, value: (r) => r.clinicCode },
  { header: '村卫生室', width: 16, value: (r) => r.clinicName },
  { header: '负责人', width: 9, value: (r) => r.headName },
  { header: '状态', width: 7, kind: 'enum', labels: statusLabels, value: (r) => r.status },
  { header: '目标项数', width: 8, kind: 'int', value: (r) => r.targets },
  { header: '签订日期', width: 13, kind: 'date', value: (r) => r.signedOn },
  { header: '签字人（甲方 / 乙方）', width: 20, value: (r) => (r.status === 'signed' ? `${r.centerSigner} / ${r.clinicSigner}` : '') },
];

/**
 * 目标责任书 (P1): the year's clinics with their letter's state — 未建立 (red: no letter yet),
 * 未签, 已签 with the date and signers —, targets edited per letter, the signing registered,
 * and letters printed for signature one at a time or all at once (A4 portrait each).
 */
export function LettersPage() {
  const may = useMay();
  const [year, setYear] = useState(() => dayjs().year());
  const [rows, setRows] = useState<LetterRow[]>([]);
  const [search, setSearch] = useState('');
  // The table's 状态 filter, kept so the printed list is the rows on screen.
  const [statusFilter, setStatusFilter] = useState<string[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [signing, setSigning] = useState<LetterRow | null>(null);
  const [printing, setPrinting] = useState<LetterDetail[] | null>(null);
  const [printReady, setPrintReady] = useState(false);
  const [directorName, setDirectorName] = useState('');
  const [error, setError] = useState('');

  const reload = useCallback(() => {
    call('letters.list', { year }).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [year]);
  useEffect(reload, [reload]);
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => setDirectorName(s.directorName),
      () => undefined,
    );
  }, []);

  async function print(list: LetterRow[]) {
    setPrintReady(false);
    setPrinting([]);
    try {
      const letters = await Promise.all(list.map((r) => call('letters.get', { clinicId: r.clinicId, year })));
      setPrinting(letters);
      setPrintReady(true);
    } catch (e) {
      setPrinting(null);
      setError(errorMessage(e));
    }
  }
  async function exportList() {
    try {
      const file = await call('letters.export', { year });
      saveFile(file);
      void message.success(`已导出 ${file.rowCount} 行：${file.fileName}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function createMissing() {
    try {
      const r = await call('letters.createMissing', { year });
      void message.success(`已按默认目标建立 ${r.created} 份责任书`);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const q = search.trim();
  const shown = rows.filter((r) => !q || `${r.clinicName}${r.clinicCode}${r.headName}`.includes(q));
  const listed = statusFilter.length ? shown.filter((r) => statusFilter.includes(r.status)) : shown;
  const printNote = [
    q ? `搜索“${q}”` : '',
    statusFilter.length ? `状态：${statusFilter.map((v) => statusLabels[v as LetterRow['status']]).join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  const counts = {
    signed: rows.filter((r) => r.status === 'signed').length,
    unsigned: rows.filter((r) => r.status === 'unsigned').length,
    none: rows.filter((r) => r.status === 'none').length,
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            目标责任书
          </Typography.Title>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            format="YYYY年"
            onChange={(d) => d && setYear(d.year())}
            data-testid="letters-year"
          />
          <Typography.Text data-testid="letters-counts">
            已签 {counts.signed}，未签 {counts.unsigned}
            {counts.none > 0 && <Typography.Text type="danger">，未建立 {counts.none}</Typography.Text>}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="查找卫生室、编码、负责人"
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 220 }}
          />
          {may('write') && counts.none > 0 && <Button onClick={() => void createMissing()}>为未建立的卫生室建立责任书</Button>}
          <Button icon={<FileExcelOutlined />} onClick={() => void exportList()}>
            导出到 Excel
          </Button>
          <PrintRowsButton
            title={`${year}年目标责任书签订情况`}
            columns={printColumns}
            rows={listed}
            note={printNote}
            testId="letters-list-print"
          />
          <Button
            icon={<PrinterOutlined />}
            disabled={shown.length === 0}
            onClick={() => void print(shown)}
            data-testid="letters-print-all"
          >
            打印全部（{shown.length} 份）
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError('')} />}
      <Table<LetterRow>
        data-testid="letters-table"
        size="small"
        rowKey="clinicId"
        dataSource={shown}
        pagination={false}
        onChange={(_p, filters) => setStatusFilter((filters.status ?? []).map(String))}
        columns={[
          { title: '机构编码', dataIndex: 'clinicCode', width: 110, sorter: (a, b) => a.clinicCode.localeCompare(b.clinicCode) },
          { title: '村卫生室', dataIndex: 'clinicName', sorter: (a, b) => a.clinicName.localeCompare(b.clinicName, 'zh') },
          { title: '负责人', dataIndex: 'headName', width: 100 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: LetterRow['status']) => statusTag[s],
            sorter: (a, b) => a.status.localeCompare(b.status),
            filters: [
              { text: '已签', value: 'signed' },
              { text: '未签', value: 'unsigned' },
              { text: '未建立', value: 'none' },
            ],
            onFilter: (v, r) => r.status === v,
          },
          { title: '目标项数', dataIndex: 'targets', width: 90 },
          {
            title: '签订日期',
            dataIndex: 'signedOn',
            width: 130,
            render: (v: string | null) => chineseDate(v),
            sorter: (a, b) => (a.signedOn ?? '').localeCompare(b.signedOn ?? ''),
          },
          {
            title: '签字人（甲方 / 乙方）',
            width: 180,
            render: (_: unknown, r) => (r.status === 'signed' ? `${r.centerSigner} / ${r.clinicSigner}` : ''),
          },
          {
            title: '操作',
            width: 260,
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r.clinicId)}>
                  {r.status === 'signed' || !may('write') ? '查看目标' : '编辑目标'}
                </Button>
                {may('write') && (
                  <Button size="small" onClick={() => setSigning(r)}>
                    登记签订
                  </Button>
                )}
                <Button size="small" icon={<PrinterOutlined />} onClick={() => void print([r])} aria-label={`打印${r.clinicName}责任书`}>
                  打印
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <LetterEditor clinicId={editing} year={year} onClose={() => setEditing(null)} onSaved={reload} />
      <SignDialog row={signing} directorName={directorName} onClose={() => setSigning(null)} onSigned={reload} />
      {printing && (
        <PrintView
          title={`${year} 年目标管理责任书（${printing.length} 份）`}
          ready={printReady}
          onClose={() => setPrinting(null)}
          hint="A4 纵向，每份一页；打印后双方签字盖章。"
        >
          {printing.map((l) => (
            <LetterPaper key={l.clinicId} l={l} />
          ))}
        </PrintView>
      )}
    </Space>
  );
}
