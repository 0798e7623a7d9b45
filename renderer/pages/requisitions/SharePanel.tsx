/** D3 on the form: the non-essential share by value and by items against the limits, strictly above is over (shared rule). */
import { Space, Statistic } from 'antd';
import { yuanText } from '../../../shared/format';
import type { ShareResult } from '../../../shared/rules/essentialShare';
import type { RequisitionStatus } from '../../../shared/schemas/requisitions';

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);
const limitPct = (n: number) => `${Math.round(n * 1000) / 10}%`;

const verdict = (over: boolean, status: RequisitionStatus): string => {
  if (!over) return status === 'approved' ? '份额内，已批准' : '份额内，提交即批准';
  if (status === 'approved') return '超出份额，已审批';
  return status === 'held' ? '超出份额，待审批' : '超出份额，提交后须审批';
};

export function SharePanel(props: {
  share: ShareResult;
  limits: { maxValueShare: number; maxItemShare: number };
  status: RequisitionStatus;
}) {
  const { share, limits } = props;
  return (
    <Space size="large" wrap className="requisition-share" style={{ marginBottom: 12 }} data-testid="requisition-share">
      <Statistic title="品种" value={share.totalItems} />
      <Statistic title="金额" value={yuanText(share.totalFen)} />
      <Statistic
        title={`非基药金额占比（上限 ${limitPct(limits.maxValueShare)}）`}
        value={`${pct(share.valueShare)}（${yuanText(share.outsideFen)}）`}
        className={share.overByValue ? 'over' : ''}
      />
      <Statistic
        title={`非基药品种占比（上限 ${limitPct(limits.maxItemShare)}）`}
        value={`${pct(share.itemShare)}（${share.outsideItems}/${share.totalItems} 种）`}
        className={share.overByItems ? 'over' : ''}
      />
      <Statistic title="D3" value={verdict(share.over, props.status)} className={share.over ? 'over' : ''} />
    </Space>
  );
}
