/** An import preview as text for the command line: what would happen, row by row. */
import type { ImportPreview } from './types';

const LIST_AT_MOST = 50;

function listRows(title: string, rows: { row: number; label: string; changes: string[]; notes?: string[] }[]): string[] {
  if (rows.length === 0) return [];
  const lines = rows.slice(0, LIST_AT_MOST).flatMap((r) => [
    `  第 ${r.row} 行：${r.label}${r.changes.length ? `（${r.changes.join('、')}）` : ''}`,
    // How cells not written as expected were read, under the row they belong to.
    ...(r.notes ?? []).map((n) => `    说明：${n}`),
  ]);
  if (rows.length > LIST_AT_MOST) lines.push(`  ……另有 ${rows.length - LIST_AT_MOST} 行`);
  return [title, ...lines];
}

export function describePreview(p: ImportPreview, dryRun: boolean): string {
  // A column read as a field it does not name outright says which, and what else it could be.
  const columns = p.columns.map((c) => `${c.header}（${c.column}列${c.note ? `，${c.note}` : ''}）`).join('、');
  const lines = [`导入预览：${p.title}，工作表“${p.sheetName}”，表头在第 ${p.headerRow} 行`, `识别的列：${columns}`];
  if (p.unknownColumns.length > 0) {
    lines.push(`未识别的列（已忽略）：${p.unknownColumns.map((c) => `${c.header}（${c.column}列）`).join('、')}`);
  }
  lines.push(...p.notices.map((n) => `注意：${n}`));
  lines.push(
    `将新增 ${p.create.length} 行，更新 ${p.update.length} 行，已存在且无变化 ${p.unchanged.length} 行，有错误 ${p.errors.length} 行` +
      (p.skippedRows ? `，跳过空行或合计行 ${p.skippedRows} 行` : ''),
  );
  lines.push(...listRows('新增：', p.create), ...listRows('更新（括号内为改动的项）：', p.update));
  if (p.errors.length > 0) lines.push('有错误的行：', ...p.errors.map((e) => `  ${e.message}`));
  if (dryRun) {
    lines.push(
      p.errors.length > 0
        ? '（试运行，未写入任何数据。有错误时正式导入会被拒绝，请先改正表格）'
        : '（试运行，未写入任何数据。去掉 --dry-run 即正式导入）',
    );
  }
  return lines.join('\n');
}
