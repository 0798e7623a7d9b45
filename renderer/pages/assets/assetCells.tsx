import { Tag } from 'antd';
import { chineseDate, fenToAmount } from '../../../shared/format';
import { assetStatusLabels, type AssetRow, type AssetStatus } from '../../../shared/schemas/assets';

const statusColors: Record<AssetStatus, string> = {
  in_use: 'green',
  idle: 'default',
  repair: 'orange',
  lost: 'red',
  disposed: 'default',
  void: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const s = status as AssetStatus;
  return <Tag color={statusColors[s] ?? 'default'}>{assetStatusLabels[s] ?? status}</Tag>;
}

/** 60 months → "5 年", 18 → "18 个月", 0 → "不提折旧". */
export function lifeText(months: number): string {
  if (months === 0) return '不提折旧';
  return months % 12 === 0 ? `${months / 12} 年` : `${months} 个月`;
}

/** How the ledger grid shows money and status (the rest as the view defines). */
export const assetCells = {
  valueFen: (r: AssetRow) => fenToAmount(r.valueFen),
  accumulatedFen: (r: AssetRow) => fenToAmount(r.accumulatedFen),
  bookValueFen: (r: AssetRow) => fenToAmount(r.bookValueFen),
  status: (r: AssetRow) => <StatusTag status={r.status} />,
  lastStocktakeOn: (r: AssetRow) =>
    (r.lastStocktakeOn ? chineseDate(r.lastStocktakeOn) : null) ?? <span className="hint-inline">从未盘点</span>,
};

export function assetRowClass(r: AssetRow): string {
  if (r.status === 'disposed') return 'row-closed';
  if (r.status === 'lost') return 'row-blank';
  return '';
}
