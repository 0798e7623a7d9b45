import { Alert, Card, Col, List, Row, Statistic, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { coverageKinds, coverageLabels } from '../../../shared/rules/coverage';
import type { Dashboard } from '../../../shared/schemas/app';
import { call, errorMessage } from '../../api';
import type { Route } from '../../router';
import { AlertsCard } from './AlertsCard';
import { AssetsCard } from './AssetsCard';
import { DrugsCard } from './DrugsCard';
import { SupervisionCard } from './SupervisionCard';

/** The clerk's first look: counts, 空白点 in red (C1), and what needs attention. */
export function HomePage(props: { go: (r: Route) => void; reloadKey: unknown }) {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('app.dashboard', {}).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [props.reloadKey]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return null;
  const blank = data.blankVillages.length;
  return (
    <div className="home">
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title="行政村" value={data.villageCount} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="运行中的村卫生室" value={data.clinicCount} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="服务人口" value={data.servicePopulation} suffix="人" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="应配村医（S1）" value={data.requiredDoctors} suffix="人" />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card
            title={
              <span>
                空白点（无任何覆盖的村）
                <Tag color={blank ? 'red' : 'green'} data-testid="blank-count">
                  {blank}
                </Tag>
              </span>
            }
            className={blank ? 'card-danger' : ''}
            extra={<a onClick={() => props.go({ page: 'villages', filter: { id: 'coverageKind', value: 'none' } })}>在行政村列表中查看</a>}
          >
            {blank === 0 ? (
              <Alert type="success" showIcon title="所有行政村都有覆盖，没有空白点" />
            ) : (
              <List
                data-testid="blank-list"
                dataSource={data.blankVillages}
                renderItem={(v) => (
                  <List.Item>
                    <span className="text-danger">{v.name}</span>
                    <span>服务人口 {v.servicePopulation} 人</span>
                  </List.Item>
                )}
              />
            )}
            {blank > 0 && <p className="hint">按 C1，每个空白点都要通过设卫生室、邻村延伸、巡诊或派驻覆盖。</p>}
          </Card>
        </Col>
        <Col span={12}>
          <Card title="各村覆盖方式">
            <List
              size="small"
              dataSource={coverageKinds.filter((k) => k !== 'none')}
              renderItem={(k) => (
                <List.Item>
                  <a onClick={() => props.go({ page: 'villages', filter: { id: 'coverageKind', value: k } })}>{coverageLabels[k]}</a>
                  <span>{data.byCoverage[k] ?? 0} 个村</span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={16}>
          <AlertsCard go={props.go} reloadKey={props.reloadKey} />
          <div style={{ marginTop: 16 }}>
            <SupervisionCard go={props.go} reloadKey={props.reloadKey} />
          </div>
        </Col>
        <Col span={8}>
          <AssetsCard go={props.go} reloadKey={props.reloadKey} />
          <div style={{ marginTop: 16 }}>
            <DrugsCard go={props.go} reloadKey={props.reloadKey} />
          </div>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card
            title={
              <span>
                未关联任何村的卫生室{' '}
                <Tag color={data.clinicsWithoutVillage.length ? 'orange' : 'green'}>{data.clinicsWithoutVillage.length}</Tag>
              </span>
            }
          >
            {data.clinicsWithoutVillage.length === 0 ? (
              <span className="hint">无</span>
            ) : (
              <List
                size="small"
                dataSource={data.clinicsWithoutVillage}
                renderItem={(c) => (
                  <List.Item>
                    {c.code} {c.name}
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card
            title={
              <span>
                应设而未设卫生室的村（C1）{' '}
                <Tag color={data.villagesNeedingClinic.length ? 'orange' : 'green'}>{data.villagesNeedingClinic.length}</Tag>
              </span>
            }
          >
            {data.villagesNeedingClinic.length === 0 ? (
              <span className="hint">无</span>
            ) : (
              <List
                size="small"
                dataSource={data.villagesNeedingClinic}
                renderItem={(v) => (
                  <List.Item>
                    {v.name}（服务人口 {v.servicePopulation} 人，目前靠其他方式覆盖）
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
