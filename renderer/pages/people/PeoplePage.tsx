import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Space, Tag, message } from 'antd';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { PersonRow } from '../../../shared/schemas/personOutput';
import { personView } from '../../../shared/peopleViews';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { PersonDrawer } from './PersonDrawer';
import { NewDoctorDrawer } from './NewDoctorDrawer';
import { readPersonFile } from './personLink';
import { useMay } from '../../access';

/**
 * 人员: everyone's file, searchable; `openId` opens one person's file, a `file` link (an alert's)
 * opens it on a tab. 新增村医 registers person, post and contract in one form.
 */
export function PeoplePage(props: { initialFilters?: ColumnFiltersState; openId?: number; onChanged: () => void }) {
  const may = useMay();
  const [link] = useState(() => readPersonFile(props.initialFilters));
  const [open, setOpen] = useState<number | 'new' | null>(props.openId ?? link.open ?? null);
  const [tab, setTab] = useState(link.tab);
  const [addingDoctor, setAddingDoctor] = useState(false);
  const [reload, setReload] = useState(0);
  const fetchPage = useCallback((q: ListQuery) => call('people.list', q), []);
  const exportView = useCallback((q: ExportViewInput) => call('people.export', q), []);
  return (
    <>
      <DataTable<PersonRow>
        testId="people-table"
        view={personView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => r.id}
        reloadKey={reload}
        initialFilters={link.filters ?? [{ id: 'status', value: 'active' }]}
        onRowOpen={(r) => setOpen(r.id)}
        rowClassName={(r) => (r.status === 'exited' ? 'row-closed' : '')}
        renderCell={{
          name: (r) => <a onClick={() => setOpen(r.id)}>{r.name}</a>,
          highestQualification: (r) => (r.highestQualification ? undefined : <Tag color="red">无有效资格</Tag>),
        }}
        toolbar={
          may('write') && (
            <Space>
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAddingDoctor(true)}>
                新增村医
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setOpen('new')}>
                新建人员档案
              </Button>
            </Space>
          )
        }
      />
      <PersonDrawer
        personId={open}
        tab={tab}
        onClose={() => {
          setOpen(null);
          setTab(undefined);
        }}
        onCreated={(id) => setOpen(id)}
        onChanged={() => {
          setReload((n) => n + 1);
          props.onChanged();
        }}
      />
      <NewDoctorDrawer
        open={addingDoctor}
        onClose={() => setAddingDoctor(false)}
        onSaved={(p) => {
          setAddingDoctor(false);
          setReload((n) => n + 1);
          props.onChanged();
          void message.success(`已新增村医：${p.name}（${p.clinicName}）`);
        }}
      />
    </>
  );
}
