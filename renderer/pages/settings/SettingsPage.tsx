import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { settingFields, type SettingField } from '../../../shared/schemas/settingFields';
import type { Settings } from '../../../shared/schemas/settings';
import { ApiError, call, errorMessage } from '../../api';
import { useConfirmLeave } from '../../components/useConfirmLeave';
import { BackupsCard } from './BackupsCard';
import { settingsGroupHelp } from './groupHelp';

/** Every setting DOMAIN.md names, grouped, each with its rule ID and documented default. */
export function SettingsPage(props: { onSaved: () => void }) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setSaved(s);
        setDraft(s);
      },
      (e: unknown) => setBanner(errorMessage(e)),
    );
  }, []);
  const dirty = JSON.stringify(saved) !== JSON.stringify(draft);
  useConfirmLeave(dirty);
  const groups = useMemo(() => [...new Set(settingFields.map((f) => f.group))], []);
  if (!draft) return banner ? <Alert type="error" showIcon title={banner} /> : null;

  const set = (key: keyof Settings, value: unknown) => setDraft({ ...draft, [key]: value } as Settings);
  async function save() {
    if (!draft || !saved) return;
    const patch = Object.fromEntries(Object.entries(draft).filter(([k, v]) => saved[k as keyof Settings] !== v));
    setBusy(true);
    setErrors({});
    setBanner('');
    try {
      const s = await call('settings.update', patch);
      setSaved(s);
      setDraft(s);
      props.onSaved();
      void message.success('设置已保存');
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.body.fields ?? {});
      setBanner(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const input = (f: SettingField) => {
    const v = draft[f.key];
    if (f.kind === 'text')
      return <Input id={`s-${f.key}`} value={String(v)} onChange={(e) => set(f.key, e.target.value)} style={{ width: 280 }} />;
    if (f.kind === 'choice')
      return (
        <Radio.Group value={v} onChange={(e) => set(f.key, e.target.value)}>
          <Space orientation="vertical">
            {f.choices?.map((c) => (
              <Radio key={c.value} value={c.value}>
                {c.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    if (f.kind === 'ratio')
      return (
        <InputNumber
          id={`s-${f.key}`}
          value={Math.round(Number(v) * 1000) / 10}
          min={0}
          max={100}
          step={1}
          suffix="%"
          onChange={(n) => set(f.key, n === null ? null : Number(n) / 100)}
        />
      );
    return <InputNumber id={`s-${f.key}`} value={Number(v)} precision={0} suffix={f.unit} onChange={(n) => set(f.key, n)} />;
  };

  return (
    <div className="settings">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      {groups.map((g) => (
        <Card key={g} title={g} style={{ marginBottom: 16 }}>
          {settingsGroupHelp[g] && (
            <Typography.Paragraph type="secondary" data-testid={`settings-group-help-${g}`}>
              {settingsGroupHelp[g]}
            </Typography.Paragraph>
          )}
          <Form layout="horizontal" labelCol={{ span: 7 }} component="div">
            {settingFields
              .filter((f) => f.group === g)
              .map((f) => (
                <Form.Item
                  key={f.key}
                  label={f.rule ? `${f.label}（${f.rule}）` : f.label}
                  htmlFor={`s-${f.key}`}
                  validateStatus={errors[f.key] ? 'error' : undefined}
                  help={errors[f.key]}
                  extra={f.help}
                >
                  {input(f)}
                </Form.Item>
              ))}
          </Form>
        </Card>
      ))}
      <BackupsCard />
      <div className="sticky-actions">
        <Space>
          <Button disabled={!dirty} onClick={() => setDraft(saved)}>
            撤销修改
          </Button>
          <Button type="primary" disabled={!dirty} loading={busy} onClick={() => void save()}>
            保存设置
          </Button>
        </Space>
      </div>
    </div>
  );
}
