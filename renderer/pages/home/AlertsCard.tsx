import { Card, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { alertKindInfo, alertKinds, type AlertsOutput } from '../../../shared/schemas/personOutput';
import { call } from '../../api';
import type { Route } from '../../router';

/** Counts of every open alert by kind, each linking to the alerts list filtered to that kind. */
export function AlertsCard(props: { go: (r: Route) => void; reloadKey: unknown }) {
  const [data, setData] = useState<AlertsOutput | null>(null);
  useEffect(() => {
    call('alerts.list', {}).then(setData, () => setData(null));
  }, [props.reloadKey]);
  if (!data) return null;
  const shown = alertKinds.filter((k) => (data.counts[k] ?? 0) > 0);
  return (
    <Card
      title={
        <span>
          人员预警 <Tag color={shown.length ? 'red' : 'green'}>{data.alerts.length}</Tag>
        </span>
      }
      extra={<a onClick={() => props.go({ page: 'alerts' })}>全部预警</a>}
      data-testid="alerts-card"
    >
      {shown.length === 0 ? (
        <span className="hint">没有预警</span>
      ) : (
        <List
          size="small"
          dataSource={shown}
          renderItem={(k) => (
            <List.Item>
              <a onClick={() => props.go({ page: 'alerts', filter: { id: 'kind', value: k } })}>
                <Tag color={alertKindInfo[k].level === 'error' ? 'red' : 'orange'}>{alertKindInfo[k].rule}</Tag>
                {alertKindInfo[k].title}
              </a>
              <span data-testid={`alert-count-${k}`}>{data.counts[k]}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
