import { Card, Empty, Space, Table, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { SettleRow } from '../../../shared/schemas/drugs';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { SettleButton, SettleDialog, type SettleTarget } from './SettleDialog';

/** The list on paper (issue 12 item 4), for deciding at the desk with the county's catalogue. */
const printColumns: PrintColumn<SettleRow>[] = [
  { header: '目录版本', width: 20, value: (r) => r.editionName },
  { header: '平台编码', width: 11, value: (r) => r.platformCode },
  { header: '通用名', width: 16, value: (r) => r.genericName },
  { header: '剂型', width: 8, value: (r) => r.form },
  { header: '规格', width: 12, value: (r) => r.spec },
  { header: '原因', width: 14, value: (r) => r.how },
  { header: '说明', width: 22, value: (r) => r.note },
];

/** 待核定基药: drugs no rule could decide for an edition (D8), each to settle by hand. */
export function SettleTab(props: { toolbar: ReactNode; reloadKey: unknown; onOpen: (id: number) => void; onChanged: () => void }) {
  const may = useMay();
  const [rows, setRows] = useState<SettleRow[] | null>(null);
  const [error, setError] = useState('');
  const [target, setTarget] = useState<SettleTarget | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    call('drugs.toSettle', {}).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [props.reloadKey, tick]);
  return (
    <Card
      title={<Space wrap>{props.toolbar}</Space>}
      extra={<PrintRowsButton title="待核定基药" columns={printColumns} rows={rows} testId="drugs-settle-print" />}
      size="small"
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<SettleRow>
        data-testid="drugs-settle"
        size="small"
        loading={rows === null && !error}
        rowKey={(r) => `${r.drugId}-${r.listId}`}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: <Empty description="没有待核定的药品" /> }}
        columns={[
          { title: '目录版本', dataIndex: 'editionName', width: 200 },
          { title: '平台编码', dataIndex: 'platformCode', width: 110 },
          {
            title: '通用名',
            dataIndex: 'genericName',
            render: (_: unknown, r) => <a onClick={() => props.onOpen(r.drugId)}>{r.genericName}</a>,
          },
          { title: '剂型', dataIndex: 'form', width: 80 },
          { title: '规格', dataIndex: 'spec', width: 120 },
          { title: '原因', dataIndex: 'how', width: 150 },
          { title: '说明', dataIndex: 'note' },
          {
            title: '',
            width: 90,
            render: (_: unknown, r) => (
              <SettleButton
                allowed={may('write')}
                onPick={setTarget}
                target={{
                  drugId: r.drugId,
                  listId: r.listId,
                  drugLabel: `${r.genericName} ${r.spec}`,
                  editionName: r.editionName,
                  note: r.note,
                }}
              />
            ),
          },
        ]}
      />
      <SettleDialog
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTick((n) => n + 1);
          props.onChanged();
        }}
      />
    </Card>
  );
}
