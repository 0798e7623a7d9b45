/** A held requisition (over the D3 share): a reviewer approves it with the reason, which is required and recorded. */
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';

export function ApprovePanel(props: { busy: boolean; mayApprove: boolean; onApprove: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title="超出非基本药物份额（D3），等待审批"
      description={
        props.mayApprove ? (
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <Input
              id="approve-reason"
              aria-label="审批理由"
              placeholder="审批理由（必填）：为什么同意超出份额"
              status={missing ? 'error' : undefined}
              maxLength={500}
              value={reason}
              onChange={(e) => (setReason(e.target.value), setMissing(false))}
              onPressEnter={() => (reason.trim() ? props.onApprove(reason) : setMissing(true))}
            />
            <Button
              type="primary"
              loading={props.busy}
              data-testid="requisition-approve"
              onClick={() => (reason.trim() ? props.onApprove(reason) : setMissing(true))}
            >
              审批通过
            </Button>
          </Space.Compact>
        ) : (
          '需由“审核”或“管理员”角色审批。'
        )
      }
    />
  );
}
