/**
 * 进销存 for a month (D9): the township table — a row per clinic, the clinics' subtotal, the
 * center's store on its own row and the township's 合计 — opening, in, out (of which use) and
 * closing in packs and 元, each row closing exactly; a clinic's row (or the center's) opens it
 * per drug. 导出月报 writes the county workbook (村卫生室药品进销存月报) of what is shown.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { fenToAmount, todayIso } from '../../../shared/format';
import type { LedgerFigures, LedgerOutput } from '../../../shared/schemas/stock';
import { call, errorMessage } from '../../api';
import { saveFile } from '../../download';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import type { ClinicOption } from './PlacePicker';

interface Line extends LedgerFigures {
  key: string;
  name: string;
  /** The place a row opens: a clinic's id, null for the center; undefined for totals. */
  place?: number | null;
  subtotal?: boolean;
}

function figureColumns(): ColumnsType<Line> {
  const pair = (title: string, packs: keyof LedgerFigures, fen: keyof LedgerFigures) => ({
    title,
    children: [
      { title: '数量', dataIndex: packs, align: 'right' as const, width: 80 },
      { title: '金额(元)', dataIndex: fen, align: 'right' as const, width: 110, render: (v: number) => fenToAmount(v) },
    ],
  });
  return [
    pair('期初', 'openingPacks', 'openingFen'),
    pair('入库', 'inPacks', 'inFen'),
    pair('出库', 'outPacks', 'outFen'),
    { title: '其中使用', key: 'used', align: 'right', width: 80, render: (_: unknown, r: Line) => r.outByKind.use ?? 0 },
    pair('期末', 'closingPacks', 'closingFen'),
  ];
}

/** The ledger on paper (issue 12 item 4): one header row, each figure's 数量 and 金额 side by side. */
function printColumns(first: string): PrintColumn<Line>[] {
  const pair = (title: string, packs: keyof LedgerFigures, fen: keyof LedgerFigures): PrintColumn<Line>[] => [
    { header: `${title}数量`, width: 8, kind: 'int', value: (r) => r[packs] },
    { header: `${title}金额(元)`, width: 11, kind: 'money', value: (r) => r[fen] },
  ];
  return [
    { header: first, width: 22, value: (r) => r.name },
    ...pair('期初', 'openingPacks', 'openingFen'),
    ...pair('入库', 'inPacks', 'inFen'),
    ...pair('出库', 'outPacks', 'outFen'),
    { header: '其中使用', width: 8, kind: 'int', value: (r) => r.outByKind.use ?? 0 },
    ...pair('期末', 'closingPacks', 'closingFen'),
  ];
}

const monthWords = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export function LedgerTab(props: { tabs: ReactNode; clinics: ClinicOption[] }) {
  // The month just closed is the one a clerk reports.
  const [month, setMonth] = useState(dayjs(todayIso()).subtract(1, 'month').format('YYYY-MM'));
  const [place, setPlace] = useState<number | null | undefined>(undefined);
  const [data, setData] = useState<LedgerOutput | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    setData(null);
    setError('');
    call('stock.ledger', place === undefined ? { month } : { month, clinicId: place }).then(setData, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [month, place]);

  const exportReturn = async () => {
    setExporting(true);
    try {
      saveFile(await call('returns.export', place === undefined ? { name: 'stock', month } : { name: 'stock', month, clinicId: place }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const placeName = place === undefined ? '' : place === null ? '中心药库' : (props.clinics.find((c) => c.id === place)?.name ?? '');
  const township: Line[] = data
    ? [
        ...data.places.map((p) => ({ ...p, key: `c${p.clinicId ?? ''}`, name: p.placeName, place: p.clinicId })),
        { ...data.clinicsTotal, key: 'clinics', name: '村卫生室小计', subtotal: true },
        { ...data.center, key: 'center', name: '中心药库', place: null },
        { ...data.township, key: 'township', name: '合计（全乡镇）', subtotal: true },
      ]
    : [];
  const perDrug: Line[] = (data?.drugs ?? []).map((d) => ({ ...d, key: String(d.drugId), name: `${d.genericName} ${d.spec}` }));
  const lines = place === undefined ? township : perDrug;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        {props.tabs}
        <span className="inline-field">
          <label htmlFor="ledger-month">月份</label>
          <DatePicker
            id="ledger-month"
            picker="month"
            allowClear={false}
            format="YYYY年M月"
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
        </span>
        {place !== undefined && (
          <Button onClick={() => setPlace(undefined)} data-testid="ledger-back">
            返回全乡镇
          </Button>
        )}
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportReturn()} data-testid="ledger-export">
          导出进销存月报{placeName ? `（${placeName}）` : ''}
        </Button>
        <PrintRowsButton
          title={`药品进销存（${monthWords(month)}，${place === undefined ? '全乡镇' : `${placeName}，按药品`}）`}
          columns={printColumns(place === undefined ? '单位' : '药品')}
          rows={data ? lines : null}
          isSummary={(r) => r.subtotal === true}
          testId="ledger-print"
        />
        <span>{place === undefined ? '点卫生室或中心药库一行，按药品查看' : `${placeName}：按药品`}</span>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Line>
        className="ledger-table"
        data-testid="ledger-table"
        size="small"
        bordered
        loading={data === null && !error}
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={lines}
        rowClassName={(r) => (r.subtotal ? 'ledger-subtotal' : r.place !== undefined ? 'clickable' : '')}
        onRow={(r) => ({ onClick: () => place === undefined && r.place !== undefined && setPlace(r.place) })}
        columns={[{ title: place === undefined ? '单位' : '药品', dataIndex: 'name', fixed: 'left', width: 200 }, ...figureColumns()]}
      />
    </div>
  );
}
