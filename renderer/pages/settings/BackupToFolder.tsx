import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { chineseDateTime } from '../../../shared/format';
import { call, errorMessage } from '../../api';
import { chooseFolderInShell, lastBackupFolder, rememberBackupFolder, sizeText, shellHasFolderDialog } from './backupFolder';

/**
 * 备份到… (issue 12 item 10): a copy of the data to a folder the clerk chooses — a USB stick.
 * In the Electron window the native folder dialog picks it; in browser mode the clerk types the
 * path (the last one used is proposed). The server makes the copy (the same online backup as the
 * command line's) and checks the folder first; a refusal (路径不存在，插入U盘后重试 …) is shown
 * beside the path so the clerk can fix it and try again. Done, the full path and size are shown.
 */
export function BackupToFolderButton({ onMade }: { onMade: () => void }) {
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function backupTo(dir: string) {
    setBusy(true);
    setError('');
    try {
      const made = await call('backups.toFolder', { folder: dir });
      rememberBackupFolder(dir);
      setOpen(false);
      Modal.success({
        title: '已备份到文件夹',
        width: 600,
        content: (
          <div className="backup-made">
            <p>
              文件：<Typography.Text code>{made.file}</Typography.Text>
            </p>
            <p>
              大小：{sizeText(made.sizeBytes)}；备份时间：{chineseDateTime(made.at)}
            </p>
            <p>备份已校验并写入磁盘。如果是U盘，请先在系统中“安全弹出”再拔下。</p>
          </div>
        ),
        okText: '知道了',
      });
      onMade();
    } catch (e) {
      // Shown in the path form, whichever way the folder was chosen, so it can be corrected.
      setFolder(dir);
      setError(errorMessage(e));
      setOpen(true);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    const last = lastBackupFolder();
    if (shellHasFolderDialog()) {
      try {
        const dir = await chooseFolderInShell(last);
        if (dir) await backupTo(dir);
      } catch (e) {
        Modal.error({ title: '没有备份', content: errorMessage(e) });
      }
      return;
    }
    setFolder(last);
    setError('');
    setOpen(true);
  }

  return (
    <>
      <Button loading={busy && !open} onClick={() => void start()}>
        备份到…
      </Button>
      <Modal
        title="备份到文件夹"
        open={open}
        width={600}
        okText="备份"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: folder.trim() === '' }}
        onOk={() => void backupTo(folder.trim())}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>把现在的全部数据另存一份到指定的文件夹（例如U盘），文件名含本单位名称和备份时间。</p>
        <Form layout="vertical">
          <Form.Item label="备份到的文件夹（完整路径）" extra="Windows 例如 E:\ 或 E:\备份；Linux 例如 /media/用户名/U盘">
            <Input autoFocus value={folder} onChange={(e) => setFolder(e.target.value)} onPressEnter={() => void backupTo(folder.trim())} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
