/** The preview of a delivery run: per clinic and line, the batches FEFO picks and what is short, with its reason. */
import { Table, Tag } from 'antd';
import { chineseDate, yuanText } from '../../../shared/format';
import type { DeliveryPlan } from '../../../shared/schemas/deliveries';

interface PlanRow {
  key: string;
  clinic: string;
  first: boolean;
  drug: string;
  unit: string;
  packs: number;
  picks: string;
  served: number;
  amountFen: number;
  shortPacks: number;
  shortReason: string;
}

function rowsOf(plan: DeliveryPlan): PlanRow[] {
  return plan.clinics.flatMap((c) =>
    c.lines.map((l, i) => ({
      key: `${c.clinicId}-${l.lineId}`,
      clinic: c.clinicName,
      first: i === 0,
      drug: `${l.genericName} ${l.spec}`,
      unit: l.packUnit,
      packs: l.packs,
      picks: l.picks.map((p) => `${p.lotNo}（至 ${chineseDate(p.expiresOn)}）× ${p.packs}`).join('；'),
      served: l.picks.reduce((s, p) => s + p.packs, 0),
      amountFen: l.picks.reduce((s, p) => s + p.packs * p.priceFen, 0),
      shortPacks: l.shortPacks,
      shortReason: l.shortReason,
    })),
  );
}

export function DeliveryPlanTable(props: { plan: DeliveryPlan }) {
  const sizes = new Map(props.plan.clinics.map((c) => [c.clinicName, c.lines.length]));
  return (
    <Table<PlanRow>
      size="small"
      data-testid="delivery-plan"
      rowKey="key"
      dataSource={rowsOf(props.plan)}
      pagination={false}
      scroll={{ y: 'calc(100vh - 360px)' }}
      columns={[
        { title: '村卫生室', dataIndex: 'clinic', width: 150, onCell: (r) => ({ rowSpan: r.first ? (sizes.get(r.clinic) ?? 1) : 0 }) },
        { title: '药品', dataIndex: 'drug', width: 220 },
        { title: '需配送', dataIndex: 'packs', width: 70, align: 'right' },
        { title: '单位', dataIndex: 'unit', width: 50 },
        { title: '按先到期先出取用的批号（有效期）× 数量', dataIndex: 'picks' },
        { title: '配送', dataIndex: 'served', width: 60, align: 'right' },
        { title: '金额', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => yuanText(v) },
        {
          title: '短缺',
          width: 170,
          render: (_v, r) => (r.shortPacks > 0 ? <Tag color="red">{`缺 ${r.shortPacks}：${r.shortReason}`}</Tag> : null),
        },
      ]}
    />
  );
}
