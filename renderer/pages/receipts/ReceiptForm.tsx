/**
 * 新增入库单: the supplier's note as a head (入库日期, 供货单位, 发票号) and its lines (drug, 批号,
 * dates, packs, price in 元). 检查 asks the core what each line will raise — a batch expired on
 * the receipt day is refused, near expiry and a price unlike the platform's are warnings — and
 * 保存 writes the whole note or nothing. A changed note asks before it is closed.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { todayIso } from '../../../shared/format';
import type { ReceiptCheck, ReceiptInput } from '../../../shared/schemas/receipts';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';
import { DrugPicker, type PickedDrug } from './DrugPicker';

interface Line {
  key: number;
  drug: PickedDrug | null;
  lotNo: string;
  producedOn: string | null;
  expiresOn: string | null;
  packs: number | null;
  priceYuan: number | null;
}

let nextKey = 1;
const emptyLine = (): Line => ({ key: nextKey++, drug: null, lotNo: '', producedOn: null, expiresOn: null, packs: null, priceYuan: null });

function toInput(head: { receivedOn: string | null; supplier: string; invoiceNo: string }, lines: Line[]): ReceiptInput {
  return {
    receivedOn: head.receivedOn ?? '',
    supplier: head.supplier,
    invoiceNo: head.invoiceNo,
    lines: lines.map((l) => ({
      drugId: l.drug?.id ?? 0,
      lotNo: l.lotNo,
      producedOn: l.producedOn,
      expiresOn: l.expiresOn ?? '',
      packs: l.packs ?? 0,
      priceFen: l.priceYuan === null ? -1 : Math.round(l.priceYuan * 100),
    })),
  };
}

/** What is wrong before asking the core: the line and the column, in the clerk's words. */
function missing(head: { receivedOn: string | null }, lines: Line[]): string | null {
  if (!head.receivedOn) return '请填写入库日期';
  for (const [i, l] of lines.entries()) {
    const what = !l.drug
      ? '药品'
      : !l.lotNo.trim()
        ? '批号'
        : !l.expiresOn
          ? '有效期至'
          : !l.packs
            ? '数量'
            : l.priceYuan === null
              ? '单价'
              : '';
    if (what) return `第 ${i + 1} 行：请填写${what}`;
  }
  return null;
}

export function ReceiptForm(props: { open: boolean; onClose: () => void; onSaved: (warnings: string[]) => void }) {
  const [head, setHead] = useState({ receivedOn: todayIso() as string | null, supplier: '', invoiceNo: '' });
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [check, setCheck] = useState<ReceiptCheck | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);

  const reset = () => {
    setHead({ receivedOn: todayIso(), supplier: '', invoiceNo: '' });
    setLines([emptyLine()]);
    setCheck(null);
    setError('');
    setDirty(false);
  };
  const edit = (key: number, patch: Partial<Line>) => {
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
    setCheck(null);
    setDirty(true);
  };
  const close = () => {
    if (!dirty) return props.onClose();
    Modal.confirm({
      title: '入库单还没有保存',
      content: '关闭后填写的内容将丢失。确定放弃吗？',
      okText: '放弃并关闭',
      cancelText: '继续填写',
      onOk: () => {
        reset();
        props.onClose();
      },
    });
  };
  const run = async (what: 'check' | 'save') => {
    const gap = missing(head, lines);
    if (gap) return setError(gap);
    setBusy(true);
    setError('');
    try {
      if (what === 'check') setCheck(await call('receipts.check', toInput(head, lines)));
      else {
        const saved = await call('receipts.create', toInput(head, lines));
        reset();
        props.onSaved(saved.warnings);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const lineCheck = (i: number) => check?.lines.find((c) => c.index === i);
  return (
    <Drawer
      title="新增入库单"
      open={props.open}
      size={1320}
      onClose={close}
      maskClosable={false}
      extra={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button loading={busy} onClick={() => void run('check')} data-testid="receipt-check">
            检查
          </Button>
          <Button type="primary" loading={busy} onClick={() => void run('save')} data-testid="receipt-save">
            保存入库
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="receipt-error" />}
      <Space wrap size="large" style={{ marginBottom: 12 }}>
        <span className="inline-field">
          <label htmlFor="receipt-date">入库日期</label>
          <DateInput id="receipt-date" value={head.receivedOn} onChange={(v) => (setHead({ ...head, receivedOn: v }), setDirty(true))} />
        </span>
        <span className="inline-field">
          <label htmlFor="receipt-supplier">供货单位</label>
          <Input
            id="receipt-supplier"
            style={{ width: 240 }}
            value={head.supplier}
            maxLength={100}
            onChange={(e) => (setHead({ ...head, supplier: e.target.value }), setDirty(true))}
          />
        </span>
        <span className="inline-field">
          <label htmlFor="receipt-invoice">发票号</label>
          <Input
            id="receipt-invoice"
            style={{ width: 160 }}
            value={head.invoiceNo}
            maxLength={60}
            onChange={(e) => (setHead({ ...head, invoiceNo: e.target.value }), setDirty(true))}
          />
        </span>
      </Space>
      <Table<Line>
        size="small"
        pagination={false}
        tableLayout="fixed"
        rowKey="key"
        dataSource={lines}
        columns={[
          { title: '序号', width: 50, render: (_v, _l, i) => i + 1 },
          {
            title: '药品',
            width: 280,
            render: (_v, l, i) => (
              <DrugPicker
                id={`line-${i}-drug`}
                value={l.drug}
                onChange={(d) => edit(l.key, { drug: d, priceYuan: l.priceYuan ?? (d ? d.priceFen / 100 : null) })}
              />
            ),
          },
          {
            title: '批号',
            width: 120,
            render: (_v, l, i) => (
              <Input id={`line-${i}-lot`} value={l.lotNo} maxLength={40} onChange={(e) => edit(l.key, { lotNo: e.target.value })} />
            ),
          },
          {
            title: '生产日期',
            width: 190,
            render: (_v, l) => <DateInput value={l.producedOn} onChange={(v) => edit(l.key, { producedOn: v })} />,
          },
          {
            title: '有效期至',
            width: 190,
            render: (_v, l, i) => (
              <DateInput id={`line-${i}-expires`} value={l.expiresOn} onChange={(v) => edit(l.key, { expiresOn: v })} />
            ),
          },
          {
            title: '数量（包装）',
            width: 100,
            render: (_v, l, i) => (
              <InputNumber id={`line-${i}-packs`} min={1} precision={0} value={l.packs} onChange={(v) => edit(l.key, { packs: v })} />
            ),
          },
          {
            title: '单价（元）',
            width: 100,
            render: (_v, l, i) => (
              <InputNumber
                id={`line-${i}-price`}
                min={0}
                precision={2}
                value={l.priceYuan}
                onChange={(v) => edit(l.key, { priceYuan: v })}
              />
            ),
          },
          {
            title: '检查结果',
            render: (_v, _l, i) => {
              const c = lineCheck(i);
              if (!c) return null;
              if (c.error)
                return (
                  <Tag color="red" style={{ whiteSpace: 'normal' }}>
                    {c.error}
                  </Tag>
                );
              if (c.warnings.length === 0) return <Tag color="green">可以入库</Tag>;
              return c.warnings.map((w) => (
                <Tag key={w} color="orange" style={{ whiteSpace: 'normal' }}>
                  {w}
                </Tag>
              ));
            },
          },
          {
            title: '',
            width: 40,
            render: (_v, l) => (
              <Button
                type="text"
                aria-label="删除此行"
                icon={<DeleteOutlined />}
                disabled={lines.length === 1}
                onClick={() => (setLines(lines.filter((x) => x.key !== l.key)), setCheck(null), setDirty(true))}
              />
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => (setLines([...lines, emptyLine()]), setDirty(true))}>
        添加一行
      </Button>
    </Drawer>
  );
}
