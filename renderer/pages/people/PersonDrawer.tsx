import { Alert, Button, Descriptions, Drawer, Table, Tabs, Tag, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { chineseDate, chineseDateTime } from '../../../shared/format';
import { qualificationLabels, type QualificationKind } from '../../../shared/rules/qualifications';
import { exitReasonLabels, personCategoryLabels, sexLabels } from '../../../shared/schemas/people';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import { call, errorMessage } from '../../api';
import { useConfirmLeave } from '../../components/useConfirmLeave';
import { ExitDialog } from './ExitDialog';
import { PersonForm } from './PersonForm';
import { RecordTab } from './RecordTab';
import { recordSpecs } from './recordSpecs';

type Option = { value: string | number; label: string };

/** 一人一档: one person's whole file, in tabs. A new person starts with the basic form only. */
export function PersonDrawer(props: { personId: number | 'new' | null; onClose: () => void; onChanged: () => void; onCreated: (id: number) => void }) {
  const [person, setPerson] = useState<PersonDetail | undefined>();
  const [error, setError] = useState('');
  const [dirty, setDirty] = useState(false);
  const [exiting, setExiting] = useState(false);
  const [clinics, setClinics] = useState<Option[]>([]);
  const [people, setPeople] = useState<Option[]>([]);
  const confirmLeave = useConfirmLeave(props.personId !== null && dirty);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);

  useEffect(() => {
    setPerson(undefined);
    setError('');
    if (props.personId === null) return;
    call('clinics.options', {}).then((c) => setClinics(c.map((x) => ({ value: x.id, label: x.status === 'open' ? x.name : `${x.name}（已撤销）` }))), () => undefined);
    call('people.options', {}).then((p) => setPeople(p.map((x) => ({ value: x.id, label: x.clinicName ? `${x.name}（${x.clinicName}）` : x.name }))), () => undefined);
    if (props.personId !== 'new') call('people.get', { id: props.personId }).then(setPerson, (e: unknown) => setError(errorMessage(e)));
  }, [props.personId]);

  const changed = (p: PersonDetail) => {
    setPerson(p);
    props.onChanged();
  };

  const summary = person && (
    <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
      <Descriptions.Item label="性别">{sexLabels[person.sex]}</Descriptions.Item>
      <Descriptions.Item label="出生日期">{chineseDate(person.birthDate)}（{person.age} 岁）</Descriptions.Item>
      <Descriptions.Item label="类别">{personCategoryLabels[person.category as keyof typeof personCategoryLabels]}</Descriptions.Item>
      <Descriptions.Item label="最高资格">{qualificationLabels[person.highestQualification as QualificationKind] ?? <Tag color="red">无有效资格</Tag>}</Descriptions.Item>
      <Descriptions.Item label="所在卫生室">{person.clinicName || '—'}</Descriptions.Item>
      <Descriptions.Item label={`${person.year.year} 年培训（S9）`}>
        <Tag color={person.year.trainingCompliant ? 'green' : 'orange'}>
          {person.year.trainingCount} 次 {person.year.trainingDays} 天{person.year.trainingCompliant ? '，达标' : `，要求${person.year.trainingNeeded}`}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={`${person.year.year} 年擅自离岗（S11）`}>
        <Tag color={person.year.absenceDays >= person.year.absenceLimit ? 'red' : person.year.absenceDays > 0 ? 'orange' : 'green'}>
          累计 {person.year.absenceDays} 天{person.year.absenceDays >= person.year.absenceLimit ? `，满 ${person.year.absenceLimit} 天应退出` : ''}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        {person.status === 'active' ? <Tag color="green">在岗</Tag> : <Tag>已退出 {person.exitDate}（{exitReasonLabels[person.exitReason as keyof typeof exitReasonLabels] ?? person.exitReason}）</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );

  return (
    <Drawer
      title={props.personId === 'new' ? '新建人员档案' : person ? `人员档案：${person.name}` : '人员档案'}
      open={props.personId !== null}
      size={960}
      onClose={() => confirmLeave(props.onClose)}
      maskClosable={false}
      destroyOnHidden
      extra={
        person?.status === 'active' && (
          <Button danger onClick={() => setExiting(true)}>
            办理退出…
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {props.personId === 'new' && (
        <PersonForm
          onDirty={onDirty}
          onSaved={(p) => {
            setDirty(false);
            props.onChanged();
            props.onCreated(p.id);
            void message.success(`已建立档案：${p.name}。请继续登记资格证书、岗位和聘用合同`);
          }}
        />
      )}
      {person && summary}
      {person && (
        <Tabs
          items={[
            { key: 'basic', label: '基本信息', children: <PersonForm person={person} onDirty={onDirty} onSaved={(p) => { changed(p); void message.success('已保存'); }} /> },
            ...recordSpecs.map((spec) => ({
              key: spec.table,
              label: `${spec.title}（${spec.rows(person).length}）`,
              children: <RecordTab spec={spec} person={person} clinics={clinics} people={people} onChanged={changed} />,
            })),
            {
              key: 'history',
              label: '变更记录',
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={{ pageSize: 20 }}
                  dataSource={person.history}
                  columns={[
                    { title: '时间', key: 'at', render: (_: unknown, h: PersonDetail['history'][number]) => chineseDateTime(h.at), width: 140 },
                    { title: '操作人', dataIndex: 'actor', width: 90 },
                    { title: '项目', dataIndex: 'field', width: 110 },
                    { title: '原内容', dataIndex: 'oldValue' },
                    { title: '新内容', dataIndex: 'newValue' },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      {person && <ExitDialog person={person} open={exiting} onClose={() => setExiting(false)} onDone={(p) => { setExiting(false); changed(p); void message.success(`${p.name} 已办理退出`); }} />}
    </Drawer>
  );
}
