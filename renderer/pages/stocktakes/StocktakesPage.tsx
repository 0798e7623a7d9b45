import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, message } from 'antd';
import { useEffect, useState } from 'react';
import type { Input } from '../../../shared/contract';
import { stocktakeScopeLabels, stocktakeStatusLabels, type StocktakeRow } from '../../../shared/schemas/stocktakes';
import { call, errorMessage } from '../../api';
import { SpecFormModal } from '../../components/SpecForm';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import type { Route } from '../../router';
import { useAssetOptions } from '../assets/useAssetOptions';
import { StocktakeView } from './StocktakeView';
import { startFields, startInitial, startSchema } from './stocktakeForms';
import { useMay } from '../../access';
import { chineseDate } from '../../../shared/format';

const initial = startInitial();

/** The list on paper (issue 12 item 4): the screen's columns, counts as numbers. */
const printColumns: PrintColumn<StocktakeRow>[] = [
  { header: '盘点名称', width: 26, value: (r) => r.title },
  { header: '范围', width: 14, value: (r) => (r.scope === 'clinic' ? r.clinicName : stocktakeScopeLabels[r.scope]) },
  { header: '开始日期', width: 13, kind: 'date', value: (r) => r.startedOn },
  { header: '结束日期', width: 13, kind: 'date', value: (r) => r.closedOn },
  { header: '状态', width: 7, kind: 'enum', labels: stocktakeStatusLabels, value: (r) => r.status },
  { header: '账面', width: 6, kind: 'int', value: (r) => r.counts.total - r.counts.surplus },
  { header: '未盘点', width: 6, kind: 'int', value: (r) => r.counts.pending },
  { header: '相符', width: 6, kind: 'int', value: (r) => r.counts.found },
  { header: '盘亏', width: 6, kind: 'int', value: (r) => r.counts.missing },
  { header: '毁损', width: 6, kind: 'int', value: (r) => r.counts.damaged },
  { header: '盘盈', width: 6, kind: 'int', value: (r) => r.counts.surplus },
];

/** 资产盘点 (A3): every stocktake with its counts; 开始盘点 lists what the ledger says is there. */
export function StocktakesPage(props: { openId?: number; go: (r: Route) => void; onChanged: () => void }) {
  const may = useMay();
  const [rows, setRows] = useState<StocktakeRow[] | null>(null);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  const { clinics } = useAssetOptions(starting);
  useEffect(() => {
    if (props.openId === undefined) call('stocktakes.list', {}).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [props.openId]);
  const open = (id: number) => props.go({ page: 'stocktakes', filter: { id: 'open', value: String(id) } });

  if (props.openId !== undefined)
    return <StocktakeView id={props.openId} onBack={() => props.go({ page: 'stocktakes' })} onChanged={props.onChanged} />;

  return (
    <Card
      title="资产盘点"
      extra={
        <Space>
          <PrintRowsButton title="资产盘点" columns={printColumns} rows={rows} testId="stocktakes-print" />
          {may('write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>
              开始盘点
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<StocktakeRow>
        size="middle"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有盘点记录。点“开始盘点”，按台账列出应有的资产，再逐项核对。' }}
        onRow={(r) => ({ onClick: () => open(r.id), className: 'clickable-row' })}
        columns={[
          { title: '盘点名称', dataIndex: 'title', render: (t: string, r) => <a onClick={() => open(r.id)}>{t}</a> },
          { title: '范围', key: 'scope', render: (_: unknown, r) => (r.scope === 'clinic' ? r.clinicName : stocktakeScopeLabels[r.scope]) },
          { title: '开始日期', dataIndex: 'startedOn', width: 130, render: (d: string) => chineseDate(d) },
          { title: '结束日期', dataIndex: 'closedOn', width: 130, render: (d: string | null) => (d ? chineseDate(d) : '—') },
          {
            title: '状态',
            key: 'status',
            width: 90,
            render: (_: unknown, r) => <Tag color={r.status === 'open' ? 'processing' : 'default'}>{stocktakeStatusLabels[r.status]}</Tag>,
          },
          { title: '账面', key: 'total', width: 70, align: 'right', render: (_: unknown, r) => r.counts.total - r.counts.surplus },
          { title: '未盘点', key: 'pending', width: 70, align: 'right', render: (_: unknown, r) => r.counts.pending },
          { title: '相符', key: 'found', width: 70, align: 'right', render: (_: unknown, r) => r.counts.found },
          {
            title: '盘亏',
            key: 'missing',
            width: 70,
            align: 'right',
            render: (_: unknown, r) => <span className={r.counts.missing ? 'text-danger' : ''}>{r.counts.missing}</span>,
          },
          { title: '毁损', key: 'damaged', width: 70, align: 'right', render: (_: unknown, r) => r.counts.damaged },
          { title: '盘盈', key: 'surplus', width: 70, align: 'right', render: (_: unknown, r) => r.counts.surplus },
        ]}
      />
      <SpecFormModal
        title="开始盘点"
        open={starting}
        schema={startSchema}
        fields={startFields(clinics)}
        initial={initial}
        okText="开始盘点"
        intro={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="按盘点日期的台账列出范围内应有的全部资产；同一范围同时只能有一次进行中的盘点。"
          />
        }
        onCancel={() => setStarting(false)}
        onSubmit={async (v) => {
          const st = await call('stocktakes.create', v as Input<'stocktakes.create'>);
          setStarting(false);
          props.onChanged();
          void message.success(`已开始盘点：${st.title}（账面 ${st.counts.total} 项）`);
          open(st.id);
        }}
      />
    </Card>
  );
}
