/**
 * What every create-or-edit drawer shares: the save loop of useSaveForm (checked by the shared
 * zod schema, reset when opened, the core's field errors marked and its sentence on top, a
 * confirmation before unsaved changes are thrown away), and the drawer with 取消 / 保存.
 */
import { Alert, Button, Drawer, Space } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useSaveForm } from './useSaveForm';

export function useDrawerForm<T extends FieldValues, Parsed, E>(opts: {
  open: boolean;
  entity: E | undefined;
  schema: z.ZodType<Parsed, T>;
  empty: T;
  valuesOf: (e: E) => T;
  submit: (values: Parsed) => Promise<E>;
  onSaved: (e: E) => void;
}) {
  const { entity, empty, valuesOf } = opts;
  const values = useMemo(() => (entity ? valuesOf(entity) : empty), [entity, valuesOf, empty]);
  const fields = useMemo(() => Object.keys(empty), [empty]);
  return useSaveForm<T, Parsed, E>({
    schema: opts.schema,
    values,
    active: opts.open,
    fields,
    submit: opts.submit,
    valuesOf,
    onSaved: opts.onSaved,
    guard: 'ask',
  });
}

export function FormDrawer(props: {
  title: string;
  open: boolean;
  size: number;
  banner: string;
  saving: boolean;
  onClose: () => void;
  onSave: () => void;
  /** Buttons before 取消 (e.g. closing a clinic). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Drawer
      title={props.title}
      open={props.open}
      size={props.size}
      onClose={props.onClose}
      maskClosable={false}
      destroyOnHidden
      extra={
        <Space>
          {props.actions}
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={props.saving} onClick={props.onSave}>
            保存
          </Button>
        </Space>
      }
    >
      {props.banner && <Alert type="error" showIcon title={props.banner} style={{ marginBottom: 16 }} data-testid="form-error" />}
      {props.children}
    </Drawer>
  );
}
