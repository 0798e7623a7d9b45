/**
 * 导入 Excel: the clerk picks what the sheet is (行政村 / 村卫生室 / 人员花名册 / 固定资产台账) and the .xlsx;
 * the page reads it in the browser (nothing is uploaded until asked), shows the preview the
 * core plans — counts, bad rows with their reasons, rows to create or update, unknown columns —
 * and commits only when no row is bad. The commit is all or nothing on the core side.
 */
import { Alert, Button, Card, DatePicker, Radio, Result, Space, Spin, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { importKindLabels, importKindNames, importKindOptions, type ImportKindName } from '../../../shared/schemas/import';
import { errorMessage } from '../../api';
import { commitImport, previewImport, type ChosenFile, type CommitResult, type ImportChoices, type PreviewResult } from './importApi';
import { PreviewView } from './PreviewView';
import { EditionUpload } from '../drugs/EditionUpload';
import { WorkbookDrop } from './WorkbookDrop';

const hints: Partial<Record<ImportKindName, string>> = {
  villages: '需要“村名”“服务人口”列；已有的村按村名更新。',
  clinics:
    '需要“卫生室名称”列；“机构编码”可有可无：有编码按编码认出已有的卫生室，没有则按名称（张庄村卫生室、张庄卫生室视为同一个），以后再导入带编码的表会补上编码。服务的村（所在村、覆盖行政村）按村名填写，多个村用顿号隔开。',
  roster:
    '需要“姓名”“身份证号”列；可有性别、出生日期、联系电话、学历、执业类别、证书编号、所在村卫生室、岗位、聘用形式、合同起止、保险等列。已建档的人员按身份证号更新，不会重复建档。',
  assets:
    '需要“资产名称”列；可有原资产编号、资产类别、规格型号、数量、计量单位、原值（如 ¥12,300.00、1.23万）、资金来源、购置日期、启用日期、使用年限、所属卫生室、存放地点、保管人、备注等列。每项资产须写明所属卫生室（或在存放地点写出卫生室名称，卫生院的写“卫生院本部”）。已导入过的资产（按原编号，没有编号时按名称、型号、存放单位、购置日期和原值认出）只更新卡片信息，不会重复入账；原值、所在单位的变化请在资产卡片上登记原值变动或调拨。',
  requisitions:
    '村卫生室的月度请领单（先选月份）：一张表逐行写“村卫生室”“平台编码”或“药品名称”和“规格”“请领数量”（10 或 10盒，按包装单位）；也可每个卫生室一张工作表、表名写卫生室名称（张庄村、张庄村卫生室都可以）。导入即提交：非基药份额内的自动批准，超出的等待审核（D3）；该月已有的请领单被替换，已开始配送的不能替换。',
  drugs:
    '省药品采购平台导出的药品目录：需要“平台编码”“通用名”和每包装的挂网价（元）列；可有国家药品代码、商品名、剂型、规格、包装单位、生产企业、基药标识（国基、是、★ …）、集采批次、医保类别。已有的药品按平台编码更新，价格变化另记一条价格记录（今日起执行），不覆盖旧价。基本药物目录请选“基本药物目录”载入（需填执行日期）。',
};

/** 新增 3 人，更新 1 人 … (people are counted in 人, assets in 项, villages and clinics in 个). */
function doneText(r: CommitResult): string {
  const unit = r.kind === 'roster' ? '人' : r.kind === 'assets' ? '项' : r.kind === 'drugs' ? '种' : '个';
  return `新增 ${r.created} ${unit}，更新 ${r.updated} ${unit}，无变化 ${r.unchanged} ${unit}`;
}

export function ImportPage() {
  const [kind, setKind] = useState<ImportKindName>('roster');
  // 基本药物目录 is loaded as one edition with its effective date, not row by row (drugs/EditionUpload).
  const [edition, setEdition] = useState(false);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [done, setDone] = useState<CommitResult | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'' | 'preview' | 'commit'>('');
  // The month the rows belong to, for kinds that need one (a requisition, a month's use); this month by default.
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const needsMonth = (k: ImportKindName) => importKindOptions[k]?.includes('month') ?? false;
  const choicesFor = (k: ImportKindName, m = month): ImportChoices => (needsMonth(k) ? { month: m } : {});

  async function runPreview(k: ImportKindName, f: ChosenFile, m = month) {
    setBusy('preview');
    setError('');
    setPreview(null);
    setDone(null);
    try {
      setPreview(await previewImport(k, f, choicesFor(k, m)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy('');
    }
  }

  async function commit() {
    if (!file) return;
    setBusy('commit');
    setError('');
    try {
      const result = await commitImport(kind, file, choicesFor(kind));
      setDone(result);
      void message.success(`已导入${result.title}：${doneText(result)}`);
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy('');
    }
  }

  const blocked = !preview || preview.errors.length > 0 || preview.create.length + preview.update.length === 0;
  return (
    <Card title="导入 Excel">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>1. 选择要导入的内容：</Typography.Text>{' '}
          <Radio.Group
            data-testid="import-kind"
            optionType="button"
            value={edition ? 'essential-list' : kind}
            options={[
              ...importKindNames.map((k) => ({ value: k, label: importKindLabels[k] })),
              { value: 'essential-list', label: '基本药物目录' },
            ]}
            onChange={(e) => {
              const v = String(e.target.value);
              setEdition(v === 'essential-list');
              if (v === 'essential-list') {
                setPreview(null);
                setDone(null);
                setError('');
                return;
              }
              const k = v as ImportKindName;
              setKind(k);
              if (file) void runPreview(k, file);
            }}
          />
          {!edition && (
            <div className="hint" style={{ marginTop: 8 }}>
              {hints[kind] ?? ''}列的顺序不限，表头上方可以有标题行。
            </div>
          )}
          {!edition && needsMonth(kind) && (
            <div style={{ marginTop: 8 }}>
              <Typography.Text>所属月份：</Typography.Text>
              <DatePicker
                picker="month"
                data-testid="import-month"
                allowClear={false}
                value={dayjs(`${month}-01`)}
                format="YYYY年M月"
                onChange={(d) => {
                  if (!d) return;
                  const m = d.format('YYYY-MM');
                  setMonth(m);
                  if (file) void runPreview(kind, file, m);
                }}
              />
            </div>
          )}
        </div>
        {edition && <EditionUpload />}
        <div hidden={edition}>
          <Typography.Text strong>2. 选择 Excel 文件（.xlsx）：</Typography.Text>
          <WorkbookDrop
            testId="import-file"
            prompt="点击选择，或把文件拖到这里"
            chosen={file?.fileName}
            onChosen={(f) => {
              setError('');
              setFile(f);
              void runPreview(kind, f);
            }}
            onError={(m) => {
              setFile(null);
              setPreview(null);
              setError(m);
            }}
          />
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ whiteSpace: 'pre-wrap' }} data-testid="import-error" />}
        {busy === 'preview' && <Spin description="正在读取和检查…" />}
        {done && <Result status="success" title={`已导入${done.title}`} subTitle={doneText(done)} data-testid="import-done" />}
        {preview && (
          <>
            <Typography.Text strong>3. 检查预览，确认导入：</Typography.Text>
            <PreviewView preview={preview} />
            <Space>
              <Button
                type="primary"
                data-testid="import-commit"
                disabled={blocked}
                loading={busy === 'commit'}
                onClick={() => void commit()}
              >
                确认导入
              </Button>
              {preview.errors.length > 0 && (
                <Typography.Text type="danger">有 {preview.errors.length} 行有错误，请改正表格后重新选择文件</Typography.Text>
              )}
              {preview.errors.length === 0 && blocked && <Typography.Text type="secondary">没有需要新增或更新的行</Typography.Text>}
            </Space>
          </>
        )}
      </Space>
    </Card>
  );
}
