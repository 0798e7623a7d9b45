/** A link that opens one clinic (`#/clinics?open=5`); ClinicsPage reads it from its filters. */
import type { ColumnFiltersState } from '@tanstack/react-table';
import type { Route } from '../../router';

const OPEN = 'open';

export function clinicRoute(clinicId: number): Route {
  return { page: 'clinics', filter: { id: OPEN, value: String(clinicId) } };
}

export function readClinicLink(filters: ColumnFiltersState | undefined): { open?: number; filters?: ColumnFiltersState } {
  const link = filters?.find((f) => f.id === OPEN);
  if (!link) return { filters };
  const rest = filters?.filter((f) => f.id !== OPEN);
  return { open: Number(link.value) > 0 ? Number(link.value) : undefined, filters: rest && rest.length > 0 ? rest : undefined };
}
