import { Form } from 'antd';
import type { ReactNode } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';

/**
 * One labelled form field bound to react-hook-form; its error (from the shared zod schema, or
 * from the core's answer) is shown in Chinese right under the field.
 */
export function FormField<T extends FieldValues, N extends FieldPath<T>>(props: {
  control: Control<T>;
  name: N;
  label: string;
  required?: boolean;
  extra?: ReactNode;
  /** The control's element id, which the label points at; `f-<name>` unless given. */
  id?: string;
  children: (field: ControllerRenderProps<T, N>) => ReactNode;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={props.label}
          required={props.required}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldState.error?.message}
          extra={props.extra}
          htmlFor={props.id ?? `f-${props.name}`}
        >
          {props.children(field)}
        </Form.Item>
      )}
    />
  );
}
