import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, message } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { call, errorMessage } from '../../api';
import { saveFile } from '../../download';

/** The county's Excel returns, each exported as a ready-to-print workbook. */
export function ReturnsPage() {
  const [list, setList] = useState<Output<'returns.list'>>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  useEffect(() => {
    call('returns.list', {}).then(setList, (e: unknown) => setError(errorMessage(e)));
  }, []);
  async function exportOne(name: Output<'returns.list'>[number]['name']) {
    setBusy(name);
    try {
      const file = await call('returns.export', { name });
      saveFile(file);
      void message.success(`已导出：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy('');
    }
  }
  return (
    <Card title="上报报表">
      {error && <Alert type="error" showIcon title={error} />}
      <List
        dataSource={list}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="x" type="primary" icon={<FileExcelOutlined />} loading={busy === r.name} onClick={() => void exportOne(r.name)}>
                导出 Excel
              </Button>,
            ]}
          >
            <List.Item.Meta title={r.title} description={r.description} />
          </List.Item>
        )}
      />
    </Card>
  );
}
