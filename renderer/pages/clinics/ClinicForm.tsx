import { Button, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { clinicInput, clinicLabels, propertyLabels, propertyValues, type ClinicDetail } from '../../../shared/schemas/clinics';
import { call } from '../../api';
import { FormDrawer, useDrawerForm } from '../../components/FormDrawer';
import { FormField } from '../../components/FormField';
import { CoveragePreview } from './CoveragePreview';

type Values = z.input<typeof clinicInput>;

const empty: Values = {
  code: '',
  name: '',
  address: '',
  property: 'public',
  buildingArea: 0,
  insurancePoint: false,
  headName: '',
  hostVillageIds: [],
  extensionVillageIds: [],
  note: '',
};

function valuesOf(c: ClinicDetail): Values {
  return {
    code: c.code,
    name: c.name,
    address: c.address,
    property: c.property,
    buildingArea: c.buildingArea,
    insurancePoint: c.insurancePoint,
    headName: c.headName,
    hostVillageIds: c.hostVillageIds,
    extensionVillageIds: c.extensionVillageIds,
    note: c.note,
  };
}

/** Create or edit a clinic and the villages it serves (C4: one clinic may serve several). */
export function ClinicForm(props: {
  open: boolean;
  clinic?: ClinicDetail;
  onClose: () => void;
  onSaved: (c: ClinicDetail) => void;
  onStatusAction?: (c: ClinicDetail, action: 'close' | 'reopen') => void;
}) {
  const { clinic } = props;
  const { form, banner, setBanner, saving, save, confirmLeave } = useDrawerForm({
    open: props.open,
    entity: clinic,
    schema: clinicInput,
    empty,
    valuesOf,
    submit: (parsed) => (clinic ? call('clinics.update', { id: clinic.id, values: parsed }) : call('clinics.create', parsed)),
    onSaved: props.onSaved,
  });
  const { control, watch } = form;
  const hostVillageIds = watch('hostVillageIds') ?? [];
  const extensionVillageIds = watch('extensionVillageIds') ?? [];
  const [villages, setVillages] = useState<{ value: number; label: string }[]>([]);
  const close = () => confirmLeave(props.onClose);

  useEffect(() => {
    if (!props.open) return;
    call('villages.all', {}).then(
      (list) => setVillages(list.map((v) => ({ value: v.id, label: v.name }))),
      () => setBanner('村名单加载失败，请关闭后重试'),
    );
  }, [props.open, setBanner]);

  const villageSelect = (id: string, f: { value: unknown; onChange: (v: number[]) => void; onBlur: () => void }) => (
    <Select
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择村（可输入村名查找）"
      options={villages}
      value={f.value as number[]}
      onChange={f.onChange}
      onBlur={f.onBlur}
    />
  );

  return (
    <FormDrawer
      title={clinic ? `编辑村卫生室：${clinic.name}` : '新增村卫生室'}
      open={props.open}
      size={660}
      banner={banner}
      saving={saving}
      onClose={close}
      onSave={() => void save()}
      actions={
        clinic && (
          <Space>
            {/* 一室一档 (issue 12 item 8); unsaved changes are asked about first, as on closing. */}
            <Button onClick={() => confirmLeave(() => (window.location.hash = `#/clinic?id=${clinic.id}`))}>打开档案</Button>
            {props.onStatusAction && (
              <Button
                danger={clinic.status === 'open'}
                onClick={() => props.onStatusAction?.(clinic, clinic.status === 'open' ? 'close' : 'reopen')}
              >
                {clinic.status === 'open' ? '撤销该卫生室…' : '恢复运行'}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Form layout="vertical" component="div">
        <Space size="large" wrap>
          <FormField control={control} name="code" label={clinicLabels.code}>
            {(f) => <Input id="f-code" {...f} placeholder="如：HY001-01（不知道可先不填）" maxLength={30} style={{ width: 260 }} />}
          </FormField>
          <FormField control={control} name="name" label={clinicLabels.name} required>
            {(f) => <Input id="f-name" {...f} placeholder="如：张庄村卫生室" maxLength={50} style={{ width: 260 }} />}
          </FormField>
        </Space>
        <FormField
          control={control}
          name="hostVillageIds"
          label={clinicLabels.hostVillageIds}
          extra="几个村合建一个卫生室时，选择全部合建的村（C4）"
        >
          {(f) => villageSelect('f-hostVillageIds', f)}
        </FormField>
        <FormField
          control={control}
          name="extensionVillageIds"
          label={clinicLabels.extensionVillageIds}
          extra="没有卫生室的邻村由本室延伸服务（C1）"
        >
          {(f) => villageSelect('f-extensionVillageIds', f)}
        </FormField>
        {props.open && (
          <CoveragePreview clinicId={clinic?.id ?? null} hostVillageIds={hostVillageIds} extensionVillageIds={extensionVillageIds} />
        )}
        <FormField control={control} name="address" label={clinicLabels.address}>
          {(f) => <Input id="f-address" {...f} maxLength={120} />}
        </FormField>
        <Space size="large" wrap>
          <FormField control={control} name="property" label={clinicLabels.property} required>
            {(f) => (
              <Radio.Group id="f-property" value={f.value} onChange={(e) => f.onChange(e.target.value)}>
                {propertyValues.map((v) => (
                  <Radio key={v} value={v}>
                    {propertyLabels[v]}
                  </Radio>
                ))}
              </Radio.Group>
            )}
          </FormField>
          <FormField control={control} name="buildingArea" label={clinicLabels.buildingArea}>
            {(f) => <InputNumber id="f-buildingArea" {...f} min={0} step={1} style={{ width: 140 }} />}
          </FormField>
          <FormField control={control} name="insurancePoint" label={clinicLabels.insurancePoint}>
            {(f) => (
              <Switch id="f-insurancePoint" checked={Boolean(f.value)} onChange={f.onChange} checkedChildren="是" unCheckedChildren="否" />
            )}
          </FormField>
        </Space>
        <FormField
          control={control}
          name="headName"
          label={`${clinicLabels.headName}（未建人员档案时填写）`}
          extra={
            clinic && clinic.headName !== clinic.headTyped
              ? `人员档案中的负责人：${clinic.headName}（以人员档案为准，C2）`
              : '在“人员档案”中给某人安排“负责人”岗位后，以人员档案为准（C2）'
          }
        >
          {(f) => <Input id="f-headName" {...f} maxLength={30} style={{ width: 200 }} />}
        </FormField>
        <FormField control={control} name="note" label={clinicLabels.note}>
          {(f) => <Input.TextArea id="f-note" {...f} rows={2} maxLength={200} />}
        </FormField>
      </Form>
    </FormDrawer>
  );
}
