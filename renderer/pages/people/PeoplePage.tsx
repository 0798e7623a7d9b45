import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ColumnFiltersState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { PersonRow } from '../../../shared/schemas/personOutput';
import { personView } from '../../../shared/peopleViews';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { PersonDrawer } from './PersonDrawer';
import { useMay } from '../../access';

/** 人员: everyone's file, searchable; `openId` opens one person's file (links from the alerts). */
export function PeoplePage(props: { initialFilters?: ColumnFiltersState; openId?: number; onChanged: () => void }) {
  const may = useMay();
  const [open, setOpen] = useState<number | 'new' | null>(props.openId ?? null);
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
        initialFilters={props.initialFilters ?? [{ id: 'status', value: 'active' }]}
        onRowOpen={(r) => setOpen(r.id)}
        rowClassName={(r) => (r.status === 'exited' ? 'row-closed' : '')}
        renderCell={{
          name: (r) => <a onClick={() => setOpen(r.id)}>{r.name}</a>,
          highestQualification: (r) => (r.highestQualification ? undefined : <Tag color="red">无有效资格</Tag>),
        }}
        toolbar={
          may('write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              新建人员档案
            </Button>
          )
        }
      />
      <PersonDrawer
        personId={open}
        onClose={() => setOpen(null)}
        onCreated={(id) => setOpen(id)}
        onChanged={() => {
          setReload((n) => n + 1);
          props.onChanged();
        }}
      />
    </>
  );
}
