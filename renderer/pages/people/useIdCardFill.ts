/**
 * The 身份证号 fills sex and birth date as it is typed (issue 12, item 7; the number decides them,
 * shared/rules/idCard.ts): once the number is whole and valid, the two fields take its values,
 * and the line under the number says what it read (男，1985年3月15日生，41 岁).
 */
import { useEffect } from 'react';
import type { FieldPath, FieldValues, PathValue, UseFormReturn } from 'react-hook-form';
import { chineseDate, todayIso } from '../../../shared/format';
import { ageOn, parseIdCard } from '../../../shared/rules/idCard';
import { sexLabels } from '../../../shared/schemas/people';
import { toHalfWidth } from '../../../shared/text';

export function useIdCardFill<T extends FieldValues>(
  form: UseFormReturn<T>,
  paths: { idNumber: FieldPath<T>; sex: FieldPath<T>; birthDate: FieldPath<T> },
): string {
  const typed = String(form.watch(paths.idNumber) ?? '');
  const read = typed.trim().length >= 15 ? parseIdCard(toHalfWidth(typed)) : null;
  const sex = read?.ok ? read.info.sex : null;
  const birthDate = read?.ok ? read.info.birthDate : null;
  const { getValues, setValue } = form;
  useEffect(() => {
    if (!sex || !birthDate) return;
    if (getValues(paths.sex) !== sex) setValue(paths.sex, sex as PathValue<T, FieldPath<T>>, { shouldDirty: true, shouldValidate: true });
    if (getValues(paths.birthDate) !== birthDate)
      setValue(paths.birthDate, birthDate as PathValue<T, FieldPath<T>>, { shouldDirty: true, shouldValidate: true });
  }, [sex, birthDate, getValues, setValue, paths.sex, paths.birthDate]);
  // A number that is not one is said once, under the field, by the schema's check.
  if (!read?.ok) return '出生日期和性别按身份证号自动确定';
  return `${sexLabels[read.info.sex]}，${chineseDate(read.info.birthDate)}生，${ageOn(read.info.birthDate, todayIso())} 岁`;
}
