/**
 * The keyboard-fast part of the visit form (P6, P8): one row per item, Enter or Tab moves down
 * the scores (Shift goes up), the maximum checked as typed with the item named, the previous
 * visit's score beside each item. Notes are reached with the mouse so Tab stays in the scores.
 */
import { Checkbox, Input, Tooltip } from 'antd';
import type { KeyboardEvent } from 'react';
import { formatTenths } from '../../../shared/rules/scoring';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import type { VisitForm } from '../../../shared/schemas/visits';
import { scoreCorrection } from './CorrectionsList';
import { readScore, type VisitDraft } from './visitDraft';

function moveFocus(e: KeyboardEvent<HTMLInputElement>, index: number) {
  if (e.key !== 'Enter' && e.key !== 'Tab') return;
  if (e.ctrlKey || e.metaKey) return; // Ctrl+Enter saves (the form listens)
  const next = document.querySelector<HTMLInputElement>(`[data-score-index="${index + (e.shiftKey ? -1 : 1)}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
    next.select();
  }
}

export function ScoreTable(props: {
  form: VisitForm;
  draft: VisitDraft;
  readOnly: boolean;
  onChange: (d: VisitDraft) => void;
  /** P4: a locked visit's corrections — each corrected score shows its original beside it. */
  corrections?: CorrectionRow[];
}) {
  const { form, draft, readOnly, onChange } = props;
  const corrections = props.corrections ?? [];
  const prev = new Map((form.previous?.scores ?? []).map((s) => [s.itemId, s.scoreTenths]));
  const scored = form.items.filter((i) => !i.isVeto);
  const vetoItems = form.items.filter((i) => i.isVeto);
  return (
    <>
      <table className="score-table" data-testid="score-table">
        <thead>
          <tr>
            <th style={{ width: 48 }}>序号</th>
            <th>考核内容</th>
            <th style={{ width: 64 }}>分值</th>
            <th style={{ width: 72 }}>上次得分</th>
            <th style={{ width: 96 }}>{draft.byDeduction ? '扣分' : '得分'}</th>
            <th style={{ width: 220 }}>扣分原因及说明</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((item, index) => {
            const r = readScore(item, draft.scores[item.id], draft.byDeduction);
            const showGroup = index === 0 || scored[index - 1]?.groupName !== item.groupName;
            const p = prev.get(item.id);
            return [
              showGroup ? (
                <tr key={`g-${item.id}`} className="score-group">
                  <td colSpan={6}>{item.groupName}</td>
                </tr>
              ) : null,
              <tr key={item.id} className={r.error ? 'score-row score-row-error' : 'score-row'}>
                <td className="center">{item.seq}</td>
                <td>
                  {item.content}
                  {item.isBonus && <span className="score-bonus">奖励分</span>}
                  {item.standard && <div className="hint">{item.standard}</div>}
                  {r.error && <div className="score-error">{r.error}</div>}
                  <Corrected corrections={corrections} itemId={item.id} />
                </td>
                <td className="num">{formatTenths(item.maxTenths)}</td>
                <td className="num hint">{p === undefined || p === null ? '' : formatTenths(p)}</td>
                <td>
                  <input
                    className="score-input"
                    aria-label={`${item.seq} ${draft.byDeduction ? '扣分' : '得分'}`}
                    data-score-index={index}
                    inputMode="decimal"
                    value={draft.scores[item.id] ?? ''}
                    readOnly={readOnly}
                    onFocus={(e) => e.currentTarget.select()}
                    onKeyDown={(e) => moveFocus(e, index)}
                    onChange={(e) => onChange({ ...draft, scores: { ...draft.scores, [item.id]: e.target.value } })}
                  />
                </td>
                <td>
                  <Input
                    size="small"
                    tabIndex={-1}
                    aria-label={`${item.seq} 说明`}
                    value={draft.notes[item.id] ?? ''}
                    readOnly={readOnly}
                    onChange={(e) => onChange({ ...draft, notes: { ...draft.notes, [item.id]: e.target.value } })}
                  />
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
      {vetoItems.length > 0 && (
        <div className="score-veto">
          <b>一票否决项</b>（勾选即本月得 0 分）：
          {vetoItems.map((i) => (
            <Checkbox
              key={i.id}
              disabled={readOnly}
              checked={draft.vetoes[i.id] === true}
              onChange={(e) => onChange({ ...draft, vetoes: { ...draft.vetoes, [i.id]: e.target.checked } })}
            >
              {i.content}
              <Corrected corrections={corrections} itemId={i.id} />
            </Checkbox>
          ))}
        </div>
      )}
    </>
  );
}

/** "10.0 → 6.0（更正）" under a corrected item, the reasons on hover and below. */
function Corrected(props: { corrections: CorrectionRow[]; itemId: number }) {
  const c = scoreCorrection(props.corrections, props.itemId);
  if (!c) return null;
  return (
    <Tooltip
      title={c.reasons.map((r, i) => (
        <div key={i}>更正原因：{r}</div>
      ))}
    >
      <div className="score-corrected" data-testid="score-corrected">
        <span className="score-corrected-values">
          {c.from} → {c.to}（更正）
        </span>
        <span className="hint">原因：{c.reasons[c.reasons.length - 1]}</span>
      </div>
    </Tooltip>
  );
}
