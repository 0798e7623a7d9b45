import { Table, Tag, Typography } from 'antd';
import type { TemplateGroupIn } from '../../../shared/schemas/supervision';
import { pts } from './points';

/**
 * A template's two-level tree as the county sheet reads (P6): each 考核项目 with its stated
 * points and the sum of its items (red when they differ), then its items with 分值, 考核方法,
 * 评分标准 and tags for 奖励 / 一票否决 and the rule the item comes from.
 */
type Group = TemplateGroupIn & { baseTenths?: number; bonusTenths?: number };

export interface Line {
  key: string;
  group: boolean;
  seq: string;
  content: string;
  points: string;
  mismatch: boolean;
  method: string;
  standard: string;
  isBonus: boolean;
  isVeto: boolean;
  ruleRef: string;
}

function sums(g: Group): { base: number; bonus: number } {
  let base = 0;
  let bonus = 0;
  for (const i of g.items) {
    if (i.isVeto) continue;
    if (i.isBonus) bonus += i.maxTenths;
    else base += i.maxTenths;
  }
  return { base, bonus };
}

/** The tree as rows: each 考核项目, then its items (also what its print lists, TemplatesPage). */
export function lines(groups: readonly Group[]): Line[] {
  return groups.flatMap((g, gi) => {
    const s = sums(g);
    const stated = [
      g.statedTenths !== null ? `写明 ${pts(g.statedTenths)} 分` : '',
      g.statedBonusTenths !== null ? `奖励 ${pts(g.statedBonusTenths)} 分` : '',
    ]
      .filter(Boolean)
      .join('，');
    const summed = [s.base > 0 ? `合计 ${pts(s.base)} 分` : '', s.bonus > 0 ? `奖励 ${pts(s.bonus)} 分` : ''].filter(Boolean).join('，');
    const mismatch =
      (g.statedTenths !== null && g.statedTenths !== s.base) || (g.statedBonusTenths !== null && g.statedBonusTenths !== s.bonus);
    const head: Line = {
      key: `g${gi}`,
      group: true,
      seq: g.seq,
      content: g.content,
      points: [summed || '—', stated ? `（${stated}）` : ''].join(''),
      mismatch,
      method: '',
      standard: '',
      isBonus: g.isBonus,
      isVeto: g.items.length > 0 && g.items.every((i) => i.isVeto),
      ruleRef: '',
    };
    return [
      head,
      ...g.items.map((i, ii) => ({
        key: `g${gi}i${ii}`,
        group: false,
        seq: i.seq,
        content: i.content,
        points: i.isVeto ? '一票否决' : pts(i.maxTenths),
        mismatch: false,
        method: i.method,
        standard: i.standard,
        isBonus: i.isBonus,
        isVeto: i.isVeto,
        ruleRef: i.ruleRef,
      })),
    ];
  });
}

export function TemplateTree(props: { groups: readonly Group[]; testId?: string }) {
  return (
    <Table<Line>
      data-testid={props.testId ?? 'template-tree'}
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={lines(props.groups)}
      rowClassName={(l) => (l.group ? 'template-group-row' : '')}
      scroll={{ y: 'calc(100vh - 380px)' }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 60 },
        {
          title: '考核项目 / 考核内容',
          dataIndex: 'content',
          render: (_: string, l) =>
            l.group ? (
              <Typography.Text strong>{l.content}</Typography.Text>
            ) : (
              <span style={{ paddingLeft: 16, display: 'inline-block' }}>
                {l.content} {l.isBonus && <Tag color="gold">奖励</Tag>}
                {l.isVeto && <Tag color="red">一票否决</Tag>}
              </span>
            ),
        },
        {
          title: '分值',
          dataIndex: 'points',
          width: 200,
          render: (p: string, l) =>
            l.mismatch ? (
              <Typography.Text type="danger">{p} 不符</Typography.Text>
            ) : l.group ? (
              <Typography.Text strong>{p}</Typography.Text>
            ) : (
              p
            ),
        },
        { title: '考核方法', dataIndex: 'method', width: 180 },
        {
          title: '评分标准',
          dataIndex: 'standard',
          width: 260,
          render: (s: string) => <span style={{ whiteSpace: 'pre-line' }}>{s}</span>,
        },
        { title: '依据', dataIndex: 'ruleRef', width: 60 },
      ]}
    />
  );
}
