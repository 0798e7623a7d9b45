import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Input, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import type { LetterDetail } from '../../../shared/schemas/supervision';
import { call, errorMessage } from '../../api';
import { chineseDate } from '../../../shared/format';

type Target = LetterDetail['targetRows'][number];

/**
 * A letter's targets (P1), one row each: 目标内容, 指标 and 单位 (the quantity the clinic is held
 * to), 备注. A new letter starts from the default targets; a signed one is shown read-only, since
 * its targets are what both parties signed. Closing with unsaved changes asks first.
 */
export function LetterEditor(props: { clinicId: number | null; year: number; onClose: () => void; onSaved: () => void }) {
  const [letter, setLetter] = useState<LetterDetail | null>(null);
  const [rows, setRows] = useState<Target[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { clinicId, year } = props;

  useEffect(() => {
    setLetter(null);
    setDirty(false);
    setError('');
    if (clinicId === null) return;
    call('letters.get', { clinicId, year }).then(
      (l) => {
        setLetter(l);
        setRows(l.targetRows);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [clinicId, year]);

  const signed = letter?.status === 'signed';
  const edit = (i: number, patch: Partial<Target>) => {
    setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  function close() {
    if (dirty && !window.confirm('目标已修改但还没有保存，确定关闭吗？')) return;
    props.onClose();
  }
  async function save() {
    if (clinicId === null) return;
    setBusy(true);
    setError('');
    try {
      await call('letters.save', { clinicId, year, targets: rows.filter((r) => r.target.trim() !== '' || r.quantity.trim() !== '') });
      void message.success('责任书目标已保存');
      setDirty(false);
      props.onSaved();
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={clinicId !== null}
      onClose={close}
      size={900}
      title={letter ? `${letter.clinicName} ${year} 年目标管理责任书` : '目标管理责任书'}
      extra={
        !signed && (
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="letter-save">
            保存
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {signed && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`已于 ${chineseDate(letter?.signedOn)} 签订，目标不能再修改`} />
      )}
      {letter?.letterId === null && <Typography.Paragraph type="secondary">尚未建立：以下为默认目标，可修改后保存。</Typography.Paragraph>}
      <Table<Target & { i: number }>
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={rows.map((r, i) => ({ ...r, i }))}
        columns={[
          { title: '序号', width: 56, render: (_: unknown, r) => r.i + 1 },
          {
            title: '目标内容',
            render: (_: unknown, r) => (
              <Input.TextArea
                autoSize
                disabled={signed}
                value={r.target}
                status={r.target.trim() === '' ? 'error' : undefined}
                onChange={(e) => edit(r.i, { target: e.target.value })}
                aria-label={`第 ${r.i + 1} 项目标内容`}
              />
            ),
          },
          {
            title: '指标',
            width: 110,
            render: (_: unknown, r) => (
              <Input
                disabled={signed}
                value={r.quantity}
                onChange={(e) => edit(r.i, { quantity: e.target.value })}
                aria-label={`第 ${r.i + 1} 项指标`}
              />
            ),
          },
          {
            title: '单位',
            width: 90,
            render: (_: unknown, r) => (
              <Input
                disabled={signed}
                value={r.unit}
                onChange={(e) => edit(r.i, { unit: e.target.value })}
                aria-label={`第 ${r.i + 1} 项单位`}
              />
            ),
          },
          {
            title: '备注',
            width: 150,
            render: (_: unknown, r) => (
              <Input
                disabled={signed}
                value={r.note}
                onChange={(e) => edit(r.i, { note: e.target.value })}
                aria-label={`第 ${r.i + 1} 项备注`}
              />
            ),
          },
          {
            title: '',
            width: 44,
            render: (_: unknown, r) =>
              !signed && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${r.i + 1} 项`}
                  onClick={() => {
                    setRows((rs) => rs.filter((_x, n) => n !== r.i));
                    setDirty(true);
                  }}
                />
              ),
          },
        ]}
      />
      {!signed && (
        <Space style={{ marginTop: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              setRows((rs) => [...rs, { target: '', quantity: '', unit: '', note: '' }]);
              setDirty(true);
            }}
          >
            添加一项目标
          </Button>
        </Space>
      )}
    </Drawer>
  );
}
