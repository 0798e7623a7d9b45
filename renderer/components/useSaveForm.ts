/**
 * The one save loop of every form (the drawers, the person and asset card tabs, the record and
 * movement dialogs): a react-hook-form checked by the shared zod schema, reset to the values it
 * shows whenever they change while it is open; a save that checks, parses once, calls the core,
 * and on a refusal marks every field the core named and shows its sentence on top; and, where
 * asked, a guard before unsaved changes are thrown away.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Mode, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerError } from './serverErrors';
import { useConfirmLeave } from './useConfirmLeave';

export function useSaveForm<T extends FieldValues, Parsed, R = void>(opts: {
  /** Checks the typed values (T) and turns them into what the core takes (Parsed). */
  schema: z.ZodType<Parsed>;
  /** The values shown; the form is reset to them (and its banner cleared) when they change while it is active. */
  values: T;
  /** Open (a drawer or dialog); default true (a tab's form lives as long as its tab). */
  active?: boolean;
  /** The fields the core's errors may mark (`error.fields`); others only reach the banner. */
  fields: readonly string[];
  /** When fields are checked before the first save; default on leaving a touched field. */
  mode?: Mode;
  submit: (parsed: Parsed) => Promise<R>;
  /** After a save: the values the form now holds (it is no longer changed); absent: left as typed. */
  valuesOf?: (saved: R) => T;
  onSaved?: (saved: R) => void;
  /**
   * Unsaved changes: 'ask' makes `confirmLeave` ask before closing a changed form (and the window
   * warn); a function hands the changed state to an owner that guards (a drawer with several tabs).
   */
  guard?: 'ask' | ((dirty: boolean) => void);
}) {
  const { schema, values, active = true, guard } = opts;
  // raw: the submit handler gets the typed values and parses them once itself; a schema that
  // converts units (元 → 分) must not run twice.
  const form = useForm<T>({
    resolver: zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<T>,
    defaultValues: values as DefaultValues<T>,
    mode: opts.mode ?? 'onTouched',
  });
  const { handleSubmit, reset, setError, formState } = form;
  const [banner, setBanner] = useState('');
  const [saving, setSaving] = useState(false);
  const dirty = active && formState.isDirty;
  const confirmLeave = useConfirmLeave(guard === 'ask' && dirty);
  const report = typeof guard === 'function' ? guard : undefined;
  useEffect(() => report?.(dirty), [dirty, report]);

  useEffect(() => {
    if (!active) return;
    reset(values);
    setBanner('');
  }, [active, values, reset]);

  const save = handleSubmit(async (typed) => {
    setSaving(true);
    setBanner('');
    try {
      const saved = await opts.submit(schema.parse(typed));
      if (opts.valuesOf) reset(opts.valuesOf(saved));
      opts.onSaved?.(saved);
    } catch (e) {
      setBanner(applyServerError(e, setError, opts.fields));
    } finally {
      setSaving(false);
    }
  });

  return { form, banner, setBanner, saving, save, confirmLeave };
}
