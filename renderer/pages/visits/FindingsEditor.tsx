/**
 * P8: findings of this visit with their rectification (owner, due date), and the open findings
 * of earlier visits to mark 已整改 / 未整改 at this visit.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Select } from 'antd';
import { chineseDate } from '../../../shared/format';
import { monthLabel } from '../../../shared/rules/quarter';
import type { VisitForm } from '../../../shared/schemas/visits';
import { DateInput } from '../../components/DateInput';
import type { VisitDraft } from './visitDraft';

export function RecheckList(props: { form: VisitForm; draft: VisitDraft; readOnly: boolean; onChange: (d: VisitDraft) => void }) {
  const { form, draft, readOnly, onChange } = props;
  if (form.openFindings.length === 0) return null;
  return (
    <div className="visit-section" data-testid="rechecks">
      <h4>以前督导发现的问题（本次复查）</h4>
      {form.openFindings.map((f) => {
        const r = draft.rechecks[f.id] ?? { result: '', note: '' };
        return (
          <div key={f.id} className="recheck-row">
            <span className="recheck-text">
              {monthLabel(f.month)}：{f.text}
              {f.owner && (
                <span className="hint">
                  （责任人 {f.owner}
                  {f.dueOn ? `，期限 ${chineseDate(f.dueOn)}` : ''}）
                </span>
              )}
            </span>
            <Radio.Group
              disabled={readOnly}
              value={r.result}
              onChange={(e) =>
                onChange({ ...draft, rechecks: { ...draft.rechecks, [f.id]: { ...r, result: e.target.value as typeof r.result } } })
              }
              options={[
                { value: 'rectified', label: '已整改' },
                { value: 'not_rectified', label: '未整改' },
                { value: '', label: '本次未复查' },
              ]}
            />
            <Input
              size="small"
              style={{ width: 200 }}
              placeholder="复查情况"
              readOnly={readOnly}
              value={r.note}
              onChange={(e) => onChange({ ...draft, rechecks: { ...draft.rechecks, [f.id]: { ...r, note: e.target.value } } })}
            />
          </div>
        );
      })}
    </div>
  );
}

export function FindingsEditor(props: {
  form: VisitForm;
  draft: VisitDraft;
  readOnly: boolean;
  onChange: (d: VisitDraft) => void;
  /** P4: correcting a locked visit — a finding already recorded is corrected, never removed. */
  keepExisting?: boolean;
}) {
  const { form, draft, readOnly, onChange } = props;
  const set = (i: number, patch: Partial<VisitDraft['findings'][number]>) =>
    onChange({ ...draft, findings: draft.findings.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <div className="visit-section" data-testid="findings">
      <h4>本次发现的问题及整改要求</h4>
      {draft.findings.map((f, i) => (
        <div key={f.id ?? `new-${i}`} className="finding-row">
          <Select
            size="small"
            style={{ width: 150 }}
            allowClear
            placeholder="涉及项目"
            disabled={readOnly}
            value={f.itemId ?? undefined}
            onChange={(v) => set(i, { itemId: v ?? null })}
            options={form.items.map((it) => ({ value: it.id, label: `${it.seq} ${it.content}` }))}
          />
          <Input
            size="small"
            aria-label={`问题 ${i + 1}`}
            placeholder="发现的问题"
            readOnly={readOnly}
            value={f.text}
            onChange={(e) => set(i, { text: e.target.value })}
          />
          <Input
            size="small"
            style={{ width: 110 }}
            aria-label={`问题 ${i + 1} 整改责任人`}
            placeholder="整改责任人"
            readOnly={readOnly}
            value={f.owner}
            onChange={(e) => set(i, { owner: e.target.value })}
          />
          <DateInput value={f.dueOn} disabled={readOnly} onChange={(v) => set(i, { dueOn: v })} />
          {!readOnly && !(props.keepExisting && f.id !== undefined) && (
            <Button
              size="small"
              icon={<DeleteOutlined />}
              aria-label="删除该问题"
              onClick={() => onChange({ ...draft, findings: draft.findings.filter((_, j) => j !== i) })}
            />
          )}
        </div>
      ))}
      {!readOnly && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange({ ...draft, findings: [...draft.findings, { itemId: null, text: '', owner: form.clinic.headName, dueOn: null }] })
          }
        >
          添加问题
        </Button>
      )}
    </div>
  );
}
