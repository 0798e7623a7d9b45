import { Alert, Button, Card, Typography } from 'antd';
import { demoAccount } from '../../../shared/schemas/accounts';
import type { AppInfo } from '../../../shared/schemas/app';
import { call, errorMessage } from '../../api';
import { SignInForm } from './SignInForm';

/** Nobody is signed in: the center's name, why the last session ended, and the sign-in form. */
export function SignInPage(props: { info: AppInfo; onDone: (info: AppInfo) => void; onError: (message: string) => void }) {
  const { info } = props;
  return (
    <div className="first-run">
      <Card style={{ width: 420 }}>
        <Typography.Title level={3}>{info.centerName || '乡村卫生一体化管理'}</Typography.Title>
        <p>请用本人的账号登录。</p>
        {info.signedOutReason && <Alert type="warning" showIcon title={info.signedOutReason} style={{ marginBottom: 12 }} />}
        {info.isDemo && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`演示乡镇的管理员：登录名 ${demoAccount.login}，密码 ${demoAccount.password}`}
            action={
              <Button
                size="small"
                onClick={() => void call('app.leaveDemo', {}).then(props.onDone, (e: unknown) => props.onError(errorMessage(e)))}
              >
                返回正式数据
              </Button>
            }
          />
        )}
        <SignInForm onSignedIn={props.onDone} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          忘记密码请找本单位管理员重置。管理员忘记密码：在这台电脑上运行 <code>npm run cli -- user reset-password --login 登录名</code>
          （见说明书“找回管理员密码”）。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
