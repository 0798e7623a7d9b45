import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { roleLabels } from '../../../shared/access';
import type { AppInfo } from '../../../shared/schemas/app';
import { ChangePasswordDialog } from './ChangePassword';

/** The header's account menu: who is signed in, with which role; change password, sign out. */
export function UserMenu(props: { info: AppInfo; onInfo: (info: AppInfo) => void; onSignOut: () => void }) {
  const [changing, setChanging] = useState(false);
  const user = props.info.user;
  if (!user) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: '修改密码' },
            { key: 'signOut', label: '退出登录' },
          ],
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : props.onSignOut()),
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {user.name} · {roleLabels[user.role]} <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordDialog
        open={changing}
        onClose={() => setChanging(false)}
        onDone={(info) => {
          setChanging(false);
          props.onInfo(info);
        }}
      />
    </>
  );
}
