import type { ReactNode } from 'react';

export interface MenuEntry<K extends string> {
  key: K;
  label: string;
  icon: ReactNode;
  /** Entries of one group (药品 …) sit together in a submenu under its name. */
  group?: string;
}

type Item = { key: string; label: string; icon?: ReactNode; children?: Item[] };

/** The side menu's items: entries in order, those of a group gathered under it where the first appears. */
export function menuItems<K extends string>(entries: readonly MenuEntry<K>[]): Item[] {
  const out: Item[] = [];
  const groups = new Map<string, Item>();
  for (const { key, label, icon, group } of entries) {
    if (!group) {
      out.push({ key, label, icon });
      continue;
    }
    let g = groups.get(group);
    if (!g) {
      g = { key: `group:${group}`, label: group, icon, children: [] };
      groups.set(group, g);
      out.push(g);
    }
    g.children?.push({ key, label });
  }
  return out;
}
