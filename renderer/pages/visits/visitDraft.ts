/**
 * The form's state as typed, and its keeping: nothing typed is lost — every change is kept in
 * the browser's storage under the clinic and month until the visit is saved, and restored when
 * the form is opened again (a crash, a closed window, a sign-out on idle).
 */
import { formatTenths, itemScoreProblem, monthScore, parsePointsToTenths } from '../../../shared/rules/scoring';
import type { VisitForm, VisitSaveInput } from '../../../shared/schemas/visits';

export interface FindingDraft {
  id?: number;
  itemId: number | null;
  text: string;
  owner: string;
  dueOn: string | null;
}

export interface VisitDraft {
  visitedOn: string;
  supervisors: string;
  clinicSigner: string;
  note: string;
  /** Raw text per item id, as typed (a score, or a deduction when `byDeduction`). */
  scores: Record<number, string>;
  notes: Record<number, string>;
  vetoes: Record<number, boolean>;
  findings: FindingDraft[];
  rechecks: Record<number, { result: 'rectified' | 'not_rectified' | ''; note: string }>;
  byDeduction: boolean;
}

const key = (clinicId: number, month: string) => `visit-draft:${clinicId}:${month}`;

export function draftFromForm(form: VisitForm, today: string): VisitDraft {
  const v = form.visit;
  const scores: Record<number, string> = {};
  const notes: Record<number, string> = {};
  const vetoes: Record<number, boolean> = {};
  for (const s of v?.scores ?? []) {
    if (s.scoreTenths !== null) scores[s.itemId] = formatTenths(s.scoreTenths).replace(/\.0$/, '');
    if (s.note) notes[s.itemId] = s.note;
    if (s.vetoed) vetoes[s.itemId] = true;
  }
  const rechecks: VisitDraft['rechecks'] = {};
  for (const f of form.openFindings) {
    if (f.recheckMonth === form.month) rechecks[f.id] = { result: f.status === 'rectified' ? 'rectified' : 'not_rectified', note: '' };
  }
  return {
    visitedOn: v?.visitedOn ?? (today.slice(0, 7) === form.month ? today : `${form.month}-01`),
    supervisors: v?.supervisors ?? form.previous?.supervisors ?? '',
    clinicSigner: v?.clinicSigner ?? form.clinic.headName,
    note: v?.note ?? '',
    scores,
    notes,
    vetoes,
    findings: (v?.findings ?? []).map((f) => ({ id: f.id, itemId: f.itemId, text: f.text, owner: f.owner, dueOn: f.dueOn })),
    rechecks,
    byDeduction: false,
  };
}

export function loadKept(clinicId: number, month: string): VisitDraft | null {
  try {
    const raw = window.localStorage.getItem(key(clinicId, month));
    return raw ? (JSON.parse(raw) as VisitDraft) : null;
  } catch {
    return null;
  }
}

export function keep(clinicId: number, month: string, d: VisitDraft): void {
  try {
    window.localStorage.setItem(key(clinicId, month), JSON.stringify(d));
  } catch {
    // Storage full or disabled: the form still works, only the safety copy is missing.
  }
}

export function forget(clinicId: number, month: string): void {
  window.localStorage.removeItem(key(clinicId, month));
}

/** The score in tenths an item's typed text stands for (a deduction becomes max − deduction), or an error naming the item. */
export function readScore(
  item: VisitForm['items'][number],
  raw: string | undefined,
  byDeduction: boolean,
): { tenths: number | null; error: string | null } {
  const text = (raw ?? '').trim();
  if (text === '') return { tenths: null, error: null };
  const name = `${item.seq ? `${item.seq} ` : ''}${item.content}`;
  const typed = parsePointsToTenths(text);
  if (typed === null) return { tenths: null, error: `“${name}”的${byDeduction ? '扣分' : '得分'}“${text}”不是数字（最多一位小数）` };
  const tenths = byDeduction ? item.maxTenths - typed : typed;
  if (byDeduction && typed < 0) return { tenths: null, error: `“${name}”的扣分不能小于 0` };
  return { tenths, error: itemScoreProblem(name, tenths, item.maxTenths) };
}

export function runningTotal(form: VisitForm, d: VisitDraft) {
  return monthScore({
    items: form.items
      .filter((i) => !i.isVeto)
      .map((i) => {
        const r = readScore(i, d.scores[i.id], d.byDeduction);
        return { maxTenths: i.maxTenths, scoreTenths: r.error ? null : r.tenths, bonus: i.isBonus };
      }),
    bonusCapTenths: form.template.bonusCapTenths,
    vetoTriggered: form.items.some((i) => i.isVeto && d.vetoes[i.id] === true),
  });
}

export function saveInput(form: VisitForm, d: VisitDraft, final: boolean): VisitSaveInput {
  return {
    clinicId: form.clinic.id,
    month: form.month,
    visitedOn: d.visitedOn,
    supervisors: d.supervisors,
    clinicSigner: d.clinicSigner,
    note: d.note,
    final,
    scores: form.items.map((i) => ({
      itemId: i.id,
      scoreTenths: i.isVeto ? null : readScore(i, d.scores[i.id], d.byDeduction).tenths,
      vetoed: i.isVeto && d.vetoes[i.id] === true,
      note: d.notes[i.id] ?? '',
    })),
    findings: d.findings
      .filter((f) => f.text.trim() !== '')
      .map((f) => ({ ...(f.id !== undefined ? { id: f.id } : {}), itemId: f.itemId, text: f.text, owner: f.owner, dueOn: f.dueOn })),
    rechecks: Object.entries(d.rechecks)
      .filter(([, r]) => r.result !== '')
      .map(([id, r]) => ({ findingId: Number(id), result: r.result as 'rectified' | 'not_rectified', note: r.note })),
  };
}
