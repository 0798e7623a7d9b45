import { Alert, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { VbpVolumeRow } from '../../../shared/schemas/drugWatch';
import { call, errorMessage } from '../../api';

/** D6: the agreed annual volume of one 集采 drug, in packs; empty clears it. */
export function VolumeEditor(props: { row: VbpVolumeRow | null; onClose: () => void; onSaved: () => void }) {
  const { row } = props;
  const [value, setValue] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValue(row?.annualPacks ?? null);
    setError('');
  }, [row]);
  async function save() {
    if (!row) return;
    setBusy(true);
    setError('');
    try {
      await call('drugWatch.setVbpVolume', { id: row.id, annualPacks: value });
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={row !== null}
      title={row ? `约定年采购量：${row.genericName} ${row.spec}` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        按集采中选结果约定的本年度采购量（以包装单位计）。留空表示不跟踪进度。本年已入库 {row?.receivedPacks ?? 0} 个包装。
      </Typography.Paragraph>
      <InputNumber
        aria-label="约定年采购量"
        autoFocus
        min={1}
        precision={0}
        style={{ width: 200 }}
        value={value}
        onChange={(v) => setValue(typeof v === 'number' ? v : null)}
        onPressEnter={() => void save()}
        addonAfter="包装"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
