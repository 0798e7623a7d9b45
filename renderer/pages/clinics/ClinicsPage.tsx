import { PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tag, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ColumnFiltersState } from '@tanstack/react-table';
import type { ClinicDetail, ClinicRow } from '../../../shared/schemas/clinics';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import { clinicView } from '../../../shared/views';
import { call, errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ClinicForm } from './ClinicForm';
import { CloseClinicDialog } from './CloseClinicDialog';
import { readClinicLink } from './clinicLink';
import { useMay } from '../../access';

/** 村卫生室: the registry; a link `#/clinics?open=5` (an alert about the clinic) opens that clinic. */
export function ClinicsPage(props: { initialFilters?: ColumnFiltersState; onChanged: () => void }) {
  const may = useMay();
  const [link] = useState(() => readClinicLink(props.initialFilters));
  const [editing, setEditing] = useState<{ clinic?: ClinicDetail } | null>(null);
  const [closing, setClosing] = useState<ClinicDetail | undefined>();
  const [reload, setReload] = useState(0);
  const fetchPage = useCallback((q: ListQuery) => call('clinics.list', q), []);
  const exportView = useCallback((q: ExportViewInput) => call('clinics.export', q), []);

  const changed = (text: string) => {
    setReload((n) => n + 1);
    props.onChanged();
    void message.success(text);
  };
  async function open(row: { id: number }) {
    try {
      setEditing({ clinic: await call('clinics.get', { id: row.id }) });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }
  useEffect(() => {
    if (link.open) void open({ id: link.open });
    // Once, for the link the page was opened with.
  }, [link]);
  async function act(row: { id: number }, action: string) {
    try {
      const c = await call('clinics.get', { id: row.id });
      if (action === 'close') setClosing(c);
      if (action === 'reopen') changed(`已恢复：${(await call('clinics.reopen', { id: c.id })).name}`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }

  return (
    <>
      <DataTable<ClinicRow>
        testId="clinics-table"
        view={clinicView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => r.id}
        reloadKey={reload}
        initialFilters={link.filters}
        onRowOpen={(r) => void open(r)}
        rowClassName={(r) => (r.status === 'closed' ? 'row-closed' : r.villageCount === 0 ? 'row-warn' : '')}
        renderCell={{
          name: (r) => (
            <Dropdown
              trigger={['contextMenu']}
              menu={{
                items:
                  r.status === 'open' ? [{ key: 'close', label: '撤销卫生室…', danger: true }] : [{ key: 'reopen', label: '恢复运行' }],
                onClick: ({ key }) => void act(r, key),
              }}
            >
              <span className="name-with-file">
                <a onClick={() => void open(r)}>{r.name}</a>
                {/* 一室一档 (issue 12 item 8): the clinic's own page. */}
                <a className="file-link" href={`#/clinic?id=${r.id}`} title="打开本室档案（一室一档）">
                  档案
                </a>
              </span>
            </Dropdown>
          ),
          code: (r) => r.code || <Tag>未填机构编码</Tag>,
          status: (r) => (r.status === 'open' ? <Tag color="green">运行</Tag> : <Tag>已撤销</Tag>),
          villageNames: (r) => (r.villageCount === 0 && r.status === 'open' ? <Tag color="orange">未关联任何村</Tag> : r.villageNames),
        }}
        toolbar={
          may('write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新增村卫生室
            </Button>
          )
        }
      />
      <ClinicForm
        open={editing !== null}
        clinic={editing?.clinic}
        onClose={() => setEditing(null)}
        onStatusAction={(c, action) => {
          setEditing(null);
          void act(c, action);
        }}
        onSaved={(c) => {
          setEditing(null);
          changed(`已保存：${c.name}`);
        }}
      />
      <CloseClinicDialog
        clinic={closing}
        onClose={() => setClosing(undefined)}
        onDone={(c) => {
          setClosing(undefined);
          changed(`已撤销：${c.name}`);
        }}
      />
    </>
  );
}
