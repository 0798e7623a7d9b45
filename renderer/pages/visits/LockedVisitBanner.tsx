/**
 * P4: over a visit of a locked quarter, what the clerk may do — look only, or (with 审核 rights)
 * start a correction, then what happens on saving it.
 */
import { Alert, Button } from 'antd';

export function LockedVisitBanner(props: { correcting: boolean; mayCorrect: boolean; hasVisit: boolean; onCorrect: () => void }) {
  const { correcting, mayCorrect } = props;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="locked-banner"
      title={correcting ? '本季度已锁定 · 正在更正' : '本季度已锁定'}
      description={
        correcting
          ? '改好后点“保存更正…”并填写更正原因；原记录保留在更正记录中，不会被覆盖（P4）。'
          : mayCorrect
            ? '该季度的考核结果已锁定（P4），记录只能查看。如有错误，请点“更正…”修改并填写更正原因。'
            : '该季度的考核结果已锁定（P4），记录只能查看。如有错误，请由有“审核”权限的人员更正。'
      }
      action={
        props.hasVisit &&
        !correcting &&
        mayCorrect && (
          <Button size="small" onClick={props.onCorrect} data-testid="correction-start">
            更正…
          </Button>
        )
      }
    />
  );
}
