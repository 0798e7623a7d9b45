/**
 * P4: the 更正原因 asked when a correction to a locked quarter is saved. The reason is kept with
 * the original values for the county's re-check; a refusal (an empty reason …) shows here, so
 * the clerk fixes it without losing what was changed in the form.
 */
import { Alert, Input, Modal } from 'antd';

export function CorrectionReasonDialog(props: {
  open: boolean;
  saving: boolean;
  reason: string;
  error: string;
  onReason: (reason: string) => void;
  onSave: () => void;
  onBack: () => void;
}) {
  return (
    <Modal
      open={props.open}
      title="更正原因"
      okText="保存更正"
      cancelText="返回修改"
      confirmLoading={props.saving}
      onOk={props.onSave}
      onCancel={props.onBack}
      destroyOnHidden
    >
      <p className="hint">本季度已锁定。请写明为什么修改（如“县复核发现第 3 项错记”），原记录和原因一并保存，供县级复核查阅。</p>
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 8 }} data-testid="correction-error" />}
      <Input.TextArea
        autoFocus
        rows={3}
        maxLength={200}
        aria-label="更正原因"
        value={props.reason}
        onChange={(e) => props.onReason(e.target.value)}
      />
    </Modal>
  );
}
