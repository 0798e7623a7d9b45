/**
 * One batch leaving or corrected at a place: 退回中心 (clinic → center), 调剂 (clinic → another
 * clinic) or 盘点调整 (盘盈 + / 盘亏 −, with the reason the stocktake found). Two movements for a
 * move, one for an adjustment; a refusal (more than the batch holds that day, no reason) is shown
 * here in the core's words and nothing is written.
 */
import { Alert, App as AntApp, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { chineseDate, todayIso, yuanText } from '../../../shared/format';
import type { BatchRow } from '../../../shared/schemas/stock';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';
import type { ClinicOption } from './PlacePicker';

export type MoveKind = 'return' | 'transfer' | 'adjust';

const titles: Record<MoveKind, string> = { return: '退回中心', transfer: '调剂到其他卫生室', adjust: '盘点调整' };

export function MoveDialog(props: {
  kind: MoveKind;
  batch: BatchRow;
  clinicId: number | null;
  clinics: ClinicOption[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { kind, batch } = props;
  const { message, modal } = AntApp.useApp();
  const [packs, setPacks] = useState<number | null>(kind === 'adjust' ? null : batch.packs);
  const [sign, setSign] = useState<1 | -1>(-1);
  const [day, setDay] = useState<string | null>(todayIso());
  const [to, setTo] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const typed = reason !== '' || to !== null || (kind === 'adjust' ? packs !== null : packs !== batch.packs);
  const close = () => {
    if (!typed) return props.onClose();
    modal.confirm({ title: '已填写的内容还没有登记，确定关闭？', okText: '关闭，不登记', cancelText: '继续填写', onOk: props.onClose });
  };

  const save = async () => {
    if (!packs || packs <= 0) return setError('请填写数量（大于 0 的整数）');
    if (!day) return setError('请选择日期');
    setBusy(true);
    setError('');
    try {
      if (kind === 'return' && props.clinicId !== null)
        await call('stock.returnToCenter', { clinicId: props.clinicId, batchId: batch.batchId, packs, movedOn: day, reason });
      else if (kind === 'transfer' && props.clinicId !== null) {
        if (!to) return setError('请选择调入的卫生室');
        await call('stock.transfer', { fromClinicId: props.clinicId, toClinicId: to, batchId: batch.batchId, packs, movedOn: day, reason });
      } else await call('stock.adjust', { clinicId: props.clinicId, batchId: batch.batchId, packs: sign * packs, movedOn: day, reason });
      void message.success(`已登记${titles[kind]}：批号 ${batch.lotNo} ${packs} ${batch.packUnit}，${yuanText(packs * batch.priceFen)}`);
      props.onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${titles[kind]}：${batch.drugName} 批号 ${batch.lotNo}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={close}
    >
      <p>
        {batch.placeName} 结存 {batch.packs} {batch.packUnit}，单价 {yuanText(batch.priceFen)}，有效期至 {chineseDate(batch.expiresOn)}
      </p>
      <Form layout="vertical">
        {kind === 'adjust' && (
          <Form.Item label="盘点结果">
            <Radio.Group value={sign} onChange={(e) => setSign(e.target.value as 1 | -1)}>
              <Radio value={-1}>盘亏（减少）</Radio>
              <Radio value={1}>盘盈（增加）</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {kind === 'transfer' && (
          <Form.Item label="调入卫生室" required>
            <Select
              data-testid="transfer-to"
              showSearch={{ optionFilterProp: 'label' }}
              value={to ?? undefined}
              onChange={setTo}
              options={props.clinics
                .filter((c) => c.id !== props.clinicId && c.status === 'open')
                .map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label={`数量（${batch.packUnit || '包装'}）`} required>
          <InputNumber data-testid="move-packs" min={1} precision={0} value={packs} onChange={setPacks} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="日期" required>
          <DateInput value={day} onChange={setDay} allowClear={false} />
        </Form.Item>
        <Form.Item label={kind === 'adjust' ? '调整原因' : '原因（可不填）'} required={kind === 'adjust'}>
          <Input.TextArea data-testid="move-reason" rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="move-error" />}
    </Modal>
  );
}
