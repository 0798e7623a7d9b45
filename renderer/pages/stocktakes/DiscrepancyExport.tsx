import { FileExcelOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../../api';
import { saveFile } from '../../download';

/** 导出盘盈盘亏表 of a closed stocktake: the county-style return for this one stocktake. */
export function DiscrepancyExport(props: { stocktakeId: number }) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const file = await call('returns.export', { name: 'stocktake-discrepancies', stocktakeId: props.stocktakeId });
      saveFile(file);
      void message.success(`已导出：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()}>
      导出盘盈盘亏表
    </Button>
  );
}
