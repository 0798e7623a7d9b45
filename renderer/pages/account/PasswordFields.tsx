import { Input } from 'antd';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { PASSWORD_MIN } from '../../../shared/schemas/accounts';
import { FormField } from '../../components/FormField';

/** A new password typed twice; `label` names the first box (密码, 新密码). */
export function PasswordFields<T extends FieldValues & { password: string; passwordAgain: string }>(props: {
  control: Control<T>;
  label?: string;
  idPrefix?: string;
}) {
  const label = props.label ?? '密码';
  const id = (name: string) => `${props.idPrefix ?? 'f'}-${name}`;
  return (
    <>
      <FormField
        control={props.control}
        name={'password' as Path<T>}
        label={label}
        required
        id={id('password')}
        extra={`至少 ${PASSWORD_MIN} 位`}
      >
        {(f) => <Input.Password id={id('password')} {...f} autoComplete="new-password" />}
      </FormField>
      <FormField control={props.control} name={'passwordAgain' as Path<T>} label={`再次输入${label}`} required id={id('passwordAgain')}>
        {(f) => <Input.Password id={id('passwordAgain')} {...f} autoComplete="new-password" />}
      </FormField>
    </>
  );
}
