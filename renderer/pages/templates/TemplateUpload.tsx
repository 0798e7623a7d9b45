import { Alert, Button, Checkbox, DatePicker, Input, Space, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TemplatePreview } from '../../../shared/schemas/supervision';
import { call, errorMessage } from '../../api';
import type { ChosenFile } from '../import/importApi';
import { WorkbookDrop } from '../import/WorkbookDrop';
import { pts } from './points';
import { TemplateTree } from './TemplateTree';

/**
 * Importing the county's 考核细则 (P6): the month it comes into force, the file, then a preview
 * of the tree with its sums. Points that do not add up are warnings naming the group and both
 * figures; the clerk ticks that they checked them before 载入 (real templates have such
 * mismatches, so they never refuse). Rows that cannot be read are errors and block the load.
 */
export function TemplateUpload(props: { onLoaded: (id: number) => void }) {
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [name, setName] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(load: boolean, f = file, effectiveFrom = month) {
    setError('');
    if (!f) return;
    setBusy(true);
    try {
      const p = await call(load ? 'templates.load' : 'templates.preview', { ...f, effectiveFrom, name });
      if (load) {
        void message.success(`已载入第 ${p.version} 版：${p.name}`);
        setPreview(null);
        setFile(null);
        props.onLoaded(p.templateId ?? 0);
      } else {
        setPreview(p);
        setConfirmed(false);
      }
    } catch (e) {
      setError(errorMessage(e));
      if (!load) setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  const mustConfirm = (preview?.warnings.length ?? 0) > 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span className="inline-field">
          <label htmlFor="template-month">自何月起执行</label>
          <DatePicker
            id="template-month"
            data-testid="template-month"
            picker="month"
            allowClear={false}
            format="YYYY年M月"
            value={dayjs(`${month}-01`)}
            onChange={(d) => {
              if (!d) return;
              const m = d.format('YYYY-MM');
              setMonth(m);
              if (file) void run(false, file, m);
            }}
          />
        </span>
        <Input placeholder="细则名称（可不填，取表格标题）" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 300 }} />
      </Space>
      <WorkbookDrop
        testId="template-file"
        prompt="点击或拖入县里下发的考核细则 .xlsx（序号、考核项目、考核内容、分值、考核方法、评分标准；没有“分值”列时读项目和内容末尾的“（N分）”）"
        chosen={file?.fileName}
        onChosen={(f) => {
          setFile(f);
          void run(false, f);
        }}
        onError={setError}
      />
      {error && (
        <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-line' }}>{error}</span>} data-testid="template-error" />
      )}
      {preview && (
        <div data-testid="template-preview">
          <Typography.Paragraph>
            <b>{preview.name}</b>（将载入为第 {preview.version} 版，{preview.effectiveFrom.replace('-', '年')}月起执行）：工作表“
            {preview.sheetName}”，
            {preview.groups.length} 个考核项目、{preview.items} 项；基础分 {pts(preview.baseTenths)} 分
            {preview.bonusTenths > 0 && `，奖励分 ${pts(preview.bonusTenths)} 分（最多加 ${pts(preview.bonusCapTenths)} 分）`}
            {preview.statedTotalTenths !== null && `；表中合计 ${pts(preview.statedTotalTenths)} 分`}。
          </Typography.Paragraph>
          {preview.errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title="以下各行无法读取，改正后重新选择文件："
              description={preview.errors.map((e) => (
                <div key={e.row}>{e.message}</div>
              ))}
            />
          )}
          {mustConfirm && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="template-warnings"
              title="分值不符（县里的细则常有这种情况，请核对原件）："
              description={preview.warnings.map((w) => (
                <div key={w}>{w}</div>
              ))}
            />
          )}
          {preview.notes.length > 0 && (
            <Typography.Paragraph type="secondary">表下说明（随细则保存）：{preview.notes.join(' ')}</Typography.Paragraph>
          )}
          <TemplateTree groups={preview.groups} testId="template-preview-tree" />
          <Space style={{ marginTop: 8 }}>
            {mustConfirm && (
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="template-confirm">
                已核对以上分值不符，按表中各项分值载入
              </Checkbox>
            )}
            <Button
              type="primary"
              loading={busy}
              disabled={preview.errors.length > 0 || (mustConfirm && !confirmed)}
              onClick={() => void run(true)}
            >
              载入为第 {preview.version} 版
            </Button>
          </Space>
        </div>
      )}
    </Space>
  );
}
