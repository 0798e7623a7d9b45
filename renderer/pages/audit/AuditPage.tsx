import { useCallback } from 'react';
import type { AuditRow } from '../../../shared/schemas/app';
import type { ExportViewInput, ListQuery } from '../../../shared/schemas/common';
import { auditView } from '../../../shared/views';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';

/** Every change, who made it and when (the audit trail the county re-check relies on, P4). */
export function AuditPage() {
  const fetchPage = useCallback((q: ListQuery) => call('audit.list', q), []);
  const exportView = useCallback((q: ExportViewInput) => call('audit.export', q), []);
  return <DataTable<AuditRow> testId="audit-table" view={auditView} fetchPage={fetchPage} exportView={exportView} rowKey={(r) => r.id} />;
}
