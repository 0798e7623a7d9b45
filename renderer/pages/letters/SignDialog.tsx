import { Alert, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { LetterRow } from '../../../shared/schemas/supervision';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';

/** 登记签订 (P1): the day the letter was signed and who signed for each party; registering again corrects it (audited). */
export function SignDialog(props: { row: LetterRow | null; directorName: string; onClose: () => void; onSigned: () => void }) {
  const { row } = props;
  const [signedOn, setSignedOn] = useState<string | undefined>();
  const [centerSigner, setCenterSigner] = useState('');
  const [clinicSigner, setClinicSigner] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!row) return;
    setSignedOn(row.signedOn ?? undefined);
    setCenterSigner(row.centerSigner || props.directorName);
    setClinicSigner(row.clinicSigner || row.headName);
    setError('');
  }, [row, props.directorName]);

  async function ok() {
    if (!row) return;
    if (!signedOn) return setError('请填写签订日期');
    setBusy(true);
    try {
      await call('letters.sign', { clinicId: row.clinicId, year: row.year, signedOn, centerSigner, clinicSigner });
      props.onSigned();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={row !== null}
      title={row ? `登记签订：${row.clinicName} ${row.year} 年责任书` : ''}
      onCancel={props.onClose}
      onOk={() => void ok()}
      okText="登记"
      confirmLoading={busy}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {row?.status === 'signed' && <Alert type="info" showIcon title="已登记过签订；再次登记将更正原登记（留有操作记录）" />}
        <span className="inline-field">
          <label htmlFor="sign-date">签订日期</label>
          <DateInput id="sign-date" value={signedOn} onChange={(v) => setSignedOn(v ?? undefined)} />
        </span>
        <Input addonBefore="甲方签字人" value={centerSigner} onChange={(e) => setCenterSigner(e.target.value)} data-testid="sign-center" />
        <Input addonBefore="乙方签字人" value={clinicSigner} onChange={(e) => setClinicSigner(e.target.value)} data-testid="sign-clinic" />
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  );
}
