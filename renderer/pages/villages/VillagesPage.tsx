import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip, message } from 'antd';
import { useCallback, useState } from 'react';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { coverageLabels } from '../../../shared/rules/coverage';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { VillageRow } from '../../../shared/schemas/villages';
import { villageView } from '../../../shared/views';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { VillageForm } from './VillageForm';
import { useMay } from '../../access';

function CoverageTag({ kind }: { kind: VillageRow['coverageKind'] }) {
  const color =
    kind === 'none' ? 'red' : kind === 'center_seat' ? 'blue' : kind === 'own_clinic' || kind === 'shared_clinic' ? 'green' : 'gold';
  return <Tag color={color}>{coverageLabels[kind]}</Tag>;
}

export function VillagesPage(props: { initialFilters?: ColumnFiltersState; onChanged: () => void }) {
  const may = useMay();
  const [editing, setEditing] = useState<{ village?: VillageRow } | null>(null);
  const [reload, setReload] = useState(0);
  const fetchPage = useCallback((q: ListQuery) => call('villages.list', q), []);
  const exportView = useCallback((q: ExportViewInput) => call('villages.export', q), []);
  return (
    <>
      <DataTable<VillageRow>
        testId="villages-table"
        view={villageView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => r.id}
        reloadKey={reload}
        initialFilters={props.initialFilters}
        onRowOpen={(r) => setEditing({ village: r })}
        rowClassName={(r) => (r.coverageKind === 'none' ? 'row-blank' : '')}
        renderCell={{
          name: (r) => (
            <a onClick={() => setEditing({ village: r })}>
              {r.name}
              {r.needsOwnClinic && (
                <Tooltip title="服务人口达到 800 人以上、又不是卫生院驻地，按规定应设村卫生室（C1）">
                  <Tag color="orange" style={{ marginLeft: 6 }}>
                    应设卫生室
                  </Tag>
                </Tooltip>
              )}
            </a>
          ),
          coverageKind: (r) => <CoverageTag kind={r.coverageKind} />,
        }}
        toolbar={
          may('write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新增行政村
            </Button>
          )
        }
      />
      <VillageForm
        open={editing !== null}
        village={editing?.village}
        onClose={() => setEditing(null)}
        onSaved={(v) => {
          setEditing(null);
          setReload((n) => n + 1);
          props.onChanged();
          void message.success(`已保存：${v.name}`);
        }}
      />
    </>
  );
}
