import { Tag } from 'antd';
import { essentialOnDateLabels, type EssentialOnDate } from '../../../shared/schemas/drugs';

const colors: Record<EssentialOnDate, string> = {
  essential: 'green',
  not_essential: 'default',
  doubtful: 'orange',
  platform_yes: 'cyan',
  platform_no: 'default',
  unknown: 'default',
};

/** The essential status in force on the list's date (D8), as a coloured tag. */
export function EssentialTag({ status }: { status: EssentialOnDate }) {
  return <Tag color={colors[status]}>{essentialOnDateLabels[status]}</Tag>;
}
