/**
 * 采购入库 (issue 10 part 4): every receipt line with its batch, expiry, packs, price and
 * warnings (price unlike the platform's that day, near expiry at receipt, 已冲销), searchable,
 * sortable and exportable; 新增入库单 opens the note form, a row opens the line with 冲销.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { receiptView } from '../../../shared/deliveryViews';
import { yuanText } from '../../../shared/format';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { ReceiptRow } from '../../../shared/schemas/receipts';
import { useMay } from '../../access';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ReceiptDetail } from './ReceiptDetail';
import { ReceiptForm } from './ReceiptForm';

export function ReceiptsPage(props: { onChanged: () => void }) {
  const may = useMay();
  const { modal, message } = AntApp.useApp();
  const [formOpen, setFormOpen] = useState(false);
  const [open, setOpen] = useState<ReceiptRow | null>(null);
  const [reload, setReload] = useState(0);
  const fetchPage = useCallback((q: ListQuery) => call('receipts.list', q), []);
  const exportView = useCallback((q: ExportViewInput) => call('receipts.export', q), []);
  const changed = () => {
    setReload((n) => n + 1);
    props.onChanged();
  };
  const saved = (warnings: string[]) => {
    setFormOpen(false);
    changed();
    if (warnings.length === 0) void message.success('已入库');
    else modal.warning({ title: '已入库，请留意以下提示', content: warnings.map((w) => <div key={w}>{w}</div>), okText: '知道了' });
  };
  return (
    <>
      <DataTable<ReceiptRow>
        testId="receipts-table"
        view={receiptView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => r.batchId}
        reloadKey={reload}
        onRowOpen={setOpen}
        renderCell={{
          genericName: (r) => <a onClick={() => setOpen(r)}>{r.genericName}</a>,
          priceFen: (r) => yuanText(r.priceFen),
          amountFen: (r) => yuanText(r.amountFen),
          platformPriceFen: (r) => (r.platformPriceFen === null ? '' : yuanText(r.platformPriceFen)),
          warnings: (r) =>
            r.warnings
              .split('；')
              .filter(Boolean)
              .map((w) => (
                <Tag key={w} color={w === '已冲销' ? 'default' : 'orange'}>
                  {w}
                </Tag>
              )),
        }}
        toolbar={
          <Space>
            {may('write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="receipt-new">
                新增入库单
              </Button>
            )}
          </Space>
        }
      />
      <ReceiptForm open={formOpen} onClose={() => setFormOpen(false)} onSaved={saved} />
      <ReceiptDetail row={open} onClose={() => setOpen(null)} onReversed={(r) => (setOpen(r), changed())} />
    </>
  );
}
