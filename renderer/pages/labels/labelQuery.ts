/**
 * The label sheet's address carries the asset list's query (search, filters, sort, ledger date)
 * as JSON, so 打印标签 prints exactly the rows the clerk was looking at, and a refresh keeps it.
 */
import type { ListQuery } from '../../../shared/schemas/common';
import type { Route } from '../../router';

interface LabelQuery {
  asOf?: string;
  search?: string;
  sort?: ListQuery['sort'];
  filters?: ListQuery['filters'];
}

export function labelsRoute(q: LabelQuery & Partial<ListQuery>): Route {
  const { asOf, search, sort, filters } = q;
  return { page: 'labels', filter: { id: 'q', value: JSON.stringify({ asOf, search, sort, filters }) } };
}

export function parseLabelQuery(text: string | undefined): LabelQuery {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as LabelQuery) : {};
  } catch {
    return {};
  }
}
