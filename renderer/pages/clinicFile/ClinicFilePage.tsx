/**
 * 一室一档 (issue 12 item 8): one clinic on one page — what a director reads before visiting
 * it: its particulars, villages, doctors and their alerts, assets, drug stock, this month's
 * requisition and this year's supervision. Everything comes from clinics.file (the other
 * modules' own figures); 打印档案 gives the same on A4. Opened as `#/clinic?id=12`.
 */
import { ArrowLeftOutlined, EditOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { chineseDate } from '../../../shared/format';
import type { ClinicFile } from '../../../shared/schemas/clinicFile';
import { requisitionStatusLabels } from '../../../shared/schemas/requisitions';
import { call, errorMessage } from '../../api';
import type { Route } from '../../router';
import { ClinicFilePaper } from './ClinicFilePaper';
import { FileTableView } from './FileTableView';
import { fileTables, type FileTable } from './fileTables';
import { count, quarterLine, requisitionText, score, yuan } from './fileText';
import { headLines } from './headLines';
import './clinicFile.css';

function Figure(props: { label: string; value: string; warn?: boolean; testId: string }) {
  return (
    <div className={`clinic-file-figure${props.warn ? ' warn' : ''}`} data-testid={props.testId}>
      <div className="clinic-file-figure-value">{props.value}</div>
      <div className="clinic-file-figure-label">{props.label}</div>
    </div>
  );
}

function Section(props: { table: FileTable; go: (r: Route) => void; maxRows?: number }) {
  const { table } = props;
  return (
    <Card size="small" title={table.title} className="clinic-file-card" data-testid={`section-${table.key}`}>
      <div className="clinic-file-summary">{table.summary}</div>
      <FileTableView table={table} go={props.go} maxRows={props.maxRows} />
    </Card>
  );
}

export function ClinicFilePage(props: { id: number; go: (r: Route) => void }) {
  const { id, go } = props;
  const [file, setFile] = useState<ClinicFile | null>(null);
  const [error, setError] = useState('');
  const [printing, setPrinting] = useState(false);
  const load = useCallback(() => {
    setError('');
    call('clinics.file', { id }).then(setFile, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  useEffect(load, [load]);

  if (!Number.isInteger(id) || id <= 0) return <Alert type="error" showIcon title="没有指明哪个卫生室：请从村卫生室名册点“档案”打开" />;
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        title={`无法打开卫生室档案：${error}`}
        action={<Button onClick={() => go({ page: 'clinics' })}>返回村卫生室名册</Button>}
      />
    );
  if (!file) return <Spin tip="正在汇总档案…" fullscreen={false} />;

  const c = file.clinic;
  const tables = Object.fromEntries(fileTables(file).map((t) => [t.key, t])) as Record<string, FileTable>;
  const section = (key: string, maxRows?: number) => {
    const t = tables[key];
    return t ? <Section table={t} go={go} maxRows={maxRows} /> : null;
  };
  const thisQuarter = file.quarters[file.quarters.length - 1];
  const req = file.requisition.row;
  return (
    <div className="clinic-file" data-testid="clinic-file">
      <div className="clinic-file-top">
        <Space size="middle" align="center">
          <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: 'clinics' })}>
            名册
          </Button>
          <h2 className="clinic-file-name">{c.name}</h2>
          {c.status === 'open' ? <Tag color="green">运行</Tag> : <Tag>已撤销</Tag>}
          <span className="clinic-file-asof">档案日期：{chineseDate(file.asOf)}</span>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={load}>
            刷新
          </Button>
          <Button icon={<EditOutlined />} onClick={() => go({ page: 'clinics', filter: { id: 'open', value: String(c.id) } })}>
            编辑卫生室
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
            打印档案
          </Button>
        </Space>
      </div>
      <div className="clinic-file-figures">
        <Figure testId="fig-population" label="服务人口" value={count(c.servicePopulation)} />
        <Figure
          testId="fig-doctors"
          label="应配 / 实有村医"
          value={`${c.requiredDoctors} / ${c.actualDoctors}`}
          warn={c.actualDoctors < c.requiredDoctors}
        />
        <Figure testId="fig-alerts" label="预警" value={String(file.alerts.length)} warn={file.alerts.length > 0} />
        <Figure testId="fig-assets" label="资产账面净值(元)" value={yuan(file.assets.bookValueFen).replace(' 元', '')} />
        <Figure
          testId="fig-stock"
          label="药品库存金额(元)"
          value={yuan(file.stock.valueFen).replace(' 元', '')}
          warn={file.stock.attention.some((b) => b.expiry === 'expired')}
        />
        <Figure
          testId="fig-requisition"
          label="本月请领"
          value={req ? `${requisitionStatusLabels[req.status]}${req.over ? '·超限' : ''}` : requisitionStatusLabels.none}
          warn={req?.over ?? false}
        />
        <Figure
          testId="fig-quarter"
          label="本季度得分"
          value={score(thisQuarter?.scoreTenths ?? null)}
          warn={thisQuarter?.passed === false}
        />
      </div>
      <div className="clinic-file-grid">
        <div className="clinic-file-col">
          <Card size="small" title="基本情况" className="clinic-file-card">
            <table className="clinic-file-table clinic-file-head">
              <tbody>
                {headLines(file).map(([a, b, x, y]) => (
                  <tr key={a}>
                    <th>{a}</th>
                    <td>{b}</td>
                    <th>{x}</th>
                    <td>{y}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          {section('villages')}
          {section('doctors')}
          {section('alerts')}
        </div>
        <div className="clinic-file-col">
          {section('assets', 8)}
          {section('stock', 8)}
          <Card size="small" title="本月请领与督导考核" className="clinic-file-card" data-testid="section-supervision">
            <div className="clinic-file-summary">本月请领：{requisitionText(file.requisition)}</div>
            <div className="clinic-file-summary">{quarterLine(thisQuarter)}</div>
            {tables.supervision && <FileTableView table={tables.supervision} />}
          </Card>
          {section('quarters')}
        </div>
      </div>
      {printing && <ClinicFilePaper file={file} onClose={() => setPrinting(false)} />}
    </div>
  );
}
