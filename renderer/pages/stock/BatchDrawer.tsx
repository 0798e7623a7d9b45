/**
 * The batches behind one stock row (a drug at a place, as of the page's day), FEFO: 批号, 有效期至
 * with days left (expired red, near expiry orange), price, packs, amount. At a clinic a batch is
 * returned to the center (退回中心) or transferred to another clinic (调剂, usually near-expiry
 * stock); anywhere it is adjusted after a stocktake (盘点调整, reason required).
 */
import { Alert, Button, Drawer, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate, yuanText } from '../../../shared/format';
import type { BatchRow, StockRow } from '../../../shared/schemas/stock';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { MoveDialog, type MoveKind } from './MoveDialog';
import type { ClinicOption } from './PlacePicker';

export function expiryTag(b: Pick<BatchRow, 'expiry' | 'daysLeft'>) {
  if (b.expiry === 'expired') return <Tag color="red">已过期 {-b.daysLeft} 天</Tag>;
  if (b.expiry === 'near') return <Tag color="orange">还剩 {b.daysLeft} 天</Tag>;
  return <span>{b.daysLeft} 天</span>;
}

export function BatchDrawer(props: { row: StockRow; asOf: string; clinics: ClinicOption[]; onClose: () => void; onChanged: () => void }) {
  const { row } = props;
  const may = useMay();
  const [batches, setBatches] = useState<BatchRow[] | null>(null);
  const [error, setError] = useState('');
  const [moving, setMoving] = useState<{ kind: MoveKind; batch: BatchRow } | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    call('stock.batches', { place: row.clinicId ?? 'center', drugId: row.drugId, asOf: props.asOf }).then(setBatches, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [row, props.asOf, reload]);
  const atClinic = row.clinicId !== null;
  return (
    <Drawer
      open
      size={860}
      title={`${row.placeName} · ${row.genericName} ${row.spec}（截至 ${chineseDate(props.asOf)}）`}
      onClose={props.onClose}
    >
      {error && <Alert type="error" showIcon title={error} />}
      <Table<BatchRow>
        data-testid="batch-table"
        size="small"
        rowKey="batchId"
        loading={batches === null && !error}
        dataSource={batches ?? []}
        pagination={false}
        rowClassName={(b) => (b.expiry === 'expired' ? 'stock-expired' : b.expiry === 'near' ? 'stock-near' : '')}
        columns={[
          { title: '批号', dataIndex: 'lotNo' },
          { title: '有效期至', dataIndex: 'expiresOn', render: (v: string) => chineseDate(v) },
          { title: '效期', key: 'days', render: (_: unknown, b) => expiryTag(b) },
          { title: '单价', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuanText(v) },
          { title: `数量（${row.packUnit || '包装'}）`, dataIndex: 'packs', align: 'right' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuanText(v) },
          ...(may('write')
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, b: BatchRow) => (
                    <Space size={4} wrap>
                      {atClinic && (
                        <Button size="small" onClick={() => setMoving({ kind: 'return', batch: b })}>
                          退回中心
                        </Button>
                      )}
                      {atClinic && (
                        <Button size="small" onClick={() => setMoving({ kind: 'transfer', batch: b })}>
                          调剂
                        </Button>
                      )}
                      <Button size="small" onClick={() => setMoving({ kind: 'adjust', batch: b })}>
                        盘点调整
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {moving && (
        <MoveDialog
          kind={moving.kind}
          batch={moving.batch}
          clinicId={row.clinicId}
          clinics={props.clinics}
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            setReload((n) => n + 1);
            props.onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
