import { Input, Select } from 'antd';
import type { ViewColumn } from '../../shared/views';

/** The filter under a column header: a choice list for yes/no and coded columns, text otherwise. */
export function ColumnFilter(props: { column: ViewColumn; value: unknown; onChange: (v: unknown) => void }) {
  const { column, value, onChange } = props;
  const label = `筛选${column.header}`;
  if (column.kind === 'bool' || column.kind === 'enum') {
    const options =
      column.kind === 'bool'
        ? [
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]
        : Object.entries(column.labels ?? {}).map(([v, l]) => ({ value: v, label: l }));
    const current = value === undefined ? undefined : String(value);
    return (
      <Select
        size="small"
        allowClear
        aria-label={label}
        placeholder="全部"
        value={current}
        options={options}
        popupMatchSelectWidth={false}
        style={{ width: '100%' }}
        onClick={(e) => e.stopPropagation()}
        onChange={(v?: string) => onChange(v === undefined ? undefined : column.kind === 'bool' ? v === 'true' : v)}
      />
    );
  }
  return (
    <Input
      size="small"
      allowClear
      aria-label={label}
      placeholder="筛选"
      value={typeof value === 'string' ? value : ''}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => onChange(e.target.value || undefined)}
    />
  );
}
