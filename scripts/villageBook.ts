/** A 行政村名册 of `rows` villages named `<prefix>村<n>`, for the concurrency test and the reliability benchmark. */
import ExcelJS from 'exceljs';

export async function writeVillageBook(file: string, rows: number, prefix = '导入'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政村');
  ws.addRow(['村名', '户籍人口', '服务人口', '距卫生院距离']);
  for (let i = 1; i <= rows; i++) ws.addRow([`${prefix}村${i}`, 1000 + (i % 500), 900 + (i % 400), (i % 30) + 1]);
  await wb.xlsx.writeFile(file);
}
