import { Alert, Button, Descriptions, Drawer, Space, Table, Tabs, Tag, Tooltip, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { chineseDate, chineseDateTime } from '../../../shared/format';
import { qualificationLabels, type QualificationKind } from '../../../shared/rules/qualifications';
import { exitReasonLabels, personCategoryLabels, sexLabels } from '../../../shared/schemas/people';
import { exitTriggerRuleLabels } from '../../../shared/schemas/exitDecisions';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import { call, errorMessage } from '../../api';
import { useConfirmLeave } from '../../components/useConfirmLeave';
import { ExitDecisionDialog, type OpenTrigger } from './ExitDecisionDialog';
import { ExitDialog } from './ExitDialog';
import { PersonForm } from './PersonForm';
import { RecordTab } from './RecordTab';
import { recordSpecs } from './recordSpecs';
import type { PersonTab } from './personLink';

type Option = { value: string | number; label: string };
type Progress = PersonDetail['year']['training'];

const trainingColor: Record<Progress['status'], string> = { ok: 'green', progress: 'blue', alert: 'orange' };
const trainingWord: Record<Progress['status'], string> = { ok: '达标', progress: '进行中', alert: '未达标' };

/** rule S9a: 已完成 x / 应完成 y，已安排 z, coloured by whether it is met, on track or an alert. */
function TrainingTag(props: { p: Progress; testId: string }) {
  return (
    <Tooltip title={`要求：${props.p.needed}。只计已结束的培训；尚未结束的计为“已安排”`}>
      <Tag color={trainingColor[props.p.status]} data-testid={props.testId}>
        {props.p.text}，{trainingWord[props.p.status]}
      </Tag>
    </Tooltip>
  );
}

/** 一人一档: one person's whole file, in tabs. A new person starts with the basic form only. */
export function PersonDrawer(props: {
  personId: number | 'new' | null;
  onClose: () => void;
  onChanged: () => void;
  onCreated: (id: number) => void;
  /** The tab to open on (an alert's link: training for S9, contract for S6 …); 基本信息 otherwise. */
  tab?: PersonTab;
}) {
  const [person, setPerson] = useState<PersonDetail | undefined>();
  const [error, setError] = useState('');
  const [dirty, setDirty] = useState(false);
  const [exiting, setExiting] = useState(false);
  const [deciding, setDeciding] = useState<OpenTrigger | null>(null);
  const [clinics, setClinics] = useState<Option[]>([]);
  const [people, setPeople] = useState<Option[]>([]);
  const confirmLeave = useConfirmLeave(props.personId !== null && dirty);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);

  useEffect(() => {
    setPerson(undefined);
    setError('');
    if (props.personId === null) return;
    call('clinics.options', {}).then(
      (c) => setClinics(c.map((x) => ({ value: x.id, label: x.status === 'open' ? x.name : `${x.name}（已撤销）` }))),
      () => undefined,
    );
    call('people.options', {}).then(
      (p) => setPeople(p.map((x) => ({ value: x.id, label: x.clinicName ? `${x.name}（${x.clinicName}）` : x.name }))),
      () => undefined,
    );
    if (props.personId !== 'new') call('people.get', { id: props.personId }).then(setPerson, (e: unknown) => setError(errorMessage(e)));
  }, [props.personId]);

  const changed = (p: PersonDetail) => {
    setPerson(p);
    props.onChanged();
  };

  const summary = person && (
    <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
      <Descriptions.Item label="性别">{sexLabels[person.sex]}</Descriptions.Item>
      <Descriptions.Item label="出生日期">
        {chineseDate(person.birthDate)}（{person.age} 岁）
      </Descriptions.Item>
      <Descriptions.Item label="类别">{personCategoryLabels[person.category as keyof typeof personCategoryLabels]}</Descriptions.Item>
      <Descriptions.Item label="最高资格">
        {qualificationLabels[person.highestQualification as QualificationKind] ?? <Tag color="red">无有效资格</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="所在卫生室">{person.clinicName || '—'}</Descriptions.Item>
      <Descriptions.Item label={`${person.year.year} 年培训（S9）`} span={2}>
        <TrainingTag p={person.year.training} testId="training-progress" />
      </Descriptions.Item>
      {person.year.lastYearTraining && (
        <Descriptions.Item label={`${person.year.lastYearTraining.year} 年培训（S9）`} span={2}>
          <TrainingTag p={person.year.lastYearTraining} testId="training-last-year" />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={`${person.year.year} 年擅自离岗（S11）`}>
        <Tag color={person.year.absenceDays >= person.year.absenceLimit ? 'red' : person.year.absenceDays > 0 ? 'orange' : 'green'}>
          累计 {person.year.absenceDays} 天
          {person.year.absenceDays >= person.year.absenceLimit ? `，满 ${person.year.absenceLimit} 天应退出` : ''}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        {person.status === 'active' ? (
          <Tag color="green">在岗</Tag>
        ) : (
          <Tag>
            已退出 {chineseDate(person.exitDate)}（
            {exitReasonLabels[person.exitReason as keyof typeof exitReasonLabels] ?? person.exitReason}）
          </Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );

  // rule S11a: every exit trigger reached; an open one stays on the alert list until an exit or a 留用说明 closes it.
  const triggers = person && person.exitTriggers.length > 0 && (
    <Alert
      type={person.exitTriggers.some((t) => t.state === 'open') ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="exit-triggers"
      title="退出情形（S11）"
      description={
        <Space orientation="vertical" size={4}>
          {person.exitTriggers.map((t) => (
            <span key={`${t.rule}-${t.year}`}>
              {t.detail}
              {t.state === 'open' && person.status === 'active' && (
                <Button size="small" type="link" onClick={() => setDeciding(t)}>
                  记录留用说明…
                </Button>
              )}
            </span>
          ))}
        </Space>
      }
    />
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
      {triggers}
      {person && (
        <Tabs
          defaultActiveKey={props.tab}
          items={[
            {
              key: 'basic',
              label: '基本信息',
              children: (
                <PersonForm
                  person={person}
                  onDirty={onDirty}
                  onSaved={(p) => {
                    changed(p);
                    void message.success('已保存');
                  }}
                />
              ),
            },
            ...recordSpecs.map((spec) => ({
              key: spec.table,
              label: `${spec.title}（${spec.rows(person).length}）`,
              children: <RecordTab spec={spec} person={person} clinics={clinics} people={people} onChanged={changed} />,
            })),
            {
              key: 'decisions',
              label: `留用说明（${person.exitDecisions.length}）`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={person.exitDecisions}
                  locale={{ emptyText: '尚无留用说明。触发退出情形（S11）而决定留用时，在上方的退出情形中记录' }}
                  columns={[
                    {
                      title: '退出情形',
                      key: 'rule',
                      render: (_: unknown, d: PersonDetail['exitDecisions'][number]) => exitTriggerRuleLabels[d.rule],
                      width: 170,
                    },
                    { title: '触发年度', dataIndex: 'triggerYear', width: 80 },
                    {
                      title: '决定日期',
                      key: 'decidedOn',
                      render: (_: unknown, d: PersonDetail['exitDecisions'][number]) => chineseDate(d.decidedOn),
                      width: 120,
                    },
                    { title: '留用理由', dataIndex: 'reason' },
                    { title: '记录人', dataIndex: 'createdBy', width: 90 },
                    {
                      title: '记录时间',
                      key: 'createdAt',
                      render: (_: unknown, d: PersonDetail['exitDecisions'][number]) => chineseDateTime(d.createdAt),
                      width: 140,
                    },
                  ]}
                />
              ),
            },
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
                    {
                      title: '时间',
                      key: 'at',
                      render: (_: unknown, h: PersonDetail['history'][number]) => chineseDateTime(h.at),
                      width: 140,
                    },
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
      {person && (
        <ExitDecisionDialog
          person={person}
          trigger={deciding}
          onClose={() => setDeciding(null)}
          onDone={(p) => {
            setDeciding(null);
            changed(p);
            void message.success('已记录留用说明');
          }}
        />
      )}
      {person && (
        <ExitDialog
          person={person}
          open={exiting}
          onClose={() => setExiting(false)}
          onDone={(p) => {
            setExiting(false);
            changed(p);
            void message.success(`${p.name} 已办理退出`);
          }}
        />
      )}
    </Drawer>
  );
}
