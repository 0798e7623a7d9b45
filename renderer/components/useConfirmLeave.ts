import { Modal } from 'antd';
import { useEffect } from 'react';

/** Nothing typed is lost by accident: closing a changed form, or the window, asks first. */
export function useConfirmLeave(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (close: () => void) => {
    if (!dirty) {
      close();
      return;
    }
    Modal.confirm({
      title: '放弃未保存的修改？',
      content: '表单里有尚未保存的内容，关闭后这些内容将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      // A reflexive Enter must keep the clerk's typing, never throw it away (issue 12).
      autoFocusButton: 'cancel',
      onOk: close,
    });
  };
}
