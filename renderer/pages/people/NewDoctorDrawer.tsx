/**
 * 新增村医 in one form (issue 12, item 7): who (the 身份证号 fills sex and birth date as it is
 * typed), where (clinic and post, C2) and, if at hand, the contract — saved together by
 * people.createDoctor, all or nothing. Qualifications and training are added in the file after.
 */
import { Form, Radio, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { todayIso } from '../../../shared/format';
import { employmentKindLabels, employmentKinds, establishmentLabels, newDoctorInput } from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import { call } from '../../api';
import { DateInput } from '../../components/DateInput';
import { FormDrawer } from '../../components/FormDrawer';
import { FormField } from '../../components/FormField';
import { useSaveForm } from '../../components/useSaveForm';
import { PersonIdentityFields } from './PersonIdentityFields';
import { useIdCardFill } from './useIdCardFill';

type Values = z.input<typeof newDoctorInput>;

function emptyDoctor(): Values {
  return {
    person: {
      name: '',
      idNumber: '',
      sex: null,
      birthDate: null,
      phone: '',
      education: '',
      ethnicity: '汉族',
      ruralWorkStart: null,
      category: 'village_doctor',
      headExtensionUntil: null,
      note: '',
    },
    post: { clinicId: null, role: 'doctor', startDate: todayIso() },
    contract: { kind: '', establishment: '', startDate: null, endDate: null },
  };
}

/** Every field a refusal may name, as the form names it. */
const fields = [
  'person.name',
  'person.idNumber',
  'person.sex',
  'person.birthDate',
  'person.phone',
  'person.category',
  'post.clinicId',
  'post.role',
  'post.startDate',
  'contract.kind',
  'contract.establishment',
  'contract.startDate',
  'contract.endDate',
];

export function NewDoctorDrawer(props: { open: boolean; onClose: () => void; onSaved: (p: PersonDetail) => void }) {
  const values = useMemo(() => emptyDoctor(), []);
  const { form, banner, setBanner, saving, save, confirmLeave } = useSaveForm({
    schema: newDoctorInput,
    values,
    active: props.open,
    fields,
    submit: (parsed) => call('people.createDoctor', parsed),
    onSaved: props.onSaved,
    guard: 'ask',
  });
  const { control, watch } = form;
  const idRead = useIdCardFill(form, { idNumber: 'person.idNumber', sex: 'person.sex', birthDate: 'person.birthDate' });
  const [clinics, setClinics] = useState<{ value: number; label: string }[]>([]);
  const contractKind = watch('contract.kind');

  useEffect(() => {
    if (!props.open) return;
    call('clinics.options', {}).then(
      (list) => setClinics(list.filter((c) => c.status === 'open').map((c) => ({ value: c.id, label: c.name }))),
      () => setBanner('卫生室名单加载失败，请关闭后重试'),
    );
  }, [props.open, setBanner]);

  return (
    <FormDrawer
      title="新增村医"
      open={props.open}
      size={720}
      banner={banner}
      saving={saving}
      onClose={() => confirmLeave(props.onClose)}
      onSave={() => void save()}
    >
      <Form layout="vertical" component="div">
        <PersonIdentityFields
          control={control}
          paths={{
            name: 'person.name',
            idNumber: 'person.idNumber',
            category: 'person.category',
            sex: 'person.sex',
            birthDate: 'person.birthDate',
            phone: 'person.phone',
          }}
          idPrefix="d-"
          idExtra={idRead}
        />
        <div style={{ fontWeight: 600, margin: '4px 0 8px' }}>岗位</div>
        <Space size="large" wrap align="start">
          <FormField control={control} name="post.clinicId" label="卫生室" required id="d-clinic">
            {(f) => (
              <Select
                id="d-clinic"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
                options={clinics}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择卫生室（可输入名称查找）"
                style={{ width: 240 }}
              />
            )}
          </FormField>
          <FormField control={control} name="post.role" label="岗位" required id="d-role" extra="每个卫生室同一时间只有一名负责人（C2）">
            {(f) => (
              <Radio.Group id="d-role" value={f.value} onChange={(e) => f.onChange(e.target.value)}>
                <Radio value="doctor">村医</Radio>
                <Radio value="head">负责人</Radio>
              </Radio.Group>
            )}
          </FormField>
          <FormField control={control} name="post.startDate" label="到岗日期" required id="d-postStart">
            {(f) => (
              <DateInput id="d-postStart" value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} allowClear={false} />
            )}
          </FormField>
        </Space>
        <div style={{ fontWeight: 600, margin: '4px 0 8px' }}>聘用合同（可暂不登记）</div>
        <Space size="large" wrap align="start">
          <FormField control={control} name="contract.kind" label="聘用形式" id="d-contractKind">
            {(f) => (
              <Select
                id="d-contractKind"
                value={f.value}
                onChange={f.onChange}
                options={[{ value: '', label: '暂不登记' }, ...employmentKinds.map((k) => ({ value: k, label: employmentKindLabels[k] }))]}
                style={{ width: 200 }}
              />
            )}
          </FormField>
          {contractKind === 'township_hired' && (
            <FormField control={control} name="contract.establishment" label="编制" id="d-establishment">
              {(f) => (
                <Select
                  id="d-establishment"
                  value={f.value}
                  onChange={f.onChange}
                  options={Object.entries(establishmentLabels).map(([value, label]) => ({ value, label }))}
                  style={{ width: 140 }}
                />
              )}
            </FormField>
          )}
          {contractKind !== '' && (
            <>
              <FormField control={control} name="contract.startDate" label="合同开始" required id="d-contractStart">
                {(f) => <DateInput id="d-contractStart" value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} />}
              </FormField>
              <FormField control={control} name="contract.endDate" label="合同结束" id="d-contractEnd">
                {(f) => <DateInput id="d-contractEnd" value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} />}
              </FormField>
            </>
          )}
        </Space>
      </Form>
    </FormDrawer>
  );
}
