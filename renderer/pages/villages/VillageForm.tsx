import { Form, Input, InputNumber, Radio, Space, Switch } from 'antd';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { altCoverageLabels, altCoverageValues, villageInput, villageLabels, type VillageRow } from '../../../shared/schemas/villages';
import { call } from '../../api';
import { FormDrawer, useDrawerForm } from '../../components/FormDrawer';
import { FormField } from '../../components/FormField';

type Values = z.input<typeof villageInput>;

const empty: Values = {
  name: '',
  residentPopulation: 0,
  servicePopulation: 0,
  isCenterSeat: false,
  distanceKm: 0,
  altCoverage: 'none',
  patrolVisitsPerMonth: 0,
  note: '',
};

function valuesOf(v: VillageRow): Values {
  return {
    name: v.name,
    residentPopulation: v.residentPopulation,
    servicePopulation: v.servicePopulation,
    isCenterSeat: v.isCenterSeat,
    distanceKm: v.distanceKm,
    altCoverage: v.altCoverage,
    patrolVisitsPerMonth: v.patrolVisitsPerMonth,
    note: v.note,
  };
}

/** Create or edit one village. The same zod schema checks here and again in the core. */
export function VillageForm(props: { open: boolean; village?: VillageRow; onClose: () => void; onSaved: (v: VillageRow) => void }) {
  const { village } = props;
  const { form, banner, saving, save, confirmLeave } = useDrawerForm({
    open: props.open,
    entity: village,
    schema: villageInput,
    empty,
    valuesOf,
    submit: (parsed) => (village ? call('villages.update', { id: village.id, values: parsed }) : call('villages.create', parsed)),
    onSaved: props.onSaved,
  });
  const { control } = form;
  const alt = useWatch({ control, name: 'altCoverage' });
  const close = () => confirmLeave(props.onClose);

  return (
    <FormDrawer
      title={village ? `编辑行政村：${village.name}` : '新增行政村'}
      open={props.open}
      size={520}
      banner={banner}
      saving={saving}
      onClose={close}
      onSave={() => void save()}
    >
      <Form layout="vertical" onFinish={() => void save()} component="div">
        <FormField control={control} name="name" label={villageLabels.name} required>
          {(f) => <Input id="f-name" {...f} placeholder="如：张庄村" maxLength={30} />}
        </FormField>
        <Space size="large" wrap align="start">
          <FormField control={control} name="residentPopulation" label={villageLabels.residentPopulation} required>
            {(f) => <InputNumber id="f-residentPopulation" {...f} min={0} precision={0} style={{ width: 150 }} />}
          </FormField>
          <FormField
            control={control}
            name="servicePopulation"
            label={villageLabels.servicePopulation}
            required
            extra="配备村医按服务人口计算（S1）"
          >
            {(f) => <InputNumber id="f-servicePopulation" {...f} min={0} precision={0} style={{ width: 150 }} />}
          </FormField>
        </Space>
        <Space size="large" wrap align="start">
          <FormField control={control} name="distanceKm" label={villageLabels.distanceKm}>
            {(f) => <InputNumber id="f-distanceKm" {...f} min={0} step={0.1} style={{ width: 150 }} />}
          </FormField>
          <FormField control={control} name="isCenterSeat" label={villageLabels.isCenterSeat}>
            {(f) => (
              <Switch id="f-isCenterSeat" checked={Boolean(f.value)} onChange={f.onChange} checkedChildren="是" unCheckedChildren="否" />
            )}
          </FormField>
        </Space>
        <FormField
          control={control}
          name="altCoverage"
          label={villageLabels.altCoverage}
          extra="本村没有卫生室时，由卫生院巡诊或派驻医生覆盖（C1）"
        >
          {(f) => (
            <Radio.Group id="f-altCoverage" value={f.value} onChange={(e) => f.onChange(e.target.value)}>
              {altCoverageValues.map((v) => (
                <Radio key={v} value={v}>
                  {altCoverageLabels[v]}
                </Radio>
              ))}
            </Radio.Group>
          )}
        </FormField>
        {alt === 'patrol' && (
          <FormField control={control} name="patrolVisitsPerMonth" label={villageLabels.patrolVisitsPerMonth} required>
            {(f) => <InputNumber id="f-patrolVisitsPerMonth" {...f} min={0} max={31} precision={0} style={{ width: 150 }} />}
          </FormField>
        )}
        <FormField control={control} name="note" label={villageLabels.note}>
          {(f) => <Input.TextArea id="f-note" {...f} rows={2} maxLength={200} />}
        </FormField>
      </Form>
    </FormDrawer>
  );
}
