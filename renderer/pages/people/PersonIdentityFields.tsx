/**
 * Who a person is — name, 身份证号, category; sex, birth date, phone — as both the person's
 * 基本信息 and the one-form 新增村医 ask it, so the two forms cannot drift apart. The fields are
 * bound wherever the form keeps them (`name` or `person.name`).
 */
import { Input, Radio, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { personCategories, personCategoryLabels, personLabels, sexLabels } from '../../../shared/schemas/people';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';

type IdentityField = 'name' | 'idNumber' | 'category' | 'sex' | 'birthDate' | 'phone';

export function PersonIdentityFields<T extends FieldValues>(props: {
  control: Control<T>;
  /** The form's path of each field. */
  paths: Record<IdentityField, FieldPath<T>>;
  /** Element ids are this prefix and the field (`f-name`, `d-name`). */
  idPrefix: string;
  /** Under the 身份证号: what was read from it as typed, or why sex and birth date follow it. */
  idExtra: ReactNode;
  /** Sex and birth date may stay blank (the 身份证号 decides them): say so in their labels. */
  markOptional?: boolean;
}) {
  const { control, paths, idPrefix } = props;
  const id = (f: IdentityField) => `${idPrefix}${f}`;
  const optional = props.markOptional ? '（可不填）' : '';
  return (
    <>
      <Space size="large" wrap align="start">
        <FormField control={control} name={paths.name} label={personLabels.name} required id={id('name')}>
          {(f) => <Input id={id('name')} {...f} value={f.value as string} maxLength={30} style={{ width: 160 }} />}
        </FormField>
        <FormField control={control} name={paths.idNumber} label={personLabels.idNumber} required id={id('idNumber')} extra={props.idExtra}>
          {(f) => <Input id={id('idNumber')} {...f} value={f.value as string} maxLength={20} style={{ width: 240 }} />}
        </FormField>
        <FormField control={control} name={paths.category} label={personLabels.category} required id={id('category')}>
          {(f) => (
            <Select
              id={id('category')}
              value={f.value as string}
              onChange={f.onChange}
              options={personCategories.map((c) => ({ value: c, label: personCategoryLabels[c] }))}
              style={{ width: 160 }}
            />
          )}
        </FormField>
      </Space>
      <Space size="large" wrap align="start">
        <FormField control={control} name={paths.sex} label={`${personLabels.sex}${optional}`} id={id('sex')}>
          {(f) => (
            <Radio.Group id={id('sex')} value={f.value as string | null} onChange={(e) => f.onChange(e.target.value)}>
              <Radio value="M">{sexLabels.M}</Radio>
              <Radio value="F">{sexLabels.F}</Radio>
            </Radio.Group>
          )}
        </FormField>
        <FormField control={control} name={paths.birthDate} label={`${personLabels.birthDate}${optional}`} id={id('birthDate')}>
          {(f) => <DateInput id={id('birthDate')} value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} />}
        </FormField>
        <FormField control={control} name={paths.phone} label={personLabels.phone} id={id('phone')}>
          {(f) => <Input id={id('phone')} {...f} value={f.value as string} maxLength={30} style={{ width: 160 }} />}
        </FormField>
      </Space>
    </>
  );
}
