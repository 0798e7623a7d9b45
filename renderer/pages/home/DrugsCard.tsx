import { Card, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { yuanText } from '../../../shared/format';
import type { DrugWatchSummary } from '../../../shared/schemas/drugWatch';
import { call } from '../../api';
import type { Route } from '../../router';

interface Item {
  key: string;
  label: string;
  count: string;
  bad: boolean;
  to: Route;
}

/**
 * Drugs at a glance (issue 10 part 7), each count opening its list: expired and near-expiry
 * stock (D5), this month's shortages (D4), 集采 drugs short of cover or behind their agreed
 * volume (D6), clinics over the non-essential share this month (D3).
 */
export function DrugsCard(props: { go: (r: Route) => void; reloadKey: unknown }) {
  const [data, setData] = useState<DrugWatchSummary | null>(null);
  useEffect(() => {
    call('drugWatch.summary', {}).then(setData, () => setData(null));
  }, [props.reloadKey]);
  if (!data) return null;
  const items: Item[] = [
    {
      key: 'expired',
      label: '已过期药品（待集中销毁，D5）',
      count: `${data.expired.batches} 批 · ${yuanText(data.expired.amountFen)}`,
      bad: data.expired.batches > 0,
      to: { page: 'stock', filter: { id: 'expiry', value: 'expired' } },
    },
    {
      key: 'near',
      label: `近效期药品（${data.nearExpiryDays} 天内到期）`,
      count: `${data.near.batches} 批 · ${yuanText(data.near.amountFen)}`,
      bad: data.near.batches > 0,
      to: { page: 'stock', filter: { id: 'expiry', value: 'near' } },
    },
    {
      key: 'shortages',
      label: '本月短缺药品（D4）',
      count: `${data.shortagesThisMonth.lines} 条 · ${data.shortagesThisMonth.packs} 个包装`,
      bad: data.shortagesThisMonth.lines > 0,
      to: { page: 'deliveries', filter: { id: 'tab', value: 'shortages' } },
    },
    {
      key: 'vbp-low',
      label: '集采药品库存保障不足（D6）',
      count: `${data.vbpLowCover} 处`,
      bad: data.vbpLowCover > 0,
      to: { page: 'vbp', filter: { id: 'low', value: 'true' } },
    },
    {
      key: 'vbp-behind',
      label: '集采约定采购量进度落后',
      count: `${data.vbpBehind} 种`,
      bad: data.vbpBehind > 0,
      to: { page: 'vbp', filter: { id: 'tab', value: 'volume' } },
    },
    {
      key: 'share',
      label: '本月请领超出非基药份额（D3）',
      count: `${data.shareOver.length} 个卫生室`,
      bad: data.shareOver.length > 0,
      to: { page: 'requisitions' },
    },
  ];
  const open = items.filter((i) => i.bad).length;
  return (
    <Card
      title={
        <span>
          药品 <Tag color={open ? 'orange' : 'green'}>{open}</Tag>
        </span>
      }
      data-testid="drugs-card"
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item>
            <a onClick={() => props.go(i.to)}>{i.label}</a>
            <Tag color={i.bad ? 'orange' : 'green'} data-testid={`drugs-${i.key}`}>
              {i.count}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
