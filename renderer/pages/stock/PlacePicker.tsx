/** 存放地点: the whole township, the center's store (中心药库) or one clinic. */
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { PlaceFilter } from '../../../shared/schemas/stock';
import { call } from '../../api';

export interface ClinicOption {
  id: number;
  name: string;
  status: string;
}

/** The clinics, open ones first, read once per page. */
export function useClinicOptions(): ClinicOption[] {
  const [clinics, setClinics] = useState<ClinicOption[]>([]);
  useEffect(() => {
    call('clinics.options', {}).then(
      (cs) => setClinics([...cs].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))),
      () => setClinics([]),
    );
  }, []);
  return clinics;
}

export function PlacePicker(props: {
  id?: string;
  value: PlaceFilter;
  onChange: (v: PlaceFilter) => void;
  clinics: ClinicOption[];
  /** Offer 全部 (the township); off where one place must be chosen. */
  withAll?: boolean;
  withCenter?: boolean;
}) {
  const options = [
    ...(props.withAll === false ? [] : [{ value: 'all', label: '全部（全乡镇）' }]),
    ...(props.withCenter === false ? [] : [{ value: 'center', label: '中心药库' }]),
    ...props.clinics.map((c) => ({ value: String(c.id), label: c.status === 'open' ? c.name : `${c.name}（已撤销）` })),
  ];
  return (
    <Select
      id={props.id}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 200 }}
      value={String(props.value)}
      options={options}
      onChange={(v: string) => props.onChange(v === 'all' || v === 'center' ? v : Number(v))}
    />
  );
}
