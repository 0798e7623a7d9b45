/**
 * "导出本视图到 Excel" for a list: the same query as on screen (search, filters, sort) and the
 * clerk's shown columns in their order, saved as the core's workbook, with a toast saying how many
 * rows went out or what went wrong.
 */
import { message } from 'antd';
import { useState } from 'react';
import type { ExportViewInput, FileResult, ListQuery } from '../../shared/schemas/common';
import { errorMessage } from '../api';
import { saveFile } from '../download';

export function useListExport(exportView: ((q: ExportViewInput) => Promise<FileResult>) | undefined): {
  exporting: boolean;
  doExport: (q: ListQuery, columns: string[]) => Promise<void>;
} {
  const [exporting, setExporting] = useState(false);
  async function doExport(q: ListQuery, columns: string[]): Promise<void> {
    if (!exportView) return;
    setExporting(true);
    try {
      const file = await exportView({ search: q.search, sort: q.sort, filters: q.filters, columns });
      saveFile(file);
      void message.success(`已导出 ${file.rowCount} 行：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }
  return { exporting, doExport };
}
