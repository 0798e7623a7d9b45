/**
 * What the asset returns add to their JSON (`report asset-ledger|asset-changes|
 * stocktake-discrepancies --format json`): every figure in 分, per asset, per holder and per
 * category, beside the tables the sheet shows.
 */
import type { ChangeFigures } from '../changes';

/** The township, the center itself (卫生院本部) or one clinic. */
export interface AssetScope {
  kind: 'township' | 'center' | 'clinic';
  clinicId: number | null;
  name: string;
}

export interface ValueFigures {
  assets: number;
  quantity: number;
  valueFen: number;
  accumulatedFen: number;
  bookValueFen: number;
}

export interface LedgerAsset {
  id: number;
  code: string;
  name: string;
  category: string;
  categoryLabel: string;
  topClass: string;
  model: string;
  quantity: number;
  unit: string;
  funding: string;
  acquiredOn: string;
  holderClinicId: number | null;
  holderName: string;
  custodianName: string;
  status: string;
  valueFen: number;
  accumulatedFen: number;
  bookValueFen: number;
}

export interface LedgerDetail {
  scope: AssetScope;
  asOf: string;
  assets: LedgerAsset[];
  byHolder: (ValueFigures & { clinicId: number | null; name: string })[];
  byCategory: (ValueFigures & { category: string; label: string; topClass: string })[];
  byTopClass: (ValueFigures & { topClass: string })[];
  total: ValueFigures;
}

export type ChangeFiguresWithNet = ChangeFigures & { openingNet: number; closingNet: number };

export interface ChangesDetail {
  scope: AssetScope;
  from: string;
  to: string;
  byCategory: (ChangeFiguresWithNet & { category: string; label: string; topClass: string })[];
  byTopClass: (ChangeFiguresWithNet & { topClass: string })[];
  total: ChangeFiguresWithNet;
}

export interface DiscrepancyItem {
  result: 'missing' | 'damaged' | 'surplus';
  code: string;
  name: string;
  category: string;
  model: string;
  holderName: string;
  /** 原值 of a missing or damaged asset; the estimate (估价) of a surplus one. */
  valueFen: number;
  bookValueFen: number;
  note: string;
}

export interface DiscrepancyDetail {
  stocktake: {
    id: number;
    title: string;
    scope: string;
    scopeName: string;
    startedOn: string;
    closedOn: string | null;
    status: 'open' | 'closed';
  };
  counts: { total: number; found: number; missing: number; damaged: number; surplus: number; pending: number };
  items: DiscrepancyItem[];
}
