/**
 * The clerk's 列设置 for one list kept in localStorage under the list's title, so a reload or
 * the next day shows the list as they left it (fitted to the view by shared/columnPrefs.ts).
 */
import { useState } from 'react';
import { defaultPrefs, fitPrefs, type ColumnPrefs } from '../../shared/columnPrefs';
import type { ViewDef } from '../../shared/views';

const STORAGE_PREFIX = 'township-health:columns:';

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
