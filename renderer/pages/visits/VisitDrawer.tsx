/**
 * P2, P8: one clinic's visit of a month, entered on the keyboard. Scores run down the items
 * (Enter/Tab), the running total follows, Ctrl+Enter saves as 已完成, 暂存草稿 keeps a draft;
 * everything typed is also kept in the browser until it is saved (visitDraft.ts). The previous
 * visit's scores stand beside each item; its open findings are re-checked here.
 * A visit of a locked quarter (P4) opens read-only; 更正… (审核) makes it editable, and saving
 * asks for the 更正原因 — the corrected values then show their original beside them.
 */
import { Alert, Button, Drawer, Input, Popconfirm, Space, Switch, Tag } from 'antd';
import { monthLabel } from '../../../shared/rules/quarter';
import { formatTenths } from '../../../shared/rules/scoring';
import { useMay } from '../../access';
import { DateInput } from '../../components/DateInput';
import { CorrectionReasonDialog } from './CorrectionReasonDialog';
import { CorrectionsList } from './CorrectionsList';
import { LockedVisitBanner } from './LockedVisitBanner';
import { FindingsEditor, RecheckList } from './FindingsEditor';
import { ScoreTable } from './ScoreTable';
import { useVisitForm } from './useVisitForm';
import './visits.css';

/** The drawer's layout; the form's state and its save paths are in useVisitForm. */
export function VisitDrawer(props: {
  clinicId: number | null;
  month: string;
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => void;
  onPrint: (clinicId: number) => void;
}) {
  const { month } = props;
  const may = useMay();
  const v = useVisitForm(props);
  const { form, draft, total, readOnly, locked, correcting, corrections, change } = v;
  return (
    <Drawer
      open={props.clinicId !== null}
      onClose={props.onClose}
      size={1040}
      title={form ? `${form.clinic.name} · ${monthLabel(month)}督导考核` : '督导考核'}
      destroyOnHidden
      extra={
        form && (
          <Space>
            {form.visit && (
              <Tag color={form.visit.status === 'final' ? 'green' : 'orange'}>{form.visit.status === 'final' ? '已完成' : '草稿'}</Tag>
            )}
            <Button onClick={() => props.onPrint(form.clinic.id)}>打印本表</Button>
          </Space>
        )
      }
      footer={
        form &&
        draft &&
        total && (
          <div className="visit-footer">
            <span className="visit-total" data-testid="running-total">
              合计 {formatTenths(total.totalTenths)} 分（基本 {formatTenths(total.baseTenths)} ＋ 奖励 {formatTenths(total.bonusTenths)}）
              {total.vetoed && <Tag color="red">一票否决</Tag>}
            </span>
            {locked && correcting && (
              <Space>
                <Button onClick={v.cancelCorrection}>取消更正</Button>
                <Button type="primary" onClick={() => v.setAsking(true)} data-testid="correction-save">
                  保存更正…
                </Button>
              </Space>
            )}
            {!readOnly && !locked && (
              <Space>
                {form.visit?.status === 'draft' && (
                  <Popconfirm
                    title="删除本月的督导草稿（已填的分数和问题一并删除）？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => void v.discard()}
                  >
                    <Button danger>删除草稿</Button>
                  </Popconfirm>
                )}
                <Button onClick={() => void v.save(false)} loading={v.saving}>
                  暂存草稿
                </Button>
                <Button type="primary" onClick={() => void v.save(true)} loading={v.saving} data-testid="visit-save">
                  保存（Ctrl+Enter）
                </Button>
              </Space>
            )}
          </div>
        )
      }
    >
      {v.error && <Alert type="error" showIcon title={v.error} style={{ marginBottom: 12 }} data-testid="visit-error" />}
      {v.restored && <Alert type="info" showIcon title="已恢复上次未保存的录入内容。" style={{ marginBottom: 12 }} />}
      {form?.locked && (
        <LockedVisitBanner
          correcting={correcting}
          mayCorrect={may('approve')}
          hasVisit={Boolean(form.visit)}
          onCorrect={v.startCorrection}
        />
      )}
      {form && draft && (
        <>
          <div className="visit-head">
            <span className="inline-field">
              <label>督导日期</label>
              <DateInput
                value={draft.visitedOn}
                disabled={readOnly}
                allowClear={false}
                onChange={(v) => change({ ...draft, visitedOn: v ?? draft.visitedOn })}
              />
            </span>
            <span className="inline-field">
              <label htmlFor="visit-supervisors">督导人</label>
              <Input
                id="visit-supervisors"
                style={{ width: 180 }}
                value={draft.supervisors}
                readOnly={readOnly}
                onChange={(e) => change({ ...draft, supervisors: e.target.value })}
              />
            </span>
            <span className="inline-field">
              <label htmlFor="visit-signer">村卫生室负责人</label>
              <Input
                id="visit-signer"
                style={{ width: 110 }}
                value={draft.clinicSigner}
                readOnly={readOnly}
                onChange={(e) => change({ ...draft, clinicSigner: e.target.value })}
              />
            </span>
            <span className="inline-field">
              <Switch size="small" checked={draft.byDeduction} disabled={readOnly} onChange={v.toggleDeduction} /> 按扣分录入
            </span>
          </div>
          <div className="hint" style={{ margin: '4px 0 8px' }}>
            使用 {form.template.name}
            {form.template.name.includes('版') ? '' : `（第 ${form.template.version} 版）`}。回车或 Tab 跳到下一项，Shift
            返回上一项；Ctrl+Enter 保存。
            {form.previous && `上次督导：${monthLabel(form.previous.month)}，${formatTenths(form.previous.totalTenths)} 分。`}
          </div>
          <ScoreTable form={form} draft={draft} readOnly={readOnly} onChange={change} corrections={corrections} />
          {/* Re-checks of earlier findings are their follow-up, not part of this visit's correction. */}
          <RecheckList form={form} draft={draft} readOnly={readOnly || locked} onChange={change} />
          <FindingsEditor form={form} draft={draft} readOnly={readOnly} onChange={change} keepExisting={locked} />
          <div className="visit-section">
            <h4>备注</h4>
            <Input.TextArea rows={2} value={draft.note} readOnly={readOnly} onChange={(e) => change({ ...draft, note: e.target.value })} />
          </div>
          {corrections.length > 0 && (
            <div className="visit-section" data-testid="visit-corrections">
              <h4>更正记录（{corrections.length} 处）</h4>
              <CorrectionsList rows={corrections} />
            </div>
          )}
        </>
      )}
      <CorrectionReasonDialog
        open={v.asking}
        saving={v.saving}
        reason={v.reason}
        error={v.reasonError}
        onReason={v.setReason}
        onSave={() => void v.correct()}
        onBack={() => v.setAsking(false)}
      />
    </Drawer>
  );
}
