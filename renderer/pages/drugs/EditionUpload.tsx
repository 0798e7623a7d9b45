import { Alert, Button, Card, Input, List, Space, Typography, message } from 'antd';
import { useState } from 'react';
import type { EssentialListPreview } from '../../../shared/schemas/drugs';
import { call, errorMessage } from '../../api';
import { DateInput } from '../../components/DateInput';
import type { ChosenFile } from '../import/importApi';
import { WorkbookDrop } from '../import/WorkbookDrop';
import { chineseDate } from '../../../shared/format';

/**
 * Loading an edition of the essential list (D8), on the catalog's 基本药物目录 tab and on the
 * 导入 Excel page: the date it comes into force is asked, the file previewed (entries, sections,
 * how the catalog's drugs come out, the doubtful ones), then loaded.
 */
export function EditionUpload(props: { onLoaded?: () => void }) {
  const [effectiveOn, setEffectiveOn] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<EssentialListPreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(load: boolean, f = file) {
    setError('');
    if (!f) return;
    if (!effectiveOn) {
      setError('请先填写目录的执行日期');
      return;
    }
    setBusy(true);
    try {
      const input = { ...f, effectiveOn, name };
      const p = await call(load ? 'drugs.editionLoad' : 'drugs.editionPreview', input);
      setPreview(load ? null : p);
      if (load) {
        void message.success(`已载入：${p.name}`);
        setFile(null);
        props.onLoaded?.();
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      <Typography.Title level={5}>载入一版基本药物目录</Typography.Title>
      <Space wrap>
        <span className="inline-field">
          <label htmlFor="edition-effective">执行日期</label>
          <DateInput id="edition-effective" value={effectiveOn ?? undefined} onChange={(v) => setEffectiveOn(v ?? null)} />
        </span>
        <Input placeholder="目录名称（可不填，取表格标题）" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 280 }} />
      </Space>
      <WorkbookDrop
        testId="edition-file"
        prompt="点击或拖入目录的 .xlsx 文件（序号、品种名称、剂型、规格，分节行照录）"
        chosen={file?.fileName}
        onChosen={(f) => {
          setFile(f);
          void run(false, f);
        }}
        onError={setError}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {preview && (
        <Card size="small" data-testid="edition-preview">
          <Typography.Paragraph>
            {preview.name}（{chineseDate(preview.effectiveOn)} 起执行）：{preview.entries} 条，分节 {preview.sections.length}{' '}
            个；目录中的药品按此版：基药 {preview.essential} 种，非基药 {preview.notEssential} 种，待核定 {preview.doubtful.length} 种。
          </Typography.Paragraph>
          {preview.notices.map((n) => (
            <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} />
          ))}
          {preview.errors.length > 0 && <Alert type="error" showIcon title={preview.errors.map((e) => e.message).join('\n')} />}
          {preview.doubtful.length > 0 && (
            <List
              size="small"
              header="待核定（载入后可在“待核定基药”中逐个核定）"
              dataSource={preview.doubtful}
              renderItem={(d) => <List.Item>{`${d.label}：${d.note}`}</List.Item>}
            />
          )}
          <Button type="primary" loading={busy} disabled={preview.errors.length > 0} onClick={() => void run(true)}>
            载入此目录
          </Button>
        </Card>
      )}
    </Space>
  );
}
