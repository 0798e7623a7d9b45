import { Alert, Button, Form, Input } from 'antd';
import { useMemo } from 'react';
import { signInInput } from '../../../shared/schemas/accounts';
import type { AppInfo } from '../../../shared/schemas/app';
import { call } from '../../api';
import { FormField } from '../../components/FormField';
import { useSaveForm } from '../../components/useSaveForm';

/** Login name and password; wrong ones, a locked or disabled account are said above the form in Chinese. */
export function SignInForm(props: { login?: string; onSignedIn: (info: AppInfo) => void; idPrefix?: string }) {
  const values = useMemo(() => ({ login: props.login ?? '', password: '' }), [props.login]);
  const { form, banner, saving, save } = useSaveForm({
    schema: signInInput,
    values,
    fields: ['login', 'password'],
    mode: 'onSubmit',
    submit: (v) => call('accounts.signIn', v),
    onSaved: props.onSignedIn,
  });
  const id = (name: string) => `${props.idPrefix ?? 'signin'}-${name}`;
  return (
    <Form layout="vertical" component="div" onKeyDown={(e) => e.key === 'Enter' && void save()}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <FormField control={form.control} name="login" label="登录名" required id={id('login')}>
        {(f) => <Input id={id('login')} {...f} autoComplete="username" autoFocus={!props.login} />}
      </FormField>
      <FormField control={form.control} name="password" label="密码" required id={id('password')}>
        {(f) => <Input.Password id={id('password')} {...f} autoComplete="current-password" autoFocus={Boolean(props.login)} />}
      </FormField>
      <Button type="primary" block loading={saving} onClick={() => void save()}>
        登录
      </Button>
    </Form>
  );
}
