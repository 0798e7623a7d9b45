import type { ColumnFiltersState, PaginationState, SortingState } from '@tanstack/react-table';
import { useEffect, useRef, useState } from 'react';
import type { FilterValue, ListQuery, Page } from '../../shared/schemas/common';
import { errorMessage } from '../api';

interface ServerListState {
  search: string;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  pagination: PaginationState;
}

export function toListQuery(s: ServerListState): ListQuery {
  return {
    search: s.search.trim() || undefined,
    sort: s.sorting.map((x) => ({ id: x.id, desc: x.desc })),
    filters: s.columnFilters
      .filter((f) => f.value !== undefined && f.value !== '' && f.value !== null)
      .map((f) => ({ id: f.id, value: f.value as FilterValue })),
    offset: s.pagination.pageIndex * s.pagination.pageSize,
    limit: s.pagination.pageSize,
  };
}

/**
 * Fetches one page whenever the query changes (search debounced), ignoring answers to queries
 * that have since been replaced, so fast typing never shows stale rows.
 */
export function useServerList<Row>(state: ServerListState, fetchPage: (q: ListQuery) => Promise<Page<Row>>, reloadKey: unknown) {
  const [page, setPage] = useState<Page<Row>>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const seq = useRef(0);
  const query = JSON.stringify(toListQuery(state));

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      fetchPage(JSON.parse(query) as ListQuery).then(
        (p) => {
          if (mine !== seq.current) return;
          setPage(p);
          setError('');
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, 150);
    return () => clearTimeout(timer);
    // fetchPage is stable per page; the query string captures every input.
  }, [query, reloadKey]);

  return { page, loading, error };
}
