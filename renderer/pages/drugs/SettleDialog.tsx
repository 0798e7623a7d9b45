import { Button, Input, Modal, Radio, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { settleInput } from '../../../shared/schemas/drugs';
import { call, errorMessage } from '../../api';

export interface SettleTarget {
  drugId: number;
  listId: number;
  drugLabel: string;
  editionName: string;
  note: string;
}

/** The 核定 button of a row (drug drawer, 待核定基药 tab): shown only to a role that may write. */
export function SettleButton(props: { target: SettleTarget; allowed: boolean; onPick: (t: SettleTarget) => void }) {
  if (!props.allowed) return null;
  return (
    <Button size="small" onClick={() => props.onPick(props.target)}>
      核定
    </Button>
  );
}

/** 人工核定: the clerk decides whether a drug is essential in one edition, with the reason (audited). */
export function SettleDialog(props: { target: SettleTarget | null; onClose: () => void; onSaved: () => void }) {
  const [essential, setEssential] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const t = props.target;
  const close = () => {
    setEssential(null);
    setNote('');
    setError('');
    props.onClose();
  };
  async function save() {
    if (!t) return;
    const parsed = settleInput.safeParse({ drugId: t.drugId, listId: t.listId, essential, note });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join('；'));
      return;
    }
    setSaving(true);
    try {
      await call('drugs.settle', parsed.data);
      void message.success(`已核定：${t.drugLabel}`);
      close();
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open={t !== null}
      title="核定是否为基本药物"
      okText="保存核定"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={close}
      confirmLoading={saving}
    >
      {t && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t.drugLabel}</Typography.Text>
          <Typography.Text type="secondary">
            {t.editionName}：{t.note || '未能自动判定'}
          </Typography.Text>
          <Radio.Group value={essential} onChange={(e) => setEssential(e.target.value as boolean)} data-testid="settle-choice">
            <Radio value={true}>是基药</Radio>
            <Radio value={false}>不是基药</Radio>
          </Radio.Group>
          <label htmlFor="settle-note">核定说明（必填）</label>
          <Input.TextArea id="settle-note" rows={3} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Space>
      )}
    </Modal>
  );
}
