import type { ColumnFiltersState } from '@tanstack/react-table';
import { Alert, Card, Col, Row, Statistic, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { alertView } from '../../../shared/peopleViews';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import type { AlertItem, AlertsOutput } from '../../../shared/schemas/personOutput';
import { call, errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import type { Route } from '../../router';
import { alertRoute } from './alertTargets';

/** Every alert the rules imply, with its rule ID; the S4 ratio and its trend on top. */
export function AlertsPage(props: { initialFilters?: ColumnFiltersState; go: (r: Route) => void }) {
  const [data, setData] = useState<AlertsOutput | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('alerts.list', {}).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const fetchPage = useCallback((q: ListQuery) => call('alerts.page', q), []);
  const exportView = useCallback((q: ExportViewInput) => call('alerts.export', q), []);
  const ratio = data?.ratio;
  const met = ratio ? Math.round(ratio.ratio * 1000) >= Math.round(ratio.target * 1000) : true;
  return (
    <>
      {error && <Alert type="error" showIcon title={error} />}
      {ratio && (
        <Row gutter={16} style={{ marginBottom: 12 }}>
          <Col span={8}>
            <Card size="small">
              <Statistic
                title={`执业（助理）医师占比（S4，目标 ${(ratio.target * 100).toFixed(0)}%）`}
                value={(ratio.ratio * 100).toFixed(1)}
                suffix={`%（${ratio.qualified}/${ratio.total}）`}
                styles={{ content: { color: met ? '#389e0d' : '#cf1322' } }}
              />
            </Card>
          </Col>
          <Col span={16}>
            <Card size="small" title="历年占比">
              {ratio.trend.map((t) => (
                <Tag
                  key={t.year}
                  color={Math.round(t.ratio * 1000) >= Math.round(ratio.target * 1000) ? 'green' : 'orange'}
                  data-testid={`trend-${t.year}`}
                >
                  {t.year} 年：{t.total ? `${(t.ratio * 100).toFixed(1)}%` : '—'}
                </Tag>
              ))}
            </Card>
          </Col>
        </Row>
      )}
      <DataTable<AlertItem>
        testId="alerts-table"
        view={alertView}
        fetchPage={fetchPage}
        exportView={exportView}
        rowKey={(r) => `${r.kind}-${r.personId ?? ''}-${r.clinicId ?? ''}-${r.detail}`}
        initialFilters={props.initialFilters}
        rowClassName={(r) => (r.level === 'error' ? 'row-blank' : '')}
        onRowOpen={(r) => {
          const to = alertRoute(r);
          if (to) props.go(to);
        }}
        renderCell={{
          level: (r) => <Tag color={r.level === 'error' ? 'red' : 'orange'}>{r.level === 'error' ? '严重' : '提醒'}</Tag>,
          subject: (r) => {
            const to = alertRoute(r);
            const link = to ? <a onClick={() => props.go(to)}>{r.subject}</a> : r.subject;
            // A clinic's alert also links its 一室一档 (issue 12 item 8).
            if (r.personId || !r.clinicId) return link;
            const clinicId = r.clinicId;
            return (
              <>
                {link}{' '}
                <a className="file-link" onClick={() => props.go({ page: 'clinic', filter: { id: 'id', value: String(clinicId) } })}>
                  档案
                </a>
              </>
            );
          },
        }}
      />
    </>
  );
}
