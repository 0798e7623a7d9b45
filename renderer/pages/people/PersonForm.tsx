import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useMemo } from 'react';
import type { z } from 'zod';
import { educationLevels, personInput, personLabels } from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import { call } from '../../api';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { useSaveForm } from '../../components/useSaveForm';
import { PersonIdentityFields } from './PersonIdentityFields';
import { useIdCardFill } from './useIdCardFill';

type Values = z.input<typeof personInput>;

const emptyPerson: Values = {
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
};

const personFields = Object.keys(emptyPerson);

function valuesOf(p: PersonDetail): Values {
  return {
    name: p.name,
    idNumber: p.idNumber,
    sex: p.sex,
    birthDate: p.birthDate,
    phone: p.phone,
    education: (p.education || '') as Values['education'],
    ethnicity: p.ethnicity,
    ruralWorkStart: p.ruralWorkStart,
    category: p.category as Values['category'],
    headExtensionUntil: p.headExtensionUntil,
    note: p.note,
  };
}

/** 基本信息: the 身份证号 decides sex and birth date; typed ones must agree with it. */
export function PersonForm(props: { person?: PersonDetail; onSaved: (p: PersonDetail) => void; onDirty: (dirty: boolean) => void }) {
  const { person } = props;
  const values = useMemo(() => (person ? valuesOf(person) : emptyPerson), [person]);
  const { form, banner, saving, save } = useSaveForm({
    schema: personInput,
    values,
    fields: personFields,
    submit: (parsed) => (person ? call('people.update', { id: person.id, values: parsed }) : call('people.create', parsed)),
    valuesOf,
    onSaved: props.onSaved,
    guard: props.onDirty,
  });
  const { control } = form;
  const idRead = useIdCardFill(form, { idNumber: 'idNumber', sex: 'sex', birthDate: 'birthDate' });

  return (
    <Form layout="vertical" component="div">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <PersonIdentityFields
        control={control}
        paths={{ name: 'name', idNumber: 'idNumber', category: 'category', sex: 'sex', birthDate: 'birthDate', phone: 'phone' }}
        idPrefix="f-"
        idExtra={person ? '出生日期和性别按身份证号自动确定' : idRead}
        markOptional
      />
      <Space size="large" wrap align="start">
        <FormField control={control} name="education" label={personLabels.education}>
          {(f) => (
            <Select
              id="f-education"
              value={f.value}
              onChange={f.onChange}
              options={[{ value: '', label: '未填' }, ...educationLevels.map((e) => ({ value: e, label: e }))]}
              style={{ width: 140 }}
            />
          )}
        </FormField>
        <FormField control={control} name="ethnicity" label={personLabels.ethnicity}>
          {(f) => <Input id="f-ethnicity" {...f} maxLength={20} style={{ width: 100 }} />}
        </FormField>
        <FormField control={control} name="ruralWorkStart" label={personLabels.ruralWorkStart}>
          {(f) => <DateInput id="f-ruralWorkStart" value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} />}
        </FormField>
        <FormField
          control={control}
          name="headExtensionUntil"
          label={personLabels.headExtensionUntil}
          extra="年满 65 岁仍任负责人须经县级批准（S5）"
        >
          {(f) => <DateInput id="f-headExtensionUntil" value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} />}
        </FormField>
      </Space>
      <FormField control={control} name="note" label={personLabels.note}>
        {(f) => <Input.TextArea id="f-note" {...f} rows={2} maxLength={200} />}
      </FormField>
      <Button type="primary" loading={saving} onClick={() => void save()}>
        {person ? '保存基本信息' : '建立档案'}
      </Button>
    </Form>
  );
}
