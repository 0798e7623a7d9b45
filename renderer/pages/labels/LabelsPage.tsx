import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api';
import type { Route } from '../../router';
import { LabelSheet, PER_SHEET, sheetsOf, type Label } from './LabelSheet';
import { parseLabelQuery } from './labelQuery';
import { useQrCodes } from './useQrCodes';
import './labels.css';

/**
 * 资产标签: A4 sheets of labels for the assets the list showed (assets still on the books),
 * full screen, printed with the browser's print (the toolbar does not print).
 */
export function LabelsPage(props: { query?: string; centerName: string; go: (r: Route) => void }) {
  const [labels, setLabels] = useState<Label[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const q = parseLabelQuery(props.query);
    call('assets.labels', { asOf: q.asOf, search: q.search, sort: q.sort, filters: q.filters }).then(setLabels, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [props.query]);
  const { svgs, ready, error: qrError } = useQrCodes(labels?.map((l) => l.code) ?? []);
  const sheets = sheetsOf(labels ?? []);

  return (
    <div className="labels-page" data-ready={labels !== null && ready ? 'true' : 'false'}>
      <div className="labels-toolbar no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => props.go({ page: 'assets' })}>
          返回固定资产
        </Button>
        <span className="labels-summary">
          {labels === null ? '正在准备…' : `共 ${labels.length} 张标签，${sheets.length} 页 A4（每页 ${PER_SHEET} 张，3 列 × 8 行）`}
        </span>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready || !labels?.length} onClick={() => window.print()}>
          打印
        </Button>
        <span className="hint-inline">打印时请选择 A4 纸、“实际大小”（不缩放），边距选“无”。</span>
      </div>
      {(error || qrError) && <Alert className="no-print" type="error" showIcon title={error || qrError} style={{ margin: 16 }} />}
      {labels === null && !error && <Spin style={{ margin: 48 }} />}
      {labels?.length === 0 && (
        <Alert className="no-print" type="info" showIcon title="没有要打印的资产：列表为空，或资产都已处置" style={{ margin: 16 }} />
      )}
      <div className="label-sheets">
        {sheets.map((s, i) => (
          <LabelSheet key={i} labels={s} svgs={svgs} centerName={props.centerName} />
        ))}
      </div>
    </div>
  );
}
