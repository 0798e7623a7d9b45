/**
 * 过期销毁 (D5): the center's batches expired on the chosen day, each ticked with the packs to
 * destroy (all it holds by default), the method, two different witnesses and a note; saved as
 * one record with its movements, then printed as the 过期药品销毁记录. Expired stock still at a
 * clinic is returned to the center first (退回中心), as the list above the batches says.
 */
import { Alert, App as AntApp, Form, Input, InputNumber, Modal, Table } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate, todayIso, yuanText } from '../../../shared/format';
import type { BatchRow } from '../../../shared/schemas/stock';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';
import { DisposalPrint } from './DisposalPrint';

export function DisposalDialog(props: { onClose: () => void; onChanged: () => void }) {
  const { modal } = AntApp.useApp();
  const [day, setDay] = useState<string | null>(todayIso());
  const [batches, setBatches] = useState<BatchRow[] | null>(null);
  const [atClinics, setAtClinics] = useState(0);
  const [chosen, setChosen] = useState<Record<number, number>>({});
  const [method, setMethod] = useState('交有资质单位焚烧');
  const [witness1, setWitness1] = useState('');
  const [witness2, setWitness2] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [printId, setPrintId] = useState<number | null>(null);

  useEffect(() => {
    if (!day) return;
    setBatches(null);
    call('stock.batches', { place: 'all', asOf: day }).then(
      (all) => {
        const expired = all.filter((b) => b.expiry === 'expired');
        setBatches(expired.filter((b) => b.clinicId === null));
        setAtClinics(expired.filter((b) => b.clinicId !== null).length);
        setChosen({});
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [day]);

  const close = () => {
    if (Object.keys(chosen).length === 0 && !witness1 && !witness2) return props.onClose();
    modal.confirm({ title: '已选择的销毁批次还没有保存，确定关闭？', okText: '关闭，不保存', cancelText: '继续填写', onOk: props.onClose });
  };

  const save = async () => {
    if (!day) return setError('请选择销毁日期');
    const lines = Object.entries(chosen).map(([batchId, packs]) => ({ batchId: Number(batchId), packs }));
    setBusy(true);
    setError('');
    try {
      const rec = await call('stock.dispose', { disposedOn: day, method, witness1, witness2, note, lines });
      props.onChanged();
      setPrintId(rec.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (printId !== null) return <DisposalPrint id={printId} onClose={props.onClose} />;
  const total = (batches ?? []).reduce((n, b) => n + (chosen[b.batchId] ?? 0) * b.priceFen, 0);
  return (
    <Modal
      open
      width={900}
      title="过期药品集中销毁（D5）"
      okText="保存并打印销毁记录"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={close}
      okButtonProps={{ 'data-testid': 'dispose-save' } as Record<string, string>}
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="销毁日期" required>
          <DateInput value={day} onChange={setDay} allowClear={false} />
        </Form.Item>
        <Form.Item label="销毁方式" required>
          <Input value={method} maxLength={60} onChange={(e) => setMethod(e.target.value)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="监销人一" required>
          <Input
            data-testid="witness1"
            value={witness1}
            maxLength={30}
            onChange={(e) => setWitness1(e.target.value)}
            style={{ width: 110 }}
          />
        </Form.Item>
        <Form.Item label="监销人二" required>
          <Input
            data-testid="witness2"
            value={witness2}
            maxLength={30}
            onChange={(e) => setWitness2(e.target.value)}
            style={{ width: 110 }}
          />
        </Form.Item>
      </Form>
      {atClinics > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 8 }}
          title={`另有 ${atClinics} 个已过期批次仍在村卫生室：请先在库存中“退回中心”，再集中销毁`}
        />
      )}
      <Table<BatchRow>
        data-testid="dispose-table"
        size="small"
        rowKey="batchId"
        loading={batches === null}
        dataSource={batches ?? []}
        pagination={false}
        locale={{ emptyText: '中心药库在这一天没有已过期的药品' }}
        rowSelection={{
          selectedRowKeys: Object.keys(chosen).map(Number),
          onChange: (keys) =>
            setChosen(
              Object.fromEntries(keys.map((k) => [Number(k), chosen[Number(k)] ?? batches?.find((b) => b.batchId === k)?.packs ?? 0])),
            ),
        }}
        columns={[
          { title: '药品', key: 'drug', render: (_: unknown, b) => `${b.drugName} ${b.spec}` },
          { title: '批号', dataIndex: 'lotNo' },
          { title: '有效期至', dataIndex: 'expiresOn', render: (v: string) => chineseDate(v) },
          { title: '结存', dataIndex: 'packs', align: 'right' },
          {
            title: '销毁数量',
            key: 'n',
            render: (_: unknown, b) =>
              chosen[b.batchId] !== undefined ? (
                <InputNumber
                  min={1}
                  max={b.packs}
                  precision={0}
                  value={chosen[b.batchId]}
                  onChange={(v) => setChosen({ ...chosen, [b.batchId]: v ?? 1 })}
                />
              ) : (
                ''
              ),
          },
          { title: '单价', dataIndex: 'priceFen', align: 'right', render: (v: number) => yuanText(v) },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="备注">
          <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      <p>销毁金额合计：{yuanText(total)}</p>
      {error && <Alert type="error" showIcon title={error} data-testid="dispose-error" />}
    </Modal>
  );
}
