import { Card, Space, Table, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { EditionRow } from '../../../shared/schemas/drugs';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { EditionUpload } from './EditionUpload';
import { chineseDate } from '../../../shared/format';

/** The editions on paper (issue 12 item 4). */
const printColumns: PrintColumn<EditionRow>[] = [
  { header: '目录', width: 26, value: (r) => r.name },
  { header: '执行日期', width: 13, kind: 'date', value: (r) => r.effectiveOn },
  { header: '品种条目', width: 8, kind: 'int', value: (r) => r.entries },
  { header: '基药', width: 7, kind: 'int', value: (r) => r.essential },
  { header: '非基药', width: 7, kind: 'int', value: (r) => r.notEssential },
  { header: '待核定', width: 7, kind: 'int', value: (r) => r.doubtful },
  { header: '来源文件', width: 24, value: (r) => r.source },
];

/** 基本药物目录: the editions loaded, each with its effective date (D8), and the upload of another. */
export function EditionsTab(props: { toolbar: ReactNode; reloadKey: unknown; onChanged: () => void }) {
  const may = useMay();
  const [rows, setRows] = useState<EditionRow[]>([]);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    call('drugs.editions', {}).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [props.reloadKey, tick]);
  return (
    <Card
      title={<Space wrap>{props.toolbar}</Space>}
      extra={<PrintRowsButton title="基本药物目录" columns={printColumns} rows={rows} testId="drug-editions-print" />}
      size="small"
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<EditionRow>
        data-testid="drug-editions-list"
        size="small"
        pagination={false}
        rowKey={(r) => r.id}
        dataSource={rows}
        locale={{ emptyText: '尚未载入基本药物目录：是否基药暂按平台导出中的标识显示' }}
        columns={[
          { title: '目录', dataIndex: 'name' },
          { title: '执行日期', dataIndex: 'effectiveOn', width: 130, render: (v: string) => chineseDate(v) },
          { title: '品种条目', dataIndex: 'entries', width: 90 },
          { title: '基药', dataIndex: 'essential', width: 70 },
          { title: '非基药', dataIndex: 'notEssential', width: 70 },
          { title: '待核定', dataIndex: 'doubtful', width: 70 },
          { title: '来源文件', dataIndex: 'source' },
        ]}
      />
      {may('write') && (
        <EditionUpload
          onLoaded={() => {
            setTick((n) => n + 1);
            props.onChanged();
          }}
        />
      )}
    </Card>
  );
}
