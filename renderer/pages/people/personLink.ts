/**
 * A link to one person's file on one tab (issue 12, item 7: an alert opens the file where the thing
 * it is about is kept). Carried in the route as `#/people?file=12.trainings`; PeoplePage reads it.
 */
import type { ColumnFiltersState } from '@tanstack/react-table';
import type { Route } from '../../router';

export const personTabs = ['basic', 'qualifications', 'assignments', 'employments', 'trainings', 'leaves', 'decisions', 'history'] as const;
export type PersonTab = (typeof personTabs)[number];

const FILE = 'file';

export function personFileRoute(personId: number, tab?: PersonTab): Route {
  return { page: 'people', filter: { id: FILE, value: tab ? `${personId}.${tab}` : String(personId) } };
}

/** The file to open (and its tab) if the route names one; the list's own filters otherwise. */
export function readPersonFile(filters: ColumnFiltersState | undefined): {
  open?: number;
  tab?: PersonTab;
  filters?: ColumnFiltersState;
} {
  const file = filters?.find((f) => f.id === FILE);
  if (!file) return { filters };
  const [id = '', tab = ''] = String(file.value).split('.');
  const rest = filters?.filter((f) => f.id !== FILE);
  return {
    open: Number(id) > 0 ? Number(id) : undefined,
    tab: (personTabs as readonly string[]).includes(tab) ? (tab as PersonTab) : undefined,
    filters: rest && rest.length > 0 ? rest : undefined,
  };
}
