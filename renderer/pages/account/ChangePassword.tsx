import { Alert, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { changePasswordInput } from '../../../shared/schemas/accounts';
import type { AppInfo } from '../../../shared/schemas/app';
import { call } from '../../api';
import { FormField } from '../../components/FormField';
import { useSaveForm } from '../../components/useSaveForm';
import { PasswordFields } from './PasswordFields';

const empty = { oldPassword: '', password: '', passwordAgain: '' };

function useChangePassword(active: boolean, onDone: (info: AppInfo) => void) {
  return useSaveForm({
    schema: changePasswordInput,
    values: empty,
    active,
    fields: Object.keys(empty),
    submit: (v) => call('accounts.changePassword', v),
    onSaved: onDone,
  });
}

function Fields(props: { control: ReturnType<typeof useChangePassword>['form']['control']; oldLabel: string }) {
  return (
    <>
      <FormField control={props.control} name="oldPassword" label={props.oldLabel} required id="pw-oldPassword">
        {(f) => <Input.Password id="pw-oldPassword" {...f} autoComplete="current-password" />}
      </FormField>
      <PasswordFields control={props.control} label="新密码" idPrefix="pw" />
    </>
  );
}

/** After an administrator's reset: the user sets their own password before anything else. */
export function ChangePasswordPage(props: { info: AppInfo; onDone: (info: AppInfo) => void; onSignOut: () => void }) {
  const { form, banner, saving, save } = useChangePassword(true, props.onDone);
  return (
    <div className="first-run">
      <Card style={{ width: 460 }}>
        <Typography.Title level={3}>请先修改密码</Typography.Title>
        <p>{props.info.user?.name}，管理员为您设置了临时密码。请换成只有您自己知道的密码后再继续。</p>
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" component="div">
          <Fields control={form.control} oldLabel="临时密码" />
          <Space>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              修改密码
            </Button>
            <Button onClick={props.onSignOut}>退出登录</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

/** Changing one's own password from the header's menu. */
export function ChangePasswordDialog(props: { open: boolean; onClose: () => void; onDone: (info: AppInfo) => void }) {
  const { form, banner, saving, save } = useChangePassword(props.open, props.onDone);
  return (
    <Modal
      title="修改密码"
      open={props.open}
      okText="修改密码"
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Fields control={form.control} oldLabel="原密码" />
      </Form>
    </Modal>
  );
}
