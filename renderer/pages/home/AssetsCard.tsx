import { Card, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import type { Route } from '../../router';

interface Counts {
  held: number;
  lost: number;
  uncounted: number;
}

const one = { offset: 0, limit: 1 };

/** Fixed assets at a glance (A3): how many are on the books, lost pending disposal, not stocktaken for a year. */
export function AssetsCard(props: { go: (r: Route) => void; reloadKey: unknown }) {
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => {
    Promise.all([
      call('assets.list', { ...one, filters: [{ id: 'status', value: ['in_use', 'idle', 'repair', 'lost'] }] }),
      call('assets.list', { ...one, filters: [{ id: 'status', value: 'lost' }] }),
      call('assets.uncounted', one),
    ]).then(
      ([held, lost, uncounted]) => setCounts({ held: held.total, lost: lost.total, uncounted: uncounted.total }),
      () => setCounts(null),
    );
  }, [props.reloadKey]);
  if (!counts) return null;
  const items = [
    { key: 'held', label: '在账资产', n: counts.held, color: 'blue', to: { page: 'assets' } as Route },
    {
      key: 'lost',
      label: '丢失待处理（盘亏，待报损审批）',
      n: counts.lost,
      color: counts.lost ? 'red' : 'green',
      to: { page: 'assets', filter: { id: 'status', value: 'lost' } } as Route,
    },
    {
      key: 'uncounted',
      label: '超过12个月未盘点',
      n: counts.uncounted,
      color: counts.uncounted ? 'orange' : 'green',
      to: { page: 'assets', filter: { id: 'tab', value: 'uncounted' } } as Route,
    },
  ];
  return (
    <Card title="固定资产" extra={<a onClick={() => props.go({ page: 'stocktakes' })}>资产盘点</a>} data-testid="assets-card">
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item>
            <a onClick={() => props.go(i.to)}>{i.label}</a>
            <Tag color={i.color} data-testid={`assets-${i.key}`}>
              {i.n} 项
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
