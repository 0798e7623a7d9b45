/**
 * P8: the paper — one A4 sheet per clinic and visit as a county sheet looks: title, clinic,
 * month, date, the items by group with maximum, score and notes, total (base + bonus), the veto
 * line, findings with their rectification (owner, due), the re-checks of earlier findings,
 * 督导人 and 村卫生室负责人 signatures and the seal area. A blank sheet (no visit) has empty
 * scores, to take on the visit and fill by hand.
 * A visit corrected after its quarter was locked (P4) prints the corrected values, each marked ※,
 * and lists its corrections at the foot: 原记录, 更正为, 原因, 日期 — the paper shows both.
 */
import { chineseDate, todayIso } from '../../../shared/format';
import { monthLabel } from '../../../shared/rules/quarter';
import { formatTenths } from '../../../shared/rules/scoring';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import { findingStatusLabels, type VisitForm } from '../../../shared/schemas/visits';
import { PrintHeader, PrintSheet, SignatureLine } from '../../components/print/PrintView';
import './visitSheet.css';

export const SHEET_TITLE = '村卫生室月度督导考核表';

function groupSpans(items: VisitForm['items']): Map<number, number> {
  // The group cell is merged over its items, as the county sheet draws it.
  const spans = new Map<number, number>();
  let start = 0;
  items.forEach((item, i) => {
    if (i === 0 || item.groupName !== items[start]?.groupName) start = i;
    spans.set(start, (spans.get(start) ?? 0) + 1);
  });
  return spans;
}

export function VisitSheet({ form, centerName, corrections = [] }: { form: VisitForm; centerName: string; corrections?: CorrectionRow[] }) {
  const v = form.visit;
  const mine = v ? corrections.filter((c) => c.visitId === v.id) : [];
  const corrected = new Set(mine.filter((c) => c.field === 'score_tenths').map((c) => c.itemId));
  const scoreOf = new Map((v?.scores ?? []).map((s) => [s.itemId, s]));
  const vetoItems = form.items.filter((i) => i.isVeto);
  const scored = form.items.filter((i) => !i.isVeto);
  const spansScored = groupSpans(scored);
  const rechecked = form.openFindings.filter((f) => v !== null && f.recheckMonth === form.month);
  return (
    <PrintSheet className="visit-sheet">
      <PrintHeader
        title={SHEET_TITLE}
        subtitle={`${form.template.name}（满分 ${formatTenths(form.template.baseTotalTenths)} 分${form.template.bonusCapTenths > 0 ? `，另加奖励分最多 ${formatTenths(form.template.bonusCapTenths)} 分` : ''}）`}
        unit={centerName}
        right={`考核月份：${monthLabel(form.month)}\u3000`}
        date={v ? chineseDate(v.visitedOn) : '\u3000\u3000年\u3000\u3000月\u3000\u3000日'}
      />
      <div className="visit-sheet-clinic">
        <span>被考核单位：{form.clinic.name}</span>
        <span>机构编码：{form.clinic.code}</span>
        <span>负责人：{form.clinic.headName || '\u3000\u3000\u3000\u3000'}</span>
      </div>
      <table className="print-table visit-sheet-table">
        <thead>
          <tr>
            <th style={{ width: '14%' }}>考核项目</th>
            <th style={{ width: '6%' }}>序号</th>
            <th>考核内容</th>
            <th className="num" style={{ width: '8%' }}>
              分值
            </th>
            <th className="num" style={{ width: '8%' }}>
              得分
            </th>
            <th style={{ width: '22%' }}>扣分原因及说明</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((item, i) => {
            const s = scoreOf.get(item.id);
            const span = spansScored.get(i);
            return (
              <tr key={item.id}>
                {span !== undefined && <td rowSpan={span}>{item.groupName}</td>}
                <td className="center">{item.seq}</td>
                <td>
                  {item.content}
                  {item.isBonus && <span className="visit-sheet-bonus">（奖励分）</span>}
                </td>
                <td className="num">{formatTenths(item.maxTenths)}</td>
                <td className="num">
                  {s && s.scoreTenths !== null ? formatTenths(s.scoreTenths) : ''}
                  {corrected.has(item.id) && <span className="visit-sheet-corrected">※</span>}
                </td>
                <td>{s?.note ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>
              合计（基本分 {v ? formatTenths(v.baseTenths) : '\u3000\u3000'} ＋ 奖励分 {v ? formatTenths(v.bonusTenths) : '\u3000\u3000'}）
            </td>
            <td className="num">{formatTenths(form.template.baseTotalTenths)}</td>
            <td className="num visit-sheet-total">{v ? formatTenths(v.totalTenths) : ''}</td>
            <td>{v?.vetoed ? '一票否决，本月得 0 分' : ''}</td>
          </tr>
        </tfoot>
      </table>
      {vetoItems.length > 0 && (
        <div className="visit-sheet-veto">
          一票否决项：
          {vetoItems.map((i) => {
            const hit = scoreOf.get(i.id)?.vetoed === true;
            return (
              <span key={i.id} className="visit-sheet-veto-item">
                {i.content} {v ? (hit ? '☑ 是' : '☑ 否') : '□ 是\u3000□ 否'}
              </span>
            );
          })}
        </div>
      )}
      <table className="print-table visit-sheet-findings">
        <thead>
          <tr>
            <th style={{ width: '6%' }}>序号</th>
            <th>发现的问题</th>
            <th style={{ width: '14%' }}>整改责任人</th>
            <th style={{ width: '16%' }}>整改期限</th>
          </tr>
        </thead>
        <tbody>
          {(v?.findings.length ? v.findings : [null, null]).map((f, i) => (
            <tr key={f?.id ?? `blank-${i}`} className={f ? undefined : 'visit-sheet-blank-row'}>
              <td className="center">{i + 1}</td>
              <td>{f?.text ?? ''}</td>
              <td>{f?.owner ?? ''}</td>
              <td>{f?.dueOn ? chineseDate(f.dueOn) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(rechecked.length > 0 || (!v && form.openFindings.length > 0)) && (
        <table className="print-table visit-sheet-findings">
          <thead>
            <tr>
              <th style={{ width: '14%' }}>发现月份</th>
              <th>以前督导发现的问题（本次复查）</th>
              <th style={{ width: '24%' }}>复查结果</th>
            </tr>
          </thead>
          <tbody>
            {(v ? rechecked : form.openFindings).map((f) => (
              <tr key={f.id}>
                <td>{monthLabel(f.month)}</td>
                <td>
                  {f.text}
                  {f.owner ? `（责任人：${f.owner}${f.dueOn ? `，期限 ${chineseDate(f.dueOn)}` : ''}）` : ''}
                </td>
                <td>{v ? f.recheckResult || findingStatusLabels[f.status] : '□ 已整改\u3000□ 未整改'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mine.length > 0 && (
        <table className="print-table visit-sheet-corrections" data-testid="sheet-corrections">
          <thead>
            <tr>
              <th colSpan={5} className="visit-sheet-corrections-title">
                更正记录（本季度锁定后更正，※ 为更正后的得分）
              </th>
            </tr>
            <tr>
              <th>更正内容</th>
              <th style={{ width: '14%' }}>原记录</th>
              <th style={{ width: '14%' }}>更正为</th>
              <th style={{ width: '26%' }}>原因</th>
              <th style={{ width: '20%' }}>日期</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((c) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>{c.oldText}</td>
                <td>{c.newText}</td>
                <td>{c.reason}</td>
                <td>
                  {chineseDate(todayIso(new Date(c.at)))}
                  {c.by ? ` ${c.by}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="visit-sheet-foot">
        <SignatureLine labels={['督导人', '村卫生室负责人']} />
        <div className="visit-sheet-seal">（盖章）</div>
      </div>
      {v?.supervisors && <div className="visit-sheet-names">督导人员：{v.supervisors}</div>}
    </PrintSheet>
  );
}
