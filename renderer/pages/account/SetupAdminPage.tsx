import { Alert, Button, Card, Form, Typography } from 'antd';
import { adminAccountInput } from '../../../shared/schemas/accounts';
import type { AppInfo } from '../../../shared/schemas/app';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { AdminFields } from './AdminFields';

const empty = { adminLogin: '', adminName: '', password: '', passwordAgain: '' };

/** A named center without any account (from before accounts, or made at the command line): its administrator first. */
export function SetupAdminPage(props: { info: AppInfo; onDone: (info: AppInfo) => void }) {
  const { form, banner, saving, save } = useSaveForm({
    schema: adminAccountInput,
    values: empty,
    fields: Object.keys(empty),
    submit: (v) => call('accounts.setupAdmin', v),
    onSaved: props.onDone,
  });
  return (
    <div className="first-run">
      <Card style={{ width: 520 }}>
        <Typography.Title level={3}>创建管理员账号</Typography.Title>
        <p>
          {props.info.centerName}
          的数据已在，但还没有任何账号。从这个版本起，每个人用自己的账号登录，每条操作记录都记下是谁做的。请先创建管理员：
          管理员可以添加其他人员的账号、修改设置和恢复备份。
        </p>
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" component="div">
          <AdminFields control={form.control} />
          <Button type="primary" block loading={saving} onClick={() => void save()}>
            创建并登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
