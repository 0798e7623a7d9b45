/**
 * Before a clinic's villages are saved, what the change does to every clinic it touches (issue 12,
 * item 1): service population (C4) and required doctors (S1) now and after saving, as the core
 * computes them (clinics.previewCoverage), so moving a village that halves another clinic's
 * population is seen before 保存, not after.
 */
import { Alert, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ClinicCoveragePreview, ClinicCoverageRow } from '../../../shared/schemas/clinics';
import { call, errorMessage } from '../../api';

/** Waits for the clerk to stop picking before asking the core. */
const QUIET_MS = 250;

function Change(props: { before: number; after: number; testId: string }) {
  const { before, after } = props;
  if (before === after) return <span data-testid={props.testId}>{after}</span>;
  return (
    <span data-testid={props.testId}>
      <span style={{ color: '#999', textDecoration: 'line-through' }}>{before}</span>
      {' → '}
      <strong style={{ color: after < before ? '#cf1322' : '#389e0d' }}>{after}</strong>
    </span>
  );
}

export function CoveragePreview(props: { clinicId: number | null; hostVillageIds: number[]; extensionVillageIds: number[] }) {
  const [preview, setPreview] = useState<ClinicCoveragePreview | null>(null);
  const [error, setError] = useState('');
  const { clinicId } = props;
  const hosts = props.hostVillageIds.join(',');
  const extensions = props.extensionVillageIds.join(',');

  useEffect(() => {
    let current = true;
    const ids = (s: string) => (s ? s.split(',').map(Number) : []);
    const timer = window.setTimeout(() => {
      call('clinics.previewCoverage', { id: clinicId, hostVillageIds: ids(hosts), extensionVillageIds: ids(extensions) }).then(
        (p) => current && (setPreview(p), setError('')),
        (e: unknown) => current && setError(errorMessage(e)),
      );
    }, QUIET_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [clinicId, hosts, extensions]);

  if (error) return <Alert type="warning" showIcon title={`无法预览保存后的服务人口：${error}`} />;
  if (!preview) return null;
  const changed = preview.rows.some(
    (r) => r.before.servicePopulation !== r.after.servicePopulation || r.before.requiredDoctors !== r.after.requiredDoctors,
  );
  return (
    <div data-testid="coverage-preview" style={{ marginBottom: 16 }}>
      <div style={{ fontWeight: 600, marginBottom: 6 }}>
        保存后各卫生室的服务人口与应配村医{' '}
        <span className="hint-inline">（C4 合建村人口平分；S1 每 {preview.populationPerDoctor} 人配 1 名，不足按 1 名）</span>
      </div>
      {preview.villagesLeftWithoutClinic.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="coverage-left"
          title={`保存后 ${preview.villagesLeftWithoutClinic.join('、')} 将没有卫生室服务（除卫生院驻地、派驻或巡诊外即成空白点，C1）`}
        />
      )}
      <Table<ClinicCoverageRow>
        size="small"
        pagination={false}
        rowKey={(r) => r.clinicId ?? 'new'}
        dataSource={preview.rows}
        rowClassName={(r) => (r.isThis ? 'preview-this' : '')}
        onRow={(r) => ({ 'data-testid': `coverage-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '卫生室', key: 'name', render: (_: unknown, r) => (r.isThis ? <strong>{r.name}（本室）</strong> : r.name), width: 150 },
          { title: '服务的相关村', dataIndex: 'villages', render: (v: string) => v || <span className="hint-inline">无</span> },
          {
            title: '服务人口',
            key: 'pop',
            width: 130,
            render: (_: unknown, r) => (
              <Change before={r.before.servicePopulation} after={r.after.servicePopulation} testId={`pop-${r.name}`} />
            ),
          },
          {
            title: '应配村医',
            key: 'req',
            width: 90,
            render: (_: unknown, r) => (
              <Change before={r.before.requiredDoctors} after={r.after.requiredDoctors} testId={`req-${r.name}`} />
            ),
          },
          {
            title: '现有村医',
            key: 'actual',
            width: 110,
            render: (_: unknown, r) =>
              r.after.requiredDoctors > r.actualDoctors ? (
                <Tag color="orange">
                  {r.actualDoctors}（缺 {r.after.requiredDoctors - r.actualDoctors}）
                </Tag>
              ) : (
                r.actualDoctors
              ),
          },
        ]}
      />
      {!changed && <div className="hint-inline">所选的村不改变任何卫生室的服务人口。</div>}
    </div>
  );
}
