import { Input } from 'antd';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { FormField } from '../../components/FormField';
import { PasswordFields } from './PasswordFields';

/** The administrator's account on the first-run page and on a database from before accounts. */
export function AdminFields<
  T extends FieldValues & { adminLogin: string; adminName: string; password: string; passwordAgain: string },
>(props: { control: Control<T> }) {
  return (
    <>
      <FormField
        control={props.control}
        name={'adminLogin' as Path<T>}
        label="管理员登录名"
        required
        extra="登录时输入，如 zhangwei；字母、汉字、数字均可，不能有空格"
      >
        {(f) => <Input id="f-adminLogin" {...f} autoComplete="username" />}
      </FormField>
      <FormField control={props.control} name={'adminName' as Path<T>} label="管理员姓名" required extra="记入操作记录">
        {(f) => <Input id="f-adminName" {...f} />}
      </FormField>
      <PasswordFields control={props.control} />
    </>
  );
}
