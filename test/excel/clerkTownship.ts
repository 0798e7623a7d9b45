/**
 * One township's own spreadsheets, made the way its clerk made them (not the app's exports):
 * 柳林镇卫生院's villages, clinics, 花名册 and asset ledger. Each has a merged title, a 填报单位
 * line, 序号, its own column names, a 合计 row and a signature line; the clinic list has no
 * 机构编码 and a 覆盖行政村 column; the roster writes 乡聘村用（编外）, 乡聘村用(余编) and
 * 乡村医生执业证, names clinics two ways and has no 到岗时间 column; the asset ledger has no
 * asset numbers, merges the 存放地点 of neighbouring rows and lists two identical chairs.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { checkCharacter } from '../../shared/rules/idCard';
import type { Cell } from './messy';

export const CENTER = '柳林镇卫生院';

export interface SheetSpec {
  title: string;
  header: string[];
  rows: Cell[][];
  /** The 合计 row's cells after its label. */
  totals?: Cell[];
  /** Vertical merges in the data area: [first data row index, last, column index] (0-based). */
  merges?: [number, number, number][];
}

async function write(file: string, spec: SheetSpec): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const width = spec.header.length;
  ws.getCell(1, 1).value = spec.title;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(2, 1).value = `填报单位（盖章）：${CENTER}`;
  ws.mergeCells(2, 1, 2, Math.ceil(width / 2));
  ws.getCell(2, Math.ceil(width / 2) + 1).value = '2026年11月20日';
  ws.getRow(3).values = spec.header;
  spec.rows.forEach((cells, i) => {
    ws.getRow(4 + i).values = cells;
  });
  for (const [from, to, col] of spec.merges ?? []) ws.mergeCells(4 + from, col + 1, 4 + to, col + 1);
  const last = 3 + spec.rows.length;
  if (spec.totals) ws.getRow(last + 1).values = ['合计', ...spec.totals];
  ws.getRow(last + 3).values = ['填表人：王秀英          审核人：刘建华          单位负责人：陈志强'];
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export const villageSheet: SheetSpec = {
  title: '柳林镇行政村基本情况统计表',
  header: ['序号', '行政村名称', '户籍人口（人）', '常住人口（人）', '距卫生院距离（公里）', '是否卫生院所在地', '备注'],
  rows: [
    [1, '柳林村', 2350, 2100, 0, '是', '镇政府驻地'],
    [2, '东沟村', 1400, 1300, 4.5, '否', ''],
    [3, '西沟村', 700, 650, 5.2, '否', '与东沟村合建卫生室'],
    [4, '南坡村', 980, 900, 7, '否', ''],
    [5, '北岭村', 1950, 1800, 9.8, '否', ''],
    [6, '杨庄村', 800, 760, 3, '否', ''],
  ],
  totals: ['', 8180, 7510],
};

/** No 机构编码; 覆盖行政村 names the villages served (东沟 and 西沟 built one together, C4). */
export const clinicSheet: SheetSpec = {
  title: '柳林镇村卫生室一览表',
  header: ['序号', '卫生室名称', '覆盖行政村', '房屋产权', '业务用房面积（㎡）', '是否医保定点', '负责人', '联系电话'],
  rows: [
    [1, '东沟村卫生室', '东沟村、西沟村', '公有', 85, '是', '赵德明', '13937100001'],
    [2, '南坡卫生室', '南坡', '公有', 60, '是', '孙丽', ''],
    [3, '北岭村卫生室', '北岭村', '集体', 110, '是', '周强', ''],
    [4, '杨庄村卫生室', '杨庄村', '租用', 45, '否', '', ''],
  ],
  totals: ['4个', '', '', 300],
};

type Doctor = { name: string; born: string; sex: 'M' | 'F'; cells: (id: string) => Cell[] };

const doctors: Doctor[] = [
  {
    name: '赵德明',
    born: '1968-03-12',
    sex: 'M',
    cells: (id) => [
      '赵德明',
      '男',
      id,
      '1968.03',
      '中专',
      '乡村医生执业证',
      'XC4108001',
      '东沟村卫生室',
      '负责人',
      '乡聘村用（编外）',
      '2024.1.1-2026.12.31',
      '13937100001',
    ],
  },
  {
    name: '钱晓燕',
    born: '1985-07-02',
    sex: 'F',
    cells: (id) => [
      '钱晓燕',
      '女',
      id,
      '1985.07',
      '大专',
      '执业助理医师',
      '2104108220001',
      '东沟卫生室',
      '村医',
      '乡聘村用(余编)',
      '2024年1月1日至2026年12月31日',
      '',
    ],
  },
  {
    name: '孙丽',
    born: '1979-11-23',
    sex: 'F',
    cells: (id) => [
      '孙丽',
      '女',
      id,
      '1979.11',
      '中专',
      '乡村医生执业证书',
      'XC4108002',
      '南坡村卫生室',
      '负责人',
      '乡聘村用（编外）',
      '2023.7.1-2026.6.30',
      '',
    ],
  },
  {
    name: '周强',
    born: '1962-05-08',
    sex: 'M',
    cells: (id) => ['周强', '男', id, '1962.05', '高中', '乡村医生执业证', 'XC4108003', '北岭村卫生室', '负责人', '个体', '', ''],
  },
  {
    name: '吴海',
    born: '1990-02-14',
    sex: 'M',
    cells: (id) => [
      '吴海',
      '男',
      id,
      '1990.02',
      '大专',
      '执业医师',
      '1104108220002',
      '北岭卫生室',
      '村医',
      '乡聘村用（编外）',
      '2025.3.1-2028.2.29',
      '',
    ],
  },
];

/** A valid 身份证号 of 光山县 (411522) for each doctor. */
export function doctorIds(): Record<string, string> {
  return Object.fromEntries(
    doctors.map((d, i) => {
      const first17 = `411522${d.born.replace(/-/g, '')}${String(600 + i * 2 + (d.sex === 'M' ? 1 : 0))}`;
      return [d.name, first17 + checkCharacter(first17)];
    }),
  );
}

export function rosterSheet(extraRows: Cell[][] = []): SheetSpec {
  const ids = doctorIds();
  return {
    title: '柳林镇乡村医生花名册',
    header: [
      '序号',
      '姓名',
      '性别',
      '身份证号码',
      '出生年月',
      '学历',
      '执业类别',
      '证书编号',
      '所在村卫生室',
      '职务',
      '聘用形式',
      '合同起止时间',
      '联系电话',
    ],
    rows: [...doctors.map((d, i) => [i + 1, ...d.cells(ids[d.name] ?? '')]), ...extraRows],
    totals: [`${doctors.length + extraRows.length}人`],
  };
}

/** A village ledger: 序号 and a description, no asset numbers; two identical chairs at 东沟. */
export const assetSheet: SheetSpec = {
  title: '柳林镇村卫生室固定资产登记表',
  header: ['序号', '资产名称', '规格型号', '数量', '原值（元）', '购置时间', '存放地点', '备注'],
  rows: [
    [1, '心电图机', 'ECG-300', 1, '12,800.00', '2021.06', '东沟村卫生室', ''],
    [2, '诊断床', '不锈钢', 1, 1600, '2021.06', '东沟村卫生室', ''],
    [3, '办公椅', '', 1, 260, '2022.03.15', '东沟卫生室', ''],
    [4, '办公椅', '', 1, 260, '2022.03.15', '东沟卫生室', ''],
    [5, '台式电脑', '联想启天M430', 1, 4300, '2023年5月', '北岭村卫生室', '公卫专用'],
    [6, '冰箱', '海尔BCD-216', 1, '2,199', '2020.10.1', '北岭村卫生室', ''],
    [7, '血压计', '鱼跃', 2, 398, '2024.4', '卫生院本部', '巡诊用'],
  ],
  merges: [[0, 1, 6]],
  totals: ['', '', '', 21717],
};

export interface ClerkFiles {
  villages: string;
  clinics: string;
  roster: string;
  assets: string;
}

export async function writeClerkTownship(dir: string): Promise<ClerkFiles> {
  return {
    villages: await write(path.join(dir, '柳林镇行政村.xlsx'), villageSheet),
    clinics: await write(path.join(dir, '柳林镇村卫生室.xlsx'), clinicSheet),
    roster: await write(path.join(dir, '柳林镇乡村医生花名册.xlsx'), rosterSheet()),
    assets: await write(path.join(dir, '柳林镇固定资产.xlsx'), assetSheet),
  };
}

export function writeSheet(file: string, spec: SheetSpec): Promise<string> {
  return write(file, spec);
}
