/** 销毁记录 (D5): every disposal of expired drugs, latest first, each printable as its A4 record. */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { chineseDate, yuanText } from '../../../shared/format';
import type { DisposalRecord } from '../../../shared/schemas/stock';
import { call, errorMessage } from '../../api';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { DisposalPrint } from './DisposalPrint';

/** The list on paper (issue 12 item 4); each record's own A4 sheet is DisposalPrint. */
const printColumns: PrintColumn<DisposalRecord>[] = [
  { header: '销毁日期', width: 13, kind: 'date', value: (d) => d.disposedOn },
  { header: '销毁方式', width: 10, value: (d) => d.method },
  { header: '批次', width: 40, value: (d) => d.lines.map((l) => `${l.drugName} ${l.lotNo}`).join('、') },
  { header: '数量', width: 7, kind: 'int', value: (d) => d.packs },
  { header: '金额(元)', width: 11, kind: 'money', value: (d) => d.amountFen },
  { header: '监销人', width: 14, value: (d) => `${d.witness1}、${d.witness2}` },
];

export function DisposalsTab(props: { tabs: ReactNode; reloadKey: unknown }) {
  const [rows, setRows] = useState<DisposalRecord[] | null>(null);
  const [error, setError] = useState('');
  const [printing, setPrinting] = useState<number | null>(null);
  useEffect(() => {
    call('stock.disposals', {}).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [props.reloadKey]);
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        {props.tabs}
        <PrintRowsButton title="过期药品销毁记录" columns={printColumns} rows={rows} testId="disposals-print" />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<DisposalRecord>
        data-testid="disposals-table"
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: '还没有销毁记录' }}
        columns={[
          { title: '销毁日期', dataIndex: 'disposedOn', render: (v: string) => chineseDate(v) },
          { title: '销毁方式', dataIndex: 'method' },
          { title: '批次', key: 'lines', render: (_: unknown, d) => d.lines.map((l) => `${l.drugName} ${l.lotNo}`).join('、') },
          { title: '数量', dataIndex: 'packs', align: 'right' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuanText(v) },
          { title: '监销人', key: 'w', render: (_: unknown, d) => `${d.witness1}、${d.witness2}` },
          {
            title: '',
            key: 'print',
            render: (_: unknown, d) => (
              <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting(d.id)}>
                打印
              </Button>
            ),
          },
        ]}
      />
      {printing !== null && <DisposalPrint id={printing} onClose={() => setPrinting(null)} />}
    </div>
  );
}
