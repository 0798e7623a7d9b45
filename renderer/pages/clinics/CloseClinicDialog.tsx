import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../shared/format';
import type { ClinicDetail } from '../../../shared/schemas/clinics';
import { ApiError, call } from '../../api';
import { DateInput } from '../../components/DateInput';

/** A clinic with history is never deleted: it is closed with a date and a reason. */
export function CloseClinicDialog(props: { clinic?: ClinicDetail; onClose: () => void; onDone: (c: ClinicDetail) => void }) {
  // The app's one date field (DateInput): shown as 2026年6月19日, typed as 2026.6.19 or 20260619 too.
  const [date, setDate] = useState<string | null>(todayIso());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; field?: string }>({ message: '' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDate(todayIso());
    setReason('');
    setError({ message: '' });
  }, [props.clinic]);

  async function submit() {
    if (!props.clinic) return;
    setBusy(true);
    try {
      const c = await call('clinics.close', { id: props.clinic.id, closedOn: date ?? '', reason });
      props.onDone(c);
    } catch (e) {
      setError(e instanceof ApiError ? { message: e.body.message, field: e.body.field } : { message: String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={`撤销村卫生室：${props.clinic?.name ?? ''}`}
      open={Boolean(props.clinic)}
      okText="确认撤销"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={props.onClose}
    >
      <p>撤销后卫生室的历史记录全部保留，它服务的村将重新计算覆盖方式；如果没有其他覆盖，会列为空白点。</p>
      {error.message && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Form.Item label="撤销日期" required htmlFor="close-date" validateStatus={error.field === 'closedOn' ? 'error' : undefined}>
          <DateInput id="close-date" value={date} onChange={setDate} allowClear={false} />
        </Form.Item>
        <Form.Item label="撤销原因" required htmlFor="close-reason" validateStatus={error.field === 'reason' ? 'error' : undefined}>
          <Input.TextArea
            id="close-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={200}
            placeholder="如：村医退休，暂无人接任"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
