import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, message } from 'antd';
import { useMemo, useState } from 'react';
import type { PersonRecord } from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import { call, errorMessage } from '../../api';
import { SpecFormModal } from '../../components/SpecForm';
import type { RecordSpec } from './recordSpecs';

type Option = { value: string | number; label: string };

/** One kind of record of a person: its rows, and add / edit / delete through a small form. */
export function RecordTab(props: {
  spec: RecordSpec;
  person: PersonDetail;
  clinics: Option[];
  people: Option[];
  onChanged: (p: PersonDetail) => void;
}) {
  const { spec, person } = props;
  const [editing, setEditing] = useState<{ id?: number; values: Record<string, unknown> } | null>(null);
  const rows = spec.rows(person);
  const fields = useMemo(
    () => spec.fields({ clinics: props.clinics, people: props.people.filter((p) => p.value !== person.id) }),
    [spec, props.clinics, props.people, person.id],
  );

  async function remove(id: number) {
    try {
      props.onChanged(await call('people.removeRecord', { personId: person.id, table: spec.table, id }));
      void message.success(`已删除${spec.title}记录`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }

  const columns = [
    ...spec.headers.map((h, i) => ({ title: h, key: String(i), render: (_: unknown, r: (typeof rows)[number]) => r.cells[i] })),
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, r: (typeof rows)[number]) => (
        <Space>
          <a onClick={() => setEditing({ id: r.id, values: r.values })}>修改</a>
          <Popconfirm
            title={`删除这条${spec.title}记录？`}
            description="删除会记入变更记录。"
            okText="删除"
            cancelText="取消"
            onConfirm={() => void remove(r.id)}
          >
            <a className="text-danger-link">删除</a>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setEditing({ values: spec.empty })} style={{ marginBottom: 8 }}>
        添加{spec.title}
      </Button>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: `尚无${spec.title}记录` }}
      />
      <SpecFormModal
        title={`${editing?.id ? '修改' : '添加'}${spec.title}：${person.name}`}
        open={editing !== null}
        schema={spec.schema}
        fields={fields}
        initial={editing?.values ?? spec.empty}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          const saved = await call('people.saveRecord', {
            personId: person.id,
            id: editing?.id,
            record: { ...values, table: spec.table } as PersonRecord,
          });
          setEditing(null);
          props.onChanged(saved);
          void message.success(`已保存${spec.title}`);
        }}
      />
    </>
  );
}
