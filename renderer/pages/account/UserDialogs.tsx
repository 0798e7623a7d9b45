import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { roleLabels, roles } from '../../../shared/access';
import { passwordReset, userCreate, userUpdate, type UserRow, type UsersOutput } from '../../../shared/schemas/accounts';
import { call } from '../../api';
import { FormField } from '../../components/FormField';
import { useSaveForm } from '../../components/useSaveForm';
import { PasswordFields } from './PasswordFields';

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

function Dialog(props: {
  title: string;
  open: boolean;
  okText: string;
  saving: boolean;
  banner: string;
  onOk: () => void;
  onClose: () => void;
  children: React.ReactNode;
}) {
  return (
    <Modal
      title={props.title}
      open={props.open}
      okText={props.okText}
      cancelText="取消"
      okButtonProps={{ loading: props.saving }}
      onOk={props.onOk}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.banner && <Alert type="error" showIcon title={props.banner} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        {props.children}
      </Form>
    </Modal>
  );
}

const newUser = { login: '', name: '', role: 'clerk' as const, password: '', passwordAgain: '' };

/** A new account: the administrator sets a first password, which the user changes at their first sign-in. */
export function NewUserDialog(props: { open: boolean; onClose: () => void; onSaved: (out: UsersOutput) => void }) {
  const { form, banner, saving, save } = useSaveForm({
    schema: userCreate,
    values: newUser,
    active: props.open,
    fields: Object.keys(newUser),
    submit: (v) => call('accounts.create', v),
    onSaved: props.onSaved,
  });
  const { control } = form;
  return (
    <Dialog
      title="新建账号"
      okText="新建"
      open={props.open}
      saving={saving}
      banner={banner}
      onOk={() => void save()}
      onClose={props.onClose}
    >
      <FormField control={control} name="login" label="登录名" required extra="登录时输入；建好后不能改">
        {(f) => <Input id="f-login" {...f} autoComplete="off" />}
      </FormField>
      <FormField control={control} name="name" label="姓名" required extra="记入操作记录">
        {(f) => <Input id="f-name" {...f} />}
      </FormField>
      <FormField control={control} name="role" label="角色" required>
        {(f) => <Select id="f-role" {...f} options={roleOptions} />}
      </FormField>
      <PasswordFields control={control} label="初始密码" />
      <p style={{ color: '#888' }}>初始密码请当面告诉本人；本人第一次登录时须改成自己的密码。</p>
    </Dialog>
  );
}

/** Name, role, disabled. The last active administrator keeps the role (the core refuses, naming the field). */
export function EditUserDialog(props: { user: UserRow | null; onClose: () => void; onSaved: (out: UsersOutput) => void }) {
  const u = props.user;
  const values = useMemo(() => ({ id: u?.id ?? 0, name: u?.name ?? '', role: u?.role ?? 'clerk', disabled: u?.disabled ?? false }), [u]);
  const { form, banner, saving, save } = useSaveForm({
    schema: userUpdate,
    values,
    active: u !== null,
    fields: ['name', 'role', 'disabled'],
    submit: (v) => call('accounts.update', v),
    onSaved: props.onSaved,
  });
  const { control } = form;
  return (
    <Dialog
      title={`修改账号：${u?.login ?? ''}`}
      okText="保存"
      open={u !== null}
      saving={saving}
      banner={banner}
      onOk={() => void save()}
      onClose={props.onClose}
    >
      <FormField control={control} name="name" label="姓名" required>
        {(f) => <Input id="f-name" {...f} />}
      </FormField>
      <FormField control={control} name="role" label="角色" required>
        {(f) => <Select id="f-role" {...f} options={roleOptions} />}
      </FormField>
      <FormField control={control} name="disabled" label="状态" extra="停用的账号不能登录，操作记录照常保留">
        {(f) => (
          <Checkbox id="f-disabled" checked={Boolean(f.value)} onChange={(e) => f.onChange(e.target.checked)} onBlur={f.onBlur}>
            停用
          </Checkbox>
        )}
      </FormField>
    </Dialog>
  );
}

/** A temporary password the user must change at the next sign-in; a lock from wrong passwords ends. */
export function ResetPasswordDialog(props: { user: UserRow | null; onClose: () => void; onSaved: (out: UsersOutput) => void }) {
  const u = props.user;
  const values = useMemo(() => ({ id: u?.id ?? 0, password: '', passwordAgain: '' }), [u]);
  const { form, banner, saving, save } = useSaveForm({
    schema: passwordReset,
    values,
    active: u !== null,
    fields: ['password', 'passwordAgain'],
    submit: (v) => call('accounts.resetPassword', v),
    onSaved: props.onSaved,
  });
  return (
    <Dialog
      title={`重置密码：${u ? `${u.name}（${u.login}）` : ''}`}
      okText="重置"
      open={u !== null}
      saving={saving}
      banner={banner}
      onOk={() => void save()}
      onClose={props.onClose}
    >
      <p>设一个临时密码当面告诉本人，本人下次登录时须改成自己的密码。账号如被锁定，同时解除。</p>
      <PasswordFields control={form.control} label="临时密码" />
    </Dialog>
  );
}
