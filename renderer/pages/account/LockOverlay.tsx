import { Alert, Modal } from 'antd';
import type { AppInfo } from '../../../shared/schemas/app';
import { SignInForm } from './SignInForm';

/**
 * The session ended (idle time) while a page was open: the sign-in is shown over the page, which
 * stays as it was underneath — a half-filled form is kept — and is hidden behind a blur. Signed in
 * again as the same user, the call that found the session ended is made again.
 */
export function LockOverlay(props: { reason: string | null; login?: string; onSignedIn: (info: AppInfo) => void }) {
  return (
    <Modal
      open={props.reason !== null}
      title="请重新登录"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      destroyOnHidden
      styles={{ mask: { backdropFilter: 'blur(12px)', background: 'rgba(245, 247, 250, 0.9)' } }}
    >
      <div data-testid="lock-overlay">
        {props.reason && <Alert type="warning" showIcon title={props.reason} style={{ marginBottom: 12 }} />}
        <p>
          页面上正在填写的内容都还在：用原来的账号登录后可以接着填写，刚才没有完成的保存会自动再做一次。如换用其他账号登录，未保存的内容将被放弃。
        </p>
        <SignInForm login={props.login} idPrefix="relogin" onSignedIn={props.onSignedIn} />
      </div>
    </Modal>
  );
}
