/**
 * P2, P8, P4: the state of one clinic's visit form and its save paths, kept apart from the
 * drawer's layout (VisitDrawer.tsx). It loads the form, restores typing kept in the browser
 * (visitDraft.ts), saves as 草稿 or 已完成, deletes a draft, and — for a locked quarter — makes
 * the 审核 correction, which asks for the 更正原因 before it is saved.
 */
import { message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { todayIso } from '../../../shared/format';
import { formatTenths, parsePointsToTenths } from '../../../shared/rules/scoring';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import type { VisitForm } from '../../../shared/schemas/visits';
import { call, errorMessage } from '../../api';
import { draftFromForm, forget, keep, loadKept, runningTotal, saveInput, type VisitDraft } from './visitDraft';

export function useVisitForm(opts: { clinicId: number | null; month: string; readOnly: boolean; onSaved: () => void }) {
  const { clinicId, month, onSaved } = opts;
  const [form, setForm] = useState<VisitForm | null>(null);
  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
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
  const readOnly = locked ? !correcting : opts.readOnly;

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
      onSaved();
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
        onSaved();
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setSaving(false);
      }
    },
    [form, draft, readOnly, correcting, month, onSaved],
  );

  const discard = async () => {
    if (!form) return;
    try {
      const fresh = await call('visits.discardDraft', { clinicId: form.clinic.id, month });
      forget(form.clinic.id, month);
      setForm(fresh);
      setDraft(draftFromForm(fresh, todayIso()));
      void message.success('已删除草稿');
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  // Ctrl+Enter saves as 已完成 from anywhere in the open form (P8: the keyboard is enough).
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
  return {
    form,
    draft,
    total,
    restored,
    error,
    saving,
    locked,
    readOnly,
    corrections,
    correcting,
    startCorrection: () => setCorrecting(true),
    cancelCorrection,
    asking,
    setAsking,
    reason,
    setReason,
    reasonError,
    change,
    toggleDeduction,
    save,
    discard,
    correct,
  };
}
