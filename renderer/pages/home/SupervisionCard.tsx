/**
 * Home: supervision at a glance — clinics not yet supervised this month (P2), failed clinics of
 * the last finished quarter (P6) and doctors with two failed quarters this year (P5 → S11).
 */
import { Card, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../shared/format';
import { quarterKey, quarterLabel, quarterOf, type Quarter } from '../../../shared/rules/quarter';
import { call } from '../../api';
import type { Route } from '../../router';

function lastEndedQuarter(today: string): Quarter {
  const q = quarterOf(today);
  return q.q === 1 ? { year: q.year - 1, q: 4 } : { year: q.year, q: q.q - 1 };
}

export function SupervisionCard(props: { go: (r: Route) => void; reloadKey: unknown }) {
  const [notSupervised, setNotSupervised] = useState<number | null>(null);
  const [failed, setFailed] = useState<number | null>(null);
  const [p5, setP5] = useState<number | null>(null);
  const today = todayIso();
  const last = lastEndedQuarter(today);
  useEffect(() => {
    call('visits.month', { month: today.slice(0, 7) }).then(
      (rows) => setNotSupervised(rows.filter((r) => r.status !== 'final').length),
      () => setNotSupervised(null),
    );
    call('quarters.results', { quarter: quarterKey(last) }).then(
      (r) => setFailed(r.rows.filter((x) => x.passed === false).length),
      () => setFailed(null),
    );
    // P5 counts the current year: the current quarter's results carry the year's flags.
    call('quarters.results', { quarter: quarterKey(quarterOf(today)) }).then(
      (r) => setP5(r.p5.length),
      () => setP5(null),
    );
  }, [props.reloadKey, today, last.year, last.q]);
  const items = [
    { key: 'not-supervised', label: '本月尚未完成督导的村卫生室', value: notSupervised, go: (): Route => ({ page: 'visits' }) },
    { key: 'failed-quarter', label: `${quarterLabel(last)}考核不合格`, value: failed, go: (): Route => ({ page: 'quarters' }) },
    {
      key: 'p5',
      label: `${today.slice(0, 4)} 年两次考核不合格的村医（P5）`,
      value: p5,
      go: (): Route => ({ page: 'alerts', filter: { id: 'kind', value: 'assessment_exit' } }),
    },
  ];
  return (
    <Card title="督导考核" extra={<a onClick={() => props.go({ page: 'visits' })}>月度督导</a>} data-testid="supervision-card">
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item>
            <a onClick={() => props.go(i.go())}>{i.label}</a>
            <Tag color={i.value ? 'red' : 'green'} data-testid={`supervision-${i.key}`}>
              {i.value ?? '—'}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
