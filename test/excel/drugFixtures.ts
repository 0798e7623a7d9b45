/**
 * Workbooks as provincial platforms export their catalog and as the national essential list is
 * laid out, written with exceljs for the drug tests: title rows, merged cells, platforms that
 * differ (per-pack and per-unit prices, no essential mark, a national code column).
 */
import ExcelJS from 'exceljs';

type Cell = string | number | null;

async function write(file: string, build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'));
  await wb.xlsx.writeFile(file);
  return file;
}

function titled(ws: ExcelJS.Worksheet, title: string, width: number, header: string[], rows: Cell[][]): void {
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow(['导出时间：2026-03-01', null, null, '单位：元']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
}

/** Platform A: mark written 国基 / 是 / ★ / 否 / blank, 集采 batch, 医保 class; one price column per pack. */
export function platformA(file: string, rows?: Cell[][]): Promise<string> {
  return write(file, (ws) =>
    titled(
      ws,
      '河东省药品集中采购平台 挂网药品目录',
      11,
      ['药品编码', '通用名称', '商品名', '剂型', '规格', '包装单位', '生产企业', '挂网价格（元）', '是否基药', '集采批次', '医保类别'],
      rows ?? [
        ['HD0001', '阿莫西林胶囊', '阿莫仙', '胶囊剂', '0.25g*24粒', '盒', '珠海联邦制药', 9.8, '国基', '', '甲类'],
        ['HD0002', '头孢克肟胶囊', '', '胶囊剂', '0.1g*6粒', '盒', '广州白云山', 12.5, '', '', '乙类'],
        ['HD0003', '头孢克洛胶囊', '', '胶囊剂', '0.25g*12粒', '盒', '苏州中化', 15.3, '是', '第三批', '乙类'],
        ['HD0004', '盐酸二甲双胍片', '', '片剂', '0.5g*48片', '盒', '石药欧意', 4.06, '★', '第一批', '甲类'],
        ['HD0005', '硝苯地平缓释片', '', '缓释片', '20mg*30片', '盒', '上海信谊', 6.9, '否', '', '甲类'],
      ],
    ),
  );
}

/** Platform B: price per smallest package and per smallest unit, no essential mark, a national code beside its own. */
export function platformB(file: string): Promise<string> {
  return write(file, (ws) => {
    ws.addRow(['某省医药采购服务平台 药品目录（2026年3月）']);
    ws.mergeCells('A1:J1');
    ws.addRow([
      '产品ID',
      '国家医保药品代码',
      '药品通用名',
      '剂型',
      '规格',
      '最小包装单位',
      '生产厂家',
      '最小包装价格',
      '最小制剂单位价格',
      '带量采购批次',
    ]);
    ws.addRow(['P-77001', 'XJ01CAA040A001010100475', '阿莫西林胶囊', '胶囊', '0.5g*24粒', '盒', '华北制药', '¥18.40', 0.7667, '第五批']);
    ws.addRow(['P-77002', 'XC08CAF107A010010100283', '氨氯地平片', '片剂', '5mg*28片', '盒', '辉瑞制药', '16.80', 0.6, '第一批']);
    ws.addRow(['P-77003', 'ZA04BAL0021010100843', '六味地黄丸', '浓缩丸', '200丸', '瓶', '仲景宛西', 23, 0.115, '']);
  });
}

/** An edition laid out as the national list: sections, 序号, names merged over their 剂型 rows. */
export function essentialList(file: string, title: string, entries: [string, string, string][]): Promise<string> {
  return write(file, (ws) => {
    ws.addRow([title]);
    ws.mergeCells('A1:E1');
    ws.addRow(['序号', '品种名称', '英文名称', '剂型', '规格']);
    ws.addRow(['一、化学药品和生物制品']);
    ws.mergeCells(`A3:E3`);
    ws.addRow(['（一）抗微生物药']);
    let seq = 0;
    for (const [name, forms, spec] of entries) {
      if (name === '中成药') {
        ws.addRow(['二、中成药']);
        continue;
      }
      seq++;
      ws.addRow([seq, name, '', forms, spec]);
    }
    ws.addRow(['注：剂型、规格以目录所列为准']);
  });
}

/** An entry over two 剂型 rows, its 序号 and name merged down (as the national list prints it). */
export function mergedEntryList(file: string): Promise<string> {
  return write(file, (ws) => {
    ws.addRow(['国家基本药物目录（2018年版）']);
    ws.mergeCells('A1:E1');
    ws.addRow(['序号', '品种名称', '英文名称', '剂型', '规格']);
    ws.addRow(['一、化学药品和生物制品', '一、化学药品和生物制品', '一、化学药品和生物制品']);
    ws.addRow([1, '头孢曲松', 'Ceftriaxone', '注射用无菌粉末', '0.25g']);
    ws.addRow([null, null, null, '注射用无菌粉末', '1.0g']);
    ws.mergeCells('A4:A5');
    ws.mergeCells('B4:B5');
    ws.addRow([2, '阿莫西林', 'Amoxicillin', '口服常释剂型', '0.25g']);
    ws.addRow([null, null, null, '颗粒剂', '0.125g']);
    ws.addRow([null, null, null, '口服常释剂型', '0.5g']);
  });
}
