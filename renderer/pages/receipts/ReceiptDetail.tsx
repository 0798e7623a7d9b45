/**
 * One receipt line and its 冲销: a wrong receipt is never edited but taken out again by a
 * reversing movement with its reason, offered while the whole batch is still in the store.
 */
import { Alert, Button, Descriptions, Drawer, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate, todayIso, yuanText } from '../../../shared/format';
import type { ReceiptRow } from '../../../shared/schemas/receipts';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';

export function ReceiptDetail(props: { row: ReceiptRow | null; onClose: () => void; onReversed: (r: ReceiptRow) => void }) {
  const r = props.row;
  const may = useMay();
  const [reversing, setReversing] = useState(false);
  const [on, setOn] = useState<string | null>(todayIso());
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReversing(false);
    setReason('');
    setError('');
    setOn(todayIso());
  }, [r?.batchId]);
  const reverse = async () => {
    if (!r) return;
    if (!on) return setError('请填写冲销日期');
    if (!reason.trim()) return setError('请写明冲销原因');
    setBusy(true);
    try {
      props.onReversed(await call('receipts.reverse', { batchId: r.batchId, reversedOn: on, reason }));
      setReversing(false);
      setError('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer title={r ? `入库批次：${r.genericName} 批号 ${r.lotNo}` : ''} open={r !== null} size={560} onClose={props.onClose}>
      {r && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="药品">{`${r.genericName} ${r.spec}（${r.platformCode}）`}</Descriptions.Item>
            <Descriptions.Item label="批号">{r.lotNo}</Descriptions.Item>
            <Descriptions.Item label="生产日期">{chineseDate(r.producedOn) || '未填'}</Descriptions.Item>
            <Descriptions.Item label="有效期至">{chineseDate(r.expiresOn)}</Descriptions.Item>
            <Descriptions.Item label="入库日期">{chineseDate(r.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label="数量">{`${r.packs} ${r.packUnit}`}</Descriptions.Item>
            <Descriptions.Item label="单价 / 金额">{`${yuanText(r.priceFen)} / ${yuanText(r.amountFen)}`}</Descriptions.Item>
            <Descriptions.Item label="当日挂网价">
              {r.platformPriceFen === null ? '无记录' : yuanText(r.platformPriceFen)}
            </Descriptions.Item>
            <Descriptions.Item label="供货单位 / 发票号">{`${r.supplier || '未填'} / ${r.invoiceNo || '未填'}`}</Descriptions.Item>
            <Descriptions.Item label="中心库现存">{`${r.inStore} ${r.packUnit}`}</Descriptions.Item>
            <Descriptions.Item label="提示">{r.warnings || '无'}</Descriptions.Item>
          </Descriptions>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
          {may('write') && r.canReverse && !reversing && (
            <Button danger style={{ marginTop: 16 }} onClick={() => setReversing(true)}>
              冲销这笔入库
            </Button>
          )}
          {!r.canReverse && !r.reversed && (
            <Alert style={{ marginTop: 12 }} type="info" title="这个批号已有出库，不能整笔冲销；数量不符请用盘点调整。" />
          )}
          {reversing && (
            <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
              <span className="inline-field">
                <label htmlFor="reverse-date">冲销日期</label>
                <DateInput id="reverse-date" value={on} onChange={setOn} />
              </span>
              <Input.TextArea
                id="reverse-reason"
                placeholder="冲销原因（必填），如：供货单位发错批号，已退货"
                rows={2}
                maxLength={200}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <Space>
                <Button onClick={() => setReversing(false)}>取消</Button>
                <Button danger type="primary" loading={busy} onClick={() => void reverse()}>
                  确认冲销
                </Button>
              </Space>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
