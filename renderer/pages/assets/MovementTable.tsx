import { Table, Tag } from 'antd';
import { chineseDate, chineseDateTime } from '../../../shared/format';
import { movementKindLabels, type MovementRow } from '../../../shared/schemas/assets';

const kindColors: Record<MovementRow['kind'], string> = {
  acquire: 'blue',
  transfer: 'purple',
  value_change: 'gold',
  status: 'cyan',
  dispose: 'default',
  reversal: 'red',
};

/**
 * The card's movements, oldest first, never edited: a reversed one stays, struck through and
 * marked 已冲销; the reversal itself says what it took back.
 */
export function MovementTable(props: { movements: MovementRow[]; reversibleId: number | null }) {
  return (
    <Table<MovementRow>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={props.movements}
      rowClassName={(m) => (m.reversedById !== null ? 'movement-reversed' : '')}
      data-testid="movement-table"
      columns={[
        { title: '日期', dataIndex: 'date', width: 130, render: (d: string) => chineseDate(d) },
        {
          title: '类型',
          key: 'kind',
          width: 110,
          render: (_: unknown, m) => (
            <>
              <Tag color={kindColors[m.kind]}>{movementKindLabels[m.kind]}</Tag>
              {m.reversedById !== null && <Tag color="red">已冲销</Tag>}
            </>
          ),
        },
        { title: '内容', key: 'summary', render: (_: unknown, m) => <span className="movement-summary">{m.summary}</span> },
        {
          title: '事由 / 签收 / 批准',
          key: 'reason',
          render: (_: unknown, m) =>
            [
              m.reason,
              m.sentBy && `调出方 ${m.sentBy}`,
              m.receivedBy && `调入方 ${m.receivedBy}`,
              m.approvalNo && `批准文号 ${m.approvalNo}${m.approvalDate ? `（${chineseDate(m.approvalDate)}）` : ''}`,
            ]
              .filter(Boolean)
              .join('；'),
        },
        { title: '登记', key: 'recorded', width: 200, render: (_: unknown, m) => `${m.recordedBy} ${chineseDateTime(m.recordedAt)}` },
        {
          title: '',
          key: 'mark',
          width: 90,
          render: (_: unknown, m) => (m.id === props.reversibleId ? <span className="hint-inline">可冲销</span> : null),
        },
      ]}
    />
  );
}
