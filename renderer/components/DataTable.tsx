/**
 * The one grid every list uses: TanStack Table in manual mode (sorting, filtering and paging
 * happen in SQLite through the list operation), virtualised rows, sticky header, a search box,
 * per-column filters, a row count, keyboard use (↑/↓ between rows, Enter to open, Enter or
 * Space on a header to sort), and "export this view to Excel" with the same query. The clerk's
 * 列设置 (shown columns, their order, the frozen ones on the left) is remembered per list and
 * the export follows it; numbers show in one style (22,600, right-aligned: screenText). 打印 (or
 * Ctrl+P) opens the same query in the same columns on A4 (print/ListPrint.tsx), never the screen.
 */
import { DownloadOutlined, PrinterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Column,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Input, Pagination, Space } from 'antd';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { ExportViewInput, FileResult, ListQuery, Page } from '../../shared/schemas/common';
import { isNumberKind, screenText, type ViewColumn, type ViewDef } from '../../shared/views';
import { ColumnFilter } from './ColumnFilter';
import { ColumnSettings } from './ColumnSettings';
import { ListPrint } from './print/ListPrint';
import { registerListPrint } from './print/listPrintKeys';
import { visibleIds } from '../../shared/columnPrefs';
import { useColumnPrefs } from './columnPrefs';
import './dataTable.css';
import { toListQuery, useServerList } from './useServerList';
import { useListExport } from './useListExport';

interface DataTableProps<Row> {
  view: ViewDef;
  fetchPage: (q: ListQuery) => Promise<Page<Row>>;
  exportView?: (q: ExportViewInput) => Promise<FileResult>;
  rowKey: (row: Row) => string | number;
  onRowOpen?: (row: Row) => void;
  renderCell?: Partial<Record<string, (row: Row) => ReactNode>>;
  rowClassName?: (row: Row) => string;
  toolbar?: ReactNode;
  reloadKey?: unknown;
  initialFilters?: ColumnFiltersState;
  initialSorting?: SortingState;
  testId?: string;
  /** Told the list query whenever it changes (e.g. to print labels for the same rows). */
  onQueryChange?: (q: ListQuery) => void;
  /** Where the clerk's 列设置 is remembered; the view's title unless two lists share one. */
  columnPrefsKey?: string;
  /** The title on paper when the page adds to the view's (a month, a place, a tab); the view's title otherwise. */
  printTitle?: string;
}

const ROW_HEIGHT = 36;

/** A frozen column sticks at its offset from the left; the last frozen one draws the edge. */
function pinStyle<Row>(column: Column<Row>): { className: string; style: CSSProperties } {
  if (column.getIsPinned() !== 'left') return { className: '', style: {} };
  return {
    className: column.getIsLastColumn('left') ? 'pinned pinned-last' : 'pinned',
    style: { position: 'sticky', left: column.getStart('left') },
  };
}

export function DataTable<Row extends object>(props: DataTableProps<Row>) {
  const { view, fetchPage, exportView, rowKey, onRowOpen, renderCell, rowClassName } = props;
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>(props.initialSorting ?? []);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(props.initialFilters ?? []);
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: 100 });
  const [printing, setPrinting] = useState(false);
  const { exporting, doExport } = useListExport(exportView);
  const rootRef = useRef<HTMLDivElement>(null);
  const [reloadTick, setReloadTick] = useState(0);
  const [prefs, setPrefs] = useColumnPrefs(view, props.columnPrefsKey ?? view.title);
  const shownIds = visibleIds(prefs);
  const state = { search, sorting, columnFilters, pagination };
  const { page, loading, error } = useServerList(state, fetchPage, `${String(props.reloadKey)}-${reloadTick}`);
  const queryState = toListQuery(state);
  const queryText = JSON.stringify(queryState);
  const { onQueryChange } = props;
  useEffect(() => {
    onQueryChange?.(JSON.parse(queryText) as ListQuery);
  }, [queryText, onQueryChange]);
  // Ctrl+P while this list is on screen prints it, not the window (print/listPrintKeys.ts).
  useEffect(
    () =>
      registerListPrint(
        () => rootRef.current,
        () => setPrinting(true),
      ),
    [],
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () =>
      view.columns.map((c: ViewColumn) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: Row) => (row as Record<string, unknown>)[c.id],
        enableColumnFilter: Boolean(c.filterable),
        size: Math.max(c.width * 12 + 16, 72),
        meta: c,
      })),
    [view],
  );

  const table = useReactTable({
    data: page.rows,
    columns,
    state: {
      sorting,
      columnFilters,
      pagination,
      columnOrder: prefs.order,
      columnVisibility: Object.fromEntries(prefs.hidden.map((id) => [id, false])),
      columnPinning: { left: shownIds.slice(0, prefs.frozen) },
    },
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    rowCount: page.total,
    onSortingChange: (u) => {
      setSorting(u);
      setPagination((p) => ({ ...p, pageIndex: 0 }));
    },
    onColumnFiltersChange: (u) => {
      setColumnFilters(u);
      setPagination((p) => ({ ...p, pageIndex: 0 }));
    },
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const totalWidth = table.getTotalSize();

  function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, index: number, row: Row) {
    const go = (to: number) => {
      if (to < 0 || to >= rows.length) return;
      e.preventDefault();
      virtualizer.scrollToIndex(to);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${to}"]`)?.focus());
    };
    if (e.key === 'ArrowDown') go(index + 1);
    else if (e.key === 'ArrowUp') go(index - 1);
    else if (e.key === 'Enter' && onRowOpen) onRowOpen(row);
  }

  return (
    <div className="data-table" data-testid={props.testId} ref={rootRef}>
      <div className="data-table-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索…"
          aria-label="搜索"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPagination((p) => ({ ...p, pageIndex: 0 }));
          }}
          style={{ width: 260 }}
        />
        <Space>
          {props.toolbar}
          <ColumnSettings view={view} prefs={prefs} onChange={setPrefs} />
          <Button icon={<ReloadOutlined />} onClick={() => setReloadTick((t) => t + 1)}>
            刷新
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => setPrinting(true)}
            title="打印本视图（Ctrl+P）：当前的搜索、筛选、排序和显示的列"
          >
            打印
          </Button>
          {exportView && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport(queryState, shownIds)}>
              导出本视图到 Excel
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <div className="data-table-scroll" ref={scrollRef}>
        <table style={{ width: totalWidth }} aria-busy={loading} aria-rowcount={page.total}>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const pin = pinStyle(h.column);
                  return (
                    <th
                      key={h.id}
                      className={pin.className}
                      style={{ ...pin.style, width: h.getSize() }}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <div
                        className="th-label"
                        role="button"
                        tabIndex={0}
                        title="点击排序（按住 Shift 可多列排序）"
                        onClick={h.column.getToggleSortingHandler()}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            h.column.toggleSorting(undefined, e.shiftKey);
                          }
                        }}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                      </div>
                      {h.column.getCanFilter() && (
                        <ColumnFilter
                          column={h.column.columnDef.meta as ViewColumn}
                          value={h.column.getFilterValue()}
                          onChange={(v) => h.column.setFilterValue(v)}
                        />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
            {items.map((vi) => {
              const row = rows[vi.index];
              if (!row) return null;
              return (
                <tr
                  key={rowKey(row.original)}
                  data-index={vi.index}
                  tabIndex={0}
                  className={`${onRowOpen ? 'clickable' : ''} ${rowClassName?.(row.original) ?? ''}`}
                  style={{ height: ROW_HEIGHT }}
                  onDoubleClick={() => onRowOpen?.(row.original)}
                  onKeyDown={(e) => onRowKey(e, vi.index, row.original)}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as ViewColumn;
                    const custom = renderCell?.[meta.id];
                    const pin = pinStyle(cell.column);
                    return (
                      <td key={cell.id} className={`${isNumberKind(meta.kind) ? 'num' : ''} ${pin.className}`} style={pin.style}>
                        {custom?.(row.original) ?? screenText(meta, cell.getValue())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
          </tbody>
        </table>
        {!loading && rows.length === 0 && <div className="data-table-empty">没有符合条件的记录</div>}
      </div>
      {printing && (
        <ListPrint
          title={props.printTitle ?? view.title}
          columns={shownIds.flatMap((id) => view.columns.filter((c) => c.id === id))}
          query={{ search: queryState.search, sort: queryState.sort, filters: queryState.filters }}
          fetchPage={fetchPage}
          onClose={() => setPrinting(false)}
        />
      )}
      <div className="data-table-footer">
        <span data-testid="row-count">
          共 {page.total} 条{loading ? '（加载中…）' : ''}
        </span>
        <Pagination
          size="small"
          current={pagination.pageIndex + 1}
          pageSize={pagination.pageSize}
          total={page.total}
          showSizeChanger
          pageSizeOptions={[50, 100, 200, 500]}
          onChange={(p, size) => setPagination({ pageIndex: size !== pagination.pageSize ? 0 : p - 1, pageSize: size })}
        />
      </div>
    </div>
  );
}
