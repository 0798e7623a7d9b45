import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { roleLabels, type Role } from '../../../shared/access';
import { chineseDateTime } from '../../../shared/format';
import type { UserRow, UsersOutput } from '../../../shared/schemas/accounts';
import { call, errorMessage } from '../../api';
import { useUser } from '../../access';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { EditUserDialog, NewUserDialog, ResetPasswordDialog } from './UserDialogs';

const roleHelp: Record<Role, string> = {
  admin: '账号、设置、恢复备份，以及其他一切操作',
  clerk: '录入、修改与导入，查看与打印',
  reviewer: '审核（留用说明等须审核的决定），查看与打印',
  viewer: '查看与打印；身份证号、电话号码只显示部分',
};

function status(u: UserRow) {
  if (u.disabled) return <Tag>停用</Tag>;
  if (u.lockedUntil) return <Tag color="red">锁定到 {chineseDateTime(u.lockedUntil)}</Tag>;
  if (!u.hasPassword) return <Tag>无密码</Tag>;
  return u.mustChangePassword ? <Tag color="gold">待本人改密码</Tag> : <Tag color="green">在用</Tag>;
}

/** An account's state in words, as its tag on screen says it. */
function statusText(u: UserRow): string {
  if (u.disabled) return '停用';
  if (u.lockedUntil) return `锁定到 ${chineseDateTime(u.lockedUntil)}`;
  if (!u.hasPassword) return '无密码';
  return u.mustChangePassword ? '待本人改密码' : '在用';
}

/** The accounts on paper (issue 12 item 4), e.g. for the center's file of who may use the system. */
const printColumns: PrintColumn<UserRow>[] = [
  { header: '登录名', width: 12, value: (u) => u.login },
  { header: '姓名', width: 10, value: (u) => u.name },
  { header: '角色', width: 10, kind: 'enum', labels: roleLabels, value: (u) => u.role },
  { header: '状态', width: 22, value: statusText },
  { header: '最后登录', width: 20, value: (u) => (u.lastSignInAt ? chineseDateTime(u.lastSignInAt) : '从未登录') },
];

/** 账号管理, for the administrator: the center's accounts and this PC's automatic sign-in. */
export function UsersPage() {
  const me = useUser();
  const [data, setData] = useState<UsersOutput | null>(null);
  const [banner, setBanner] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [auto, setAuto] = useState<number | null>(null);
  const show = (out: UsersOutput) => {
    setData(out);
    setAuto(out.autoSignInUserId);
  };
  useEffect(() => {
    call('accounts.list', {}).then(show, (e: unknown) => setBanner(errorMessage(e)));
  }, []);
  const saved = (text: string) => (out: UsersOutput) => {
    show(out);
    setAdding(false);
    setEditing(null);
    setResetting(null);
    void message.success(text);
  };
  async function saveAuto() {
    try {
      saved(auto === null ? '已关闭本机自动登录' : '已开启本机自动登录')(await call('accounts.setAutoSignIn', { userId: auto }));
      setBanner('');
    } catch (e) {
      setBanner(errorMessage(e));
    }
  }
  if (!data) return banner ? <Alert type="error" showIcon title={banner} /> : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {banner && <Alert type="error" showIcon title={banner} />}
      <Card
        title="账号"
        extra={
          <Space>
            <PrintRowsButton title="账号名单" columns={printColumns} rows={data.users} testId="users-print" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新建账号
            </Button>
          </Space>
        }
      >
        <Table<UserRow>
          data-testid="users-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={data.users}
          columns={[
            { title: '登录名', dataIndex: 'login' },
            { title: '姓名', dataIndex: 'name', render: (v: string, u) => (u.id === me?.id ? `${v}（本人）` : v) },
            { title: '角色', dataIndex: 'role', render: (r: Role) => roleLabels[r] },
            { title: '状态', render: (_: unknown, u) => status(u) },
            { title: '最后登录', dataIndex: 'lastSignInAt', render: (v: string | null) => (v ? chineseDateTime(v) : '从未登录') },
            {
              title: '操作',
              render: (_: unknown, u) => (
                <Space>
                  <a onClick={() => setEditing(u)}>修改</a>
                  <a onClick={() => setResetting(u)}>重置密码</a>
                </Space>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {(Object.keys(roleHelp) as Role[]).map((r) => (
            <span key={r} style={{ display: 'block' }}>
              {roleLabels[r]}：{roleHelp[r]}
            </span>
          ))}
        </Typography.Paragraph>
      </Card>
      <Card title="本机自动登录">
        <p>只有一名工作人员的单位，可以让这台电脑打开程序时自动以某个账号登录（不用输入密码）。默认关闭；开启或关闭都会记入操作记录。</p>
        <Space>
          <Select<number | null>
            id="auto-sign-in"
            aria-label="自动登录的账号"
            style={{ width: 260 }}
            value={auto}
            onChange={setAuto}
            options={[
              { value: null, label: '关闭（每次都要登录）' },
              ...data.users
                .filter((u) => !u.disabled)
                .map((u) => ({ value: u.id, label: `${u.name}（${u.login}，${roleLabels[u.role]}）` })),
            ]}
          />
          <Button disabled={auto === data.autoSignInUserId} onClick={() => void saveAuto()}>
            保存
          </Button>
        </Space>
      </Card>
      <NewUserDialog open={adding} onClose={() => setAdding(false)} onSaved={saved('已新建账号')} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} onSaved={saved('已保存')} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} onSaved={saved('已重置密码')} />
    </Space>
  );
}
