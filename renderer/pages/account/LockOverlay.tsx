import { Alert, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/schemas/app';
import { call, setSignedOutHandler } from '../../api';
import { SignInForm } from './SignInForm';

/** How often an open page asks whether the session is still on (to cover the screen when it is not). */
const SESSION_POLL_MS = 60_000;

/**
 * The session ended (idle time) while the app's pages were open: the sign-in is shown over them,
 * and they stay as they were underneath — a half-filled form is kept — hidden behind a blur. Every
 * call that found the session ended waits; signed in again as the same user, each is made again
 * (a pressed 保存 goes through), as another user each fails and the pages start afresh
 * (`onSignedIn(info, same)`). Mounted with the app's pages only: elsewhere (the sign-in page, the
 * forced password change) a SIGNED_OUT is an ordinary error.
 */
export function LockOverlay(props: { userId: number; login: string; onSignedIn: (info: AppInfo, same: boolean) => void }) {
  const [reason, setReason] = useState<string | null>(null);
  const waiting = useRef<((resumed: boolean) => void)[]>([]);
  useEffect(() => {
    setSignedOutHandler((message) => {
      setReason(message);
      return new Promise<boolean>((resolve) => waiting.current.push(resolve));
    });
    const timer = setInterval(() => {
      call('app.info', {}).then(
        (i) => i.user === null && !i.firstRun && setReason((r) => r ?? (i.signedOutReason || '已退出登录，请重新登录')),
        () => undefined,
      );
    }, SESSION_POLL_MS);
    return () => {
      setSignedOutHandler(null);
      clearInterval(timer);
      for (const resume of waiting.current.splice(0)) resume(false);
    };
  }, []);
  const signedIn = (next: AppInfo) => {
    const same = next.user !== null && next.user.id === props.userId;
    for (const resume of waiting.current.splice(0)) resume(same);
    setReason(null);
    props.onSignedIn(next, same);
  };
  return (
    <Modal
      open={reason !== null}
      title="请重新登录"
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      destroyOnHidden
      styles={{ mask: { backdropFilter: 'blur(12px)', background: 'rgba(245, 247, 250, 0.9)' } }}
    >
      <div data-testid="lock-overlay">
        {reason && <Alert type="warning" showIcon title={reason} style={{ marginBottom: 12 }} />}
        <p>
          页面上正在填写的内容都还在：用原来的账号登录后可以接着填写，刚才没有完成的保存会自动再做一次。如换用其他账号登录，未保存的内容将被放弃。
        </p>
        <SignInForm login={props.login} idPrefix="relogin" onSignedIn={signedIn} />
      </div>
    </Modal>
  );
}
