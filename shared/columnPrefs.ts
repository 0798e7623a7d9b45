/**
 * The clerk's choice of columns for one list (列设置) — which are shown, in what order, how many
 * stay frozen on the left — and how a saved choice is fitted to the view as it is now: columns
 * the app adds later appear after the column they follow in the view, dropped ones are forgotten.
 */
import type { ViewDef } from './views';

export interface ColumnPrefs {
  order: string[];
  hidden: string[];
  frozen: number;
}

/** The name column stays in view: freeze up to it when it is among the first three, else the first column. */
export function defaultFrozen(view: ViewDef): number {
  const nameAt = view.columns.findIndex((c) => c.id === 'name' || /Name$/.test(c.id));
  return nameAt >= 0 && nameAt < 3 ? nameAt + 1 : 1;
}

export function defaultPrefs(view: ViewDef): ColumnPrefs {
  return { order: view.columns.map((c) => c.id), hidden: [], frozen: defaultFrozen(view) };
}

/** Saved prefs made to fit the view as it is now: unknown ids dropped, new ones inserted where the view puts them. */
export function fitPrefs(view: ViewDef, saved: Partial<ColumnPrefs> | null): ColumnPrefs {
  const base = defaultPrefs(view);
  if (!saved) return base;
  const known = new Set(base.order);
  const order = (Array.isArray(saved.order) ? saved.order : []).filter((id): id is string => typeof id === 'string' && known.has(id));
  const seen = new Set(order);
  base.order.forEach((id, i) => {
    if (seen.has(id)) return;
    const before = base.order[i - 1];
    const at = before === undefined ? 0 : order.indexOf(before) + 1;
    order.splice(at, 0, id);
    seen.add(id);
  });
  const hidden = (Array.isArray(saved.hidden) ? saved.hidden : []).filter((id) => known.has(id));
  // Never every column hidden: the list would be blank with no way to tell why.
  const visibleLeft = order.filter((id) => !hidden.includes(id)).length;
  const frozen = typeof saved.frozen === 'number' && Number.isInteger(saved.frozen) ? Math.min(Math.max(saved.frozen, 0), 3) : base.frozen;
  return { order, hidden: visibleLeft > 0 ? hidden : [], frozen };
}

/** The ids shown, in the clerk's order. */
export function visibleIds(prefs: ColumnPrefs): string[] {
  return prefs.order.filter((id) => !prefs.hidden.includes(id));
}
