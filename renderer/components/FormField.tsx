import { Form } from 'antd';
import { useState, type ReactNode } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldPath, type FieldValues } from 'react-hook-form';
import { FieldHelpContext } from './fieldHelp';

/**
 * One labelled form field bound to react-hook-form; its error (from the shared zod schema, or
 * from the core's answer) is shown in Chinese right under the field — unless the control shows a
 * more precise one itself (the date field's 不是有效的日期：…), then only the red frame stays.
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
  const [controlSpeaks, setControlSpeaks] = useState(false);
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={props.label}
          required={props.required}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={controlSpeaks ? undefined : fieldState.error?.message}
          extra={props.extra}
          htmlFor={props.id ?? `f-${props.name}`}
        >
          <FieldHelpContext.Provider value={setControlSpeaks}>{props.children(field)}</FieldHelpContext.Provider>
        </Form.Item>
      )}
    />
  );
}
