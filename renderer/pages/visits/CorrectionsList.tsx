/**
 * P4: the corrections of a visit (in its form) or of a quarter (from the quarters page): when,
 * who, what, the original → the corrected value, and why. Read-only: a correction is never
 * changed, only followed by another.
 */
import { Table } from 'antd';
import { chineseDateTime } from '../../../shared/format';
import { monthLabel } from '../../../shared/rules/quarter';
import type { CorrectionRow } from '../../../shared/schemas/corrections';

export function CorrectionsList(props: { rows: CorrectionRow[]; withVisit?: boolean }) {
  return (
    <Table<CorrectionRow>
      size="small"
      rowKey="id"
      pagination={props.rows.length > 50 ? { pageSize: 50 } : false}
      dataSource={props.rows}
      data-testid="corrections-list"
      columns={[
        { title: '更正时间', dataIndex: 'at', width: 170, render: (at: string) => chineseDateTime(at) },
        ...(props.withVisit
          ? [
              { title: '村卫生室', dataIndex: 'clinicName', width: 150 },
              { title: '月份', dataIndex: 'month', width: 100, render: (m: string) => monthLabel(m) },
            ]
          : []),
        { title: '更正内容', dataIndex: 'label' },
        {
          title: '原记录 → 更正为',
          key: 'change',
          width: 220,
          render: (_: unknown, r: CorrectionRow) => (
            <span className="correction-change">
              <s>{r.oldText}</s> → <b>{r.newText}</b>
            </span>
          ),
        },
        { title: '更正原因', dataIndex: 'reason', width: 220 },
        { title: '更正人', dataIndex: 'by', width: 80 },
      ]}
    />
  );
}

/** The corrections of one score: the first original and the current value, with every reason (newest last). */
export function scoreCorrection(rows: CorrectionRow[], itemId: number): { from: string; to: string; reasons: string[] } | null {
  const mine = rows.filter((r) => r.itemId === itemId && (r.field === 'score_tenths' || r.field === 'vetoed'));
  const first = mine[0];
  const last = mine[mine.length - 1];
  if (!first || !last) return null;
  return { from: first.oldText, to: last.newText, reasons: mine.map((r) => r.reason) };
}
