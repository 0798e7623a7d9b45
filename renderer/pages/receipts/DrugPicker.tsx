import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DrugRow } from '../../../shared/schemas/drugs';
import { call } from '../../api';

export interface PickedDrug {
  id: number;
  label: string;
  priceFen: number;
  packUnit: string;
}

const labelOf = (d: DrugRow) => `${d.genericName} ${d.spec}${d.maker ? `（${d.maker}）` : ''} ${d.platformCode}`;

/** A catalog drug, found by typing part of its name, trade name, code or maker (searched in SQLite). */
export function DrugPicker(props: { id?: string; value: PickedDrug | null; onChange: (d: PickedDrug | null) => void; status?: 'error' }) {
  const [options, setOptions] = useState<PickedDrug[]>([]);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);
  const search = (text: string) => {
    const n = ++asked.current;
    setLoading(true);
    call('drugs.list', { search: text || undefined, limit: 30 })
      .then((page) => {
        if (n !== asked.current) return;
        setOptions(page.rows.map((d) => ({ id: d.id, label: labelOf(d), priceFen: d.priceFen, packUnit: d.packUnit })));
      })
      .catch(() => setOptions([]))
      .finally(() => n === asked.current && setLoading(false));
  };
  useEffect(() => search(''), []);
  const shown = props.value && !options.some((o) => o.id === props.value?.id) ? [props.value, ...options] : options;
  return (
    <Select<number>
      id={props.id}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      status={props.status}
      loading={loading}
      placeholder="输入药名、编码或厂家查找"
      style={{ width: '100%' }}
      popupMatchSelectWidth={420}
      value={props.value?.id}
      options={shown.map((o) => ({ value: o.id, label: o.label }))}
      notFoundContent={loading ? '正在查找…' : '目录中没有找到，请先导入省平台目录'}
      onChange={(id) => props.onChange(shown.find((o) => o.id === id) ?? null)}
    />
  );
}
