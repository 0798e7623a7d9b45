/**
 * P2, P8: one clinic's visit of a month, entered on the keyboard. Scores run down the items
 * (Enter/Tab), the running total follows, Ctrl+Enter saves as 已完成, 暂存草稿 keeps a draft;
 * everything typed is also kept in the browser until it is saved (visitDraft.ts). The previous
 * visit's scores stand beside each item; its open findings are re-checked here.
 * A visit of a locked quarter (P4) opens read-only; 更正… (审核) makes it editable, and saving
 * asks for the 更正原因 — the corrected values then show their original beside them.
 */
import { Alert, Button, Drawer, Input, Popconfirm, Space, Switch, Tag, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { todayIso } from '../../../shared/format';
import { monthLabel } from '../../../shared/rules/quarter';
import { formatTenths, parsePointsToTenths } from '../../../shared/rules/scoring';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import type { VisitForm } from '../../../shared/schemas/visits';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';
import { CorrectionReasonDialog } from './CorrectionReasonDialog';
import { CorrectionsList } from './CorrectionsList';
import { LockedVisitBanner } from './LockedVisitBanner';
import { FindingsEditor, RecheckList } from './FindingsEditor';
import { ScoreTable } from './ScoreTable';
import { draftFromForm, forget, keep, loadKept, runningTotal, saveInput, type VisitDraft } from './visitDraft';
import './visits.css';

export function VisitDrawer(props: {
  clinicId: number | null;
  month: string;
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => void;
  onPrint: (clinicId: number) => void;
}) {
  const { clinicId, month } = props;
  const [form, setForm] = useState<VisitForm | null>(null);
  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const may = useMay();
  // P4: a locked visit's corrections, and the correction being made (reason asked on save).
  const [corrections, setCorrections] = useState<CorrectionRow[]>([]);
  const [correcting, setCorrecting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');

  useEffect(() => {
    setForm(null);
    setDraft(null);
    setError('');
    setCorrections([]);
    setCorrecting(false);
    if (clinicId === null) return;
    call('visits.form', { clinicId, month }).then(
      (f) => {
        setForm(f);
        // A locked visit is shown as stored: no typing was kept for it (a correction is made in one sitting).
        const kept = f.locked ? null : loadKept(clinicId, month);
        setRestored(kept !== null);
        setDraft(kept ?? draftFromForm(f, todayIso()));
        if (f.locked && f.visit)
          call('visits.corrections', { month, clinicId }).then(setCorrections, (e: unknown) => setError(errorMessage(e)));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [clinicId, month]);

  const change = (d: VisitDraft) => {
    setDraft(d);
    if (clinicId !== null && form?.locked !== true) keep(clinicId, month, d);
  };

  const locked = form?.locked === true;
  // A correction needs 审核 (approve), not 录入 (write): a reviewer corrects what a clerk may only view.
  const readOnly = locked ? !correcting : props.readOnly;

  const correct = async () => {
    if (!form || !draft) return;
    setSaving(true);
    setReasonError('');
    try {
      const { final: _final, rechecks: _rechecks, ...values } = saveInput(form, draft, true);
      const out = await call('visits.correct', { ...values, reason });
      setForm(out.form);
      setDraft(draftFromForm(out.form, todayIso()));
      setCorrections(out.corrections);
      setCorrecting(false);
      setAsking(false);
      setReason('');
      void message.success(`已更正：${out.form.clinic.name} ${formatTenths(out.form.visit?.totalTenths ?? 0)} 分，原记录已保留`);
      props.onSaved();
    } catch (e) {
      setReasonError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const cancelCorrection = () => {
    if (form) setDraft(draftFromForm(form, todayIso()));
    setCorrecting(false);
  };

  const save = useCallback(
    async (final: boolean) => {
      if (form?.locked && correcting) {
        setAsking(true);
        return;
      }
      if (!form || !draft || readOnly) return;
      setSaving(true);
      setError('');
      try {
        const saved = await call('visits.save', saveInput(form, draft, final));
        forget(form.clinic.id, month);
        setForm(saved);
        setDraft(draftFromForm(saved, todayIso()));
        setRestored(false);
        void message.success(final ? `已保存：${saved.clinic.name} ${formatTenths(saved.visit?.totalTenths ?? 0)} 分` : '已暂存草稿');
        props.onSaved();
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setSaving(false);
      }
    },
    [form, draft, readOnly, correcting, month, props],
  );

  const discard = async () => {
    if (!form) return;
    try {
      const fresh = await call('visits.discardDraft', { clinicId: form.clinic.id, month });
      forget(form.clinic.id, month);
      setForm(fresh);
      setDraft(draftFromForm(fresh, todayIso()));
      void message.success('已删除草稿');
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void save(true);
      }
    };
    if (clinicId === null) return;
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clinicId, save]);

  const toggleDeduction = (on: boolean) => {
    if (!form || !draft) return;
    // Keep what is typed meaning the same: a score of 8 on a 10-point item is a deduction of 2.
    const scores: Record<number, string> = {};
    for (const i of form.items) {
      const t = parsePointsToTenths(draft.scores[i.id] ?? '');
      scores[i.id] = t === null ? (draft.scores[i.id] ?? '') : formatTenths(i.maxTenths - t).replace(/\.0$/, '');
    }
    change({ ...draft, byDeduction: on, scores });
  };

  const total = form && draft ? runningTotal(form, draft) : null;
  return (
    <Drawer
      open={clinicId !== null}
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
                <Button onClick={cancelCorrection}>取消更正</Button>
                <Button type="primary" onClick={() => setAsking(true)} data-testid="correction-save">
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
                    onConfirm={() => void discard()}
                  >
                    <Button danger>删除草稿</Button>
                  </Popconfirm>
                )}
                <Button onClick={() => void save(false)} loading={saving}>
                  暂存草稿
                </Button>
                <Button type="primary" onClick={() => void save(true)} loading={saving} data-testid="visit-save">
                  保存（Ctrl+Enter）
                </Button>
              </Space>
            )}
          </div>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="visit-error" />}
      {restored && <Alert type="info" showIcon title="已恢复上次未保存的录入内容。" style={{ marginBottom: 12 }} />}
      {form?.locked && (
        <LockedVisitBanner
          correcting={correcting}
          mayCorrect={may('approve')}
          hasVisit={Boolean(form.visit)}
          onCorrect={() => setCorrecting(true)}
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
              <Switch size="small" checked={draft.byDeduction} disabled={readOnly} onChange={toggleDeduction} /> 按扣分录入
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
        open={asking}
        saving={saving}
        reason={reason}
        error={reasonError}
        onReason={setReason}
        onSave={() => void correct()}
        onBack={() => setAsking(false)}
      />
    </Drawer>
  );
}
