/**
 * The clerk's choice of columns for one list — which are shown, in what order, how many stay
 * frozen on the left — kept in localStorage under the list's title, so a reload or the next day
 * shows the list as they left it. Columns the app adds later appear in their default place.
 */
import { useState } from 'react';
import type { ViewDef } from '../../shared/views';

export interface ColumnPrefs {
  order: string[];
  hidden: string[];
  frozen: number;
}

const STORAGE_PREFIX = 'township-health:columns:';

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

function read(key: string): Partial<ColumnPrefs> | null {
  try {
    const text = window.localStorage.getItem(STORAGE_PREFIX + key);
    return text ? (JSON.parse(text) as Partial<ColumnPrefs>) : null;
  } catch {
    return null;
  }
}

export function useColumnPrefs(view: ViewDef, key: string): [ColumnPrefs, (p: ColumnPrefs | null) => void] {
  const [prefs, setPrefs] = useState(() => fitPrefs(view, read(key)));
  const change = (p: ColumnPrefs | null) => {
    try {
      if (p) window.localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(p));
      else window.localStorage.removeItem(STORAGE_PREFIX + key);
    } catch {
      // A full or blocked storage only means the choice is not remembered.
    }
    setPrefs(p ? fitPrefs(view, p) : defaultPrefs(view));
  };
  return [prefs, change];
}

/** The ids shown, in the clerk's order. */
export function visibleIds(prefs: ColumnPrefs): string[] {
  return prefs.order.filter((id) => !prefs.hidden.includes(id));
}
