/**
 * What every create-or-edit drawer shares: a react-hook-form checked by the shared zod schema,
 * reset when opened, a save that marks the core's field errors and shows its sentence on top,
 * a confirmation before unsaved changes are thrown away, and the drawer with 取消 / 保存.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Drawer, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerError } from './serverErrors';
import { useConfirmLeave } from './useConfirmLeave';

export function useDrawerForm<T extends FieldValues, Parsed, E>(opts: {
  open: boolean;
  entity: E | undefined;
  schema: z.ZodType<Parsed, T>;
  empty: T;
  valuesOf: (e: E) => T;
  submit: (values: Parsed) => Promise<E>;
  onSaved: (e: E) => void;
}) {
  const { open, entity, schema, empty, valuesOf } = opts;
  // raw: the submit handler gets the typed values and parses them once itself; a schema that
  // converts units (元 → 分) must not run twice.
  const form = useForm<T>({ resolver: zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<T>, defaultValues: empty as DefaultValues<T>, mode: 'onTouched' });
  const { handleSubmit, reset, setError, formState } = form;
  const [banner, setBanner] = useState('');
  const [saving, setSaving] = useState(false);
  const confirmLeave = useConfirmLeave(open && formState.isDirty);

  useEffect(() => {
    if (!open) return;
    reset(entity ? valuesOf(entity) : empty);
    setBanner('');
  }, [open, entity, reset, valuesOf, empty]);

  const save = handleSubmit(async (values) => {
    setSaving(true);
    setBanner('');
    try {
      const saved = await opts.submit(schema.parse(values));
      reset(valuesOf(saved));
      opts.onSaved(saved);
    } catch (e) {
      setBanner(applyServerError(e, setError, Object.keys(empty)));
    } finally {
      setSaving(false);
    }
  });

  return { form, banner, setBanner, saving, save, confirmLeave };
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
