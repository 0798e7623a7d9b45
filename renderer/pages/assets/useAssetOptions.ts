import { useEffect, useMemo, useState } from 'react';
import { CENTER_HOLDER } from '../../../shared/schemas/assets';
import { call } from '../../api';
import { CENTER_OPTION } from './assetForm';

export interface Option {
  value: number;
  label: string;
}

/**
 * Where an asset can be (卫生院本部 first, then every open clinic) and who can keep it (people
 * in post), for the asset and stocktake forms. Loaded when `active` turns true.
 */
export function useAssetOptions(active: boolean): { holders: Option[]; clinics: Option[]; people: Option[] } {
  const [clinics, setClinics] = useState<Option[]>([]);
  const [people, setPeople] = useState<Option[]>([]);
  useEffect(() => {
    if (!active) return;
    call('clinics.options', {}).then(
      (c) => setClinics(c.filter((x) => x.status === 'open').map((x) => ({ value: x.id, label: x.name }))),
      () => undefined,
    );
    call('people.options', {}).then(
      (p) => setPeople(p.map((x) => ({ value: x.id, label: x.clinicName ? `${x.name}（${x.clinicName}）` : x.name }))),
      () => undefined,
    );
  }, [active]);
  const holders = useMemo(() => [{ value: CENTER_OPTION, label: CENTER_HOLDER }, ...clinics], [clinics]);
  return { holders, clinics, people };
}
