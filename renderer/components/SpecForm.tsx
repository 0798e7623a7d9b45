/**
 * A small form described by a list of fields, checked by a zod schema with react-hook-form.
 * Used for the per-person records (qualifications, posts, contracts, training, leave), whose
 * forms differ only in their fields.
 */
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { DateInput } from './DateInput';
import { FormField } from './FormField';
import { useSaveForm } from './useSaveForm';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'money' | 'date' | 'bool' | 'select' | 'textarea';
  options?: { value: string | number; label: string }[];
  required?: boolean;
  extra?: string;
  /** For money: amounts may be negative (a decrease). */
  signed?: boolean;
  /** Shown only when this returns true for the current values. */
  when?: (values: Record<string, unknown>) => boolean;
}

export function SpecFormModal(props: {
  title: string;
  open: boolean;
  schema: z.ZodType<FieldValues>;
  fields: FieldSpec[];
  initial: Record<string, unknown>;
  onCancel: () => void;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  /** Text above the fields (what the action does). */
  intro?: ReactNode;
  okText?: string;
  danger?: boolean;
}) {
  const { form, banner, saving, save } = useSaveForm<FieldValues, FieldValues>({
    schema: props.schema,
    values: props.initial,
    active: props.open,
    fields: props.fields.map((f) => f.name),
    // Fields are checked at the first OK, then as they change.
    mode: 'onSubmit',
    submit: props.onSubmit,
  });
  const { control, watch } = form;
  const values = watch();

  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onCancel}
      onOk={() => void save()}
      okText={props.okText ?? '保存'}
      okButtonProps={{ danger: props.danger }}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      maskClosable={false}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="record-error" />}
      {props.intro}
      <Form layout="vertical" component="div">
        {props.fields
          .filter((f) => !f.when || f.when(values))
          .map((f) => (
            <FormField
              key={f.name}
              control={control}
              name={f.name}
              label={f.label}
              required={f.required}
              extra={f.extra}
              id={`r-${f.name}`}
            >
              {(field) => {
                const id = `r-${f.name}`;
                switch (f.kind) {
                  case 'date':
                    return <DateInput id={id} value={field.value as string | null} onChange={field.onChange} onBlur={field.onBlur} />;
                  case 'bool':
                    return (
                      <Switch
                        id={id}
                        checked={Boolean(field.value)}
                        onChange={field.onChange}
                        checkedChildren="是"
                        unCheckedChildren="否"
                      />
                    );
                  case 'number':
                    return (
                      <InputNumber
                        id={id}
                        value={field.value as number}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        min={0}
                        precision={0}
                      />
                    );
                  case 'money':
                    return (
                      <InputNumber
                        id={id}
                        value={field.value as number}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        min={f.signed ? undefined : 0}
                        precision={2}
                        suffix="元"
                        style={{ width: 200 }}
                      />
                    );
                  case 'select':
                    return (
                      <Select
                        id={id}
                        value={field.value as string}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        options={f.options}
                        showSearch={{ optionFilterProp: 'label' }}
                        style={{ width: '100%' }}
                        placeholder="请选择"
                        allowClear={!f.required}
                      />
                    );
                  case 'textarea':
                    return (
                      <Input.TextArea id={id} value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} rows={2} />
                    );
                  default:
                    return <Input id={id} value={field.value as string} onChange={field.onChange} onBlur={field.onBlur} />;
                }
              }}
            </FormField>
          ))}
      </Form>
    </Modal>
  );
}
