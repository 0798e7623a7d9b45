/**
 * A 乡村医生花名册 as a clerk keeps it, built in the test with exceljs's full writer: a merged
 * title, a 填报单位 line and a two-level header (group row above the column names), columns
 * in their own order with two the app does not know (年龄, 家庭住址), dates typed every way
 * (2019.05.01, 2019/5/1, 2019年5月1日, 201905, an Excel serial, a real date cell), a contract
 * period in one cell, ✓ and 是 for insurance, a blank row, a 合计 row and a signature line.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { checkCharacter } from '../../shared/rules/idCard';
import type { Cell } from './messy';

/** A valid 身份证号: a county code, the birth date, a sequence of the sex's parity, the check character. */
export function idFor(born: string, seq: number, sex: 'M' | 'F'): string {
  const serial = String(seq * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0');
  const first17 = `410823${born.replace(/-/g, '')}${serial}`;
  return first17 + checkCharacter(first17);
}

/** The same number with a wrong check character. */
export function badCheck(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, 17) + (last === '0' ? '1' : '0');
}

export const ROSTER_HEADER = [
  '序号',
  '身份证号码',
  '姓名',
  '工作单位',
  '性别',
  '出生年月',
  '年龄',
  '联系电话',
  '学历',
  '执业类别',
  '证书编号',
  '发证日期',
  '有效期至',
  '岗位/职务',
  '聘用形式',
  '编制',
  '合同起止',
  '养老保险',
  '工伤保险',
  '医疗责任险',
  '从事村医工作时间',
  '家庭住址',
  '备注',
];

/** Heading groups over the column names (row 3), as county sheets have them. */
const GROUPS: [string, number, number][] = [
  ['基本情况', 2, 9],
  ['执业资格', 10, 13],
  ['岗位与聘用', 14, 17],
  ['保险', 18, 20],
];

export const PEOPLE = {
  wang: idFor('1990-05-01', 1, 'F'),
  zhao: idFor('1985-11-20', 2, 'M'),
  sun: idFor('1978-02-14', 3, 'F'),
  ma: idFor('1992-08-08', 4, 'M'),
  badCheck: badCheck(idFor('1980-01-01', 5, 'M')),
  qian: idFor('1975-06-30', 6, 'M'),
  zhou: idFor('1988-03-03', 7, 'F'),
};

type Row = { row: number; cells: Cell[] };

/** Good rows: four new people (5, 6, 8, 9) and 李明 of the demo (7), whose phone changes. */
export function goodRosterRows(liMingId: string, certYear: string): Row[] {
  return [
    {
      row: 5,
      cells: [
        1,
        PEOPLE.wang,
        '王小丽',
        '郑店村卫生室',
        '女',
        '199005',
        36,
        '13900000001',
        '大专',
        '执业助理医师',
        'ZY2019001',
        '2019.05.01',
        '',
        '村医',
        '乡聘村用',
        '余编',
        '2023.06.01-2026.05.31',
        '是',
        '√',
        '否',
        '2019/5/1',
        '郑店村',
        '',
      ],
    },
    {
      row: 6,
      cells: [
        2,
        PEOPLE.zhao,
        '赵刚',
        '刘湾村第一卫生室',
        '男',
        '1985.11',
        41,
        '13900000002',
        '中专',
        '乡村医生',
        'XC2019002',
        '2019年5月1日',
        '2029年4月30日',
        '村医',
        '乡聘村用',
        '编外',
        '2023年6月1日至2026年5月31日',
        '√',
        '√',
        '√',
        201905,
        '',
        '',
      ],
    },
    // 李明 (demo): same certificate, same post: only the phone is new.
    {
      row: 7,
      cells: [
        3,
        liMingId,
        '李明',
        '李营村卫生室',
        '男',
        '',
        '',
        '13911112222',
        '',
        '乡村医生执业证书',
        `XC${certYear}0005`,
        43586,
        '',
        '村医',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    },
    {
      row: 8,
      cells: [
        4,
        PEOPLE.sun,
        '孙梅',
        '韩坪村卫生室',
        '女',
        new Date(Date.UTC(1978, 1, 14)),
        '',
        '',
        '大学本科',
        '执业医师',
        'ZY2008003',
        new Date(Date.UTC(2008, 6, 1)),
        '',
        '',
        '个体',
        '',
        '',
        '',
        '',
        '√',
        '2001.03.01',
        '',
        '个体执业',
      ],
    },
    {
      row: 9,
      cells: [
        5,
        PEOPLE.ma,
        '马骏',
        '吴岗村卫生室',
        '男',
        '',
        '',
        '',
        '大学专科',
        '执业助理医师',
        'ZY2020004',
        '2020.07.01',
        '',
        '村医',
        '派驻',
        '',
        '2026.01.01-2026.12.31',
        '是',
        '是',
        '是',
        '',
        '',
        '卫生院派驻',
      ],
    },
  ];
}

/** Bad rows: a wrong check character (10), a 性别 the 身份证号 contradicts (11), an unknown clinic (13). */
export const badRosterRows: Row[] = [
  {
    row: 10,
    cells: [6, PEOPLE.badCheck, '错号码', '张庄村卫生室', '男', '', '', '', '', '', '', '', '', '村医', '', '', '', '', '', '', '', '', ''],
  },
  {
    row: 11,
    cells: [
      7,
      PEOPLE.qian,
      '钱进',
      '张庄村卫生室',
      '女',
      '',
      '',
      '',
      '',
      '乡村医生',
      'XC2019007',
      '2019.05.01',
      '',
      '村医',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  },
  {
    row: 13,
    cells: [
      8,
      PEOPLE.zhou,
      '周燕',
      '幸福村卫生室',
      '女',
      '198803',
      '',
      '',
      '中专',
      '乡村医生',
      'XC2019008',
      '2019.05.01',
      '',
      '村医',
      '乡聘村用',
      '',
      '2023.06.01-2026.05.31',
      '是',
      '是',
      '是',
      '',
      '',
      '',
    ],
  },
];

export async function writeRoster(
  file: string,
  header: readonly string[],
  rows: readonly Row[],
  opts: { groups?: boolean; footer?: boolean } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getCell(1, 1).value = '河阳镇乡村医生花名册';
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(2, 1).value = '填报单位：河阳镇中心卫生院';
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, 9).value = '填报日期：2026年3月5日';
  const headerRow = opts.groups === false ? 3 : 4;
  if (opts.groups !== false) {
    for (const [title, from, to] of GROUPS) {
      ws.getCell(3, from).value = title;
      ws.mergeCells(3, from, 3, to);
    }
  }
  ws.getRow(headerRow).values = [...header];
  let last = headerRow;
  for (const r of rows) {
    ws.getRow(r.row).values = r.cells;
    last = Math.max(last, r.row);
  }
  if (opts.footer !== false) {
    ws.getRow(last + 1).values = ['合计', '', rows.length];
    ws.getRow(last + 3).values = ['填报人：刘晓梅        审核人：王建华'];
  }
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export function messyRoster(file: string, liMingId: string, certYear: string, withBadRows = true): Promise<string> {
  return writeRoster(
    file,
    ROSTER_HEADER,
    withBadRows ? [...goodRosterRows(liMingId, certYear), ...badRosterRows] : goodRosterRows(liMingId, certYear),
  );
}
