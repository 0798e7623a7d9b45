import { Alert, Button, Card, Input, Modal, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { chineseDateTime } from '../../../shared/format';
import { call, errorMessage } from '../../api';
import { BackupToFolderButton } from './BackupToFolder';
import { sizeText } from './backupFolder';

type BackupInfo = Output<'backups.list'>[number];
type BackupContents = Output<'backups.inspect'>;

/** What each kind of copy is, in the clerk's words (the kinds backup.ts names files with). */
function reasonLabel(reason: string): string {
  if (reason === 'daily') return '每日自动备份';
  if (reason === 'manual') return '手动备份';
  if (reason === 'folder') return '备份到文件夹';
  if (reason === 'before-restore') return '恢复前的数据';
  const upgrade = /^before-v(\d+)$/.exec(reason);
  return upgrade ? `升级（数据版本 ${upgrade[1]}）前自动备份` : reason;
}

const size = sizeText;

/** What a backup holds, in a line: the restore shows it before anything is replaced. */
function contentsText(c: BackupContents['counts']): string {
  return `行政村 ${c.villages} 个，村卫生室 ${c.clinics} 个，人员 ${c.people} 名，固定资产 ${c.assets} 项，督导记录 ${c.visits} 条`;
}

/**
 * The backups of the open database: make one now, or restore one (issue 9: the running app
 * restores through itself). The confirmation says what will happen before anything does: the
 * data goes back to the backup's day, today's data is kept as a safety copy, and another
 * program using the database makes the restore refuse, naming it.
 */
export function BackupsCard() {
  const [list, setList] = useState<BackupInfo[]>([]);
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  const [otherFile, setOtherFile] = useState('');

  const load = () =>
    call('backups.list', {}).then(
      (l) => setList(l),
      (e: unknown) => setBanner(errorMessage(e)),
    );
  useEffect(() => {
    void load();
  }, []);

  async function backupNow() {
    setBusy(true);
    try {
      const made = await call('backups.create', {});
      void message.success(`已备份：${made.file}`);
      await load();
    } catch (e) {
      setBanner(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  /**
   * Looks into the file first (issue 12 item 10: a backup made to a folder, or any other file):
   * its date and what it holds, or why it cannot be used, before the confirmation.
   */
  async function confirmRestore(file: string) {
    let seen: BackupContents;
    try {
      seen = await call('backups.inspect', { file });
    } catch (e) {
      Modal.error({ title: '不能从这个文件恢复', width: 560, content: errorMessage(e) });
      return;
    }
    const { at, reason } = seen;
    Modal.confirm({
      title: '从这份备份恢复数据？',
      width: 560,
      content: (
        <div className="restore-confirm">
          <p>
            备份时间：{chineseDateTime(at)}（{reasonLabel(reason)}）
          </p>
          <p>
            文件：<Typography.Text code>{seen.file}</Typography.Text>（{size(seen.sizeBytes)}）
          </p>
          <p>
            内容：{seen.centerName ? `${seen.centerName}，` : ''}
            {contentsText(seen.counts)}
          </p>
          <p>恢复后，程序中的全部数据回到这份备份时的样子，此后所做的修改不在其中。</p>
          <p>现在的数据会先另存为一份“恢复前的数据”，列在本页，需要时可以再从它恢复回来。</p>
          <p>恢复时不能有其他程序（另一个窗口、浏览器模式或命令行）在使用这个数据库；如有，恢复不会进行，并会说明是哪一个。</p>
        </div>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => restore(seen.file),
    });
  }

  async function restore(file: string) {
    try {
      const r = await call('backups.restore', { file });
      Modal.success({
        title: '已恢复',
        width: 560,
        content: (
          <div>
            <p>
              已从 <Typography.Text code>{r.restoredFrom}</Typography.Text>（备份时间 {chineseDateTime(r.backupAt)}）恢复。
            </p>
            {r.safetyCopy && (
              <p>
                恢复前的数据已另存为 <Typography.Text code>{r.safetyCopy.file}</Typography.Text>。
              </p>
            )}
            <p>点“知道了”后重新载入各页面。</p>
          </div>
        ),
        okText: '知道了',
        // Every page shows the restored data only after it loads again.
        onOk: () => window.location.reload(),
      });
    } catch (e) {
      Modal.error({ title: '没有恢复', width: 560, content: errorMessage(e) });
      await load();
    }
  }

  return (
    <Card
      title="备份与恢复"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Button loading={busy} onClick={() => void backupNow()}>
            立即备份
          </Button>
          <BackupToFolderButton onMade={() => void load()} />
        </Space>
      }
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} closable onClose={() => setBanner('')} />}
      <Table<BackupInfo>
        size="small"
        rowKey="file"
        dataSource={list}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '备份时间', dataIndex: 'at', render: (at: string) => chineseDateTime(at), width: 180 },
          { title: '类型', dataIndex: 'reason', render: (r: string) => reasonLabel(r), width: 200 },
          { title: '大小', dataIndex: 'sizeBytes', render: (n: number) => size(n), width: 90 },
          { title: '文件', dataIndex: 'file', ellipsis: true },
          {
            title: '',
            key: 'restore',
            width: 80,
            render: (_: unknown, b: BackupInfo) => (
              <Button size="small" danger onClick={() => void confirmRestore(b.file)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
      <Space.Compact style={{ marginTop: 12, width: '100%' }}>
        <Input placeholder="其他位置的备份文件（完整路径）" value={otherFile} onChange={(e) => setOtherFile(e.target.value)} />
        <Button danger disabled={otherFile.trim() === ''} onClick={() => void confirmRestore(otherFile.trim())}>
          从此文件恢复
        </Button>
      </Space.Compact>
    </Card>
  );
}
