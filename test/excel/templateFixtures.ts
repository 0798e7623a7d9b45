/**
 * 考核细则 workbooks as counties write them, made with exceljs the way a clerk lays them out:
 * a merged title, a 考核单位 line, the header, 考核项目 merged down over its items, a totals row,
 * 注 and signature lines below. Two layouts: with a 分值 column (a veto item writes 一票否决
 * there), and without one (points in the merged group cell and at the ends of item texts,
 * bonus written beside them, full-width and half-width brackets mixed).
 */
import ExcelJS from 'exceljs';

type Row = (string | number | null)[];

async function write(file: string, sheetName: string, title: string, header: string[], rows: Row[], merges: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  const last = String.fromCharCode(64 + header.length);
  ws.addRow([title]);
  ws.mergeCells(`A1:${last}1`);
  ws.addRow(['考核单位：                    考核日期：    年  月  日']);
  ws.mergeCells(`A2:${last}2`);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  ws.getColumn(3).width = 50;
  await wb.xlsx.writeFile(file);
  return file;
}

/** (1) With a 分值 column: 序号 per item, groups merged, a veto item, a totals row, a signature line. */
export function withPointsColumn(file: string): Promise<string> {
  const header = ['序号', '考核项目', '考核内容', '分值', '考核方法', '评分标准'];
  const rows: Row[] = [
    [1, '一、人员管理', '按时在岗，有考勤登记', 5, '现场查看', '无人在岗扣5分'],
    [2, '一、人员管理', '参加卫生院例会', 5, '查签到表', '缺席一次扣2分'],
    [3, '一、人员管理', '参加培训进修', 10, '查培训记录', '未参加扣5分'],
    [4, '二、药品管理', '零差率销售', 10, '抽查处方', '加价一种扣1分'],
    [5, '二、药品管理', '无过期药品', 20, '检查药架', '每种扣2分'],
    [6, '三、公共卫生', '健康档案规范', 25, '抽查档案', '每份扣0.5分'],
    [7, '三、公共卫生', '慢病随访', 24.5, '电话核实', '每例扣0.5分'],
    [8, '三、公共卫生', '健康教育', 0.5, '查看宣传栏', '未更新扣0.5分'],
    [9, '四、一票否决', '发生重大医疗事故', '一票否决', '查阅记录', '当月0分'],
    ['合计', null, null, 100, null, null],
    ['考核人：', null, '被考核单位负责人：', null, null, null],
  ];
  return write(file, '考核细则', 'XX县村卫生室绩效考核细则（2026年版）', header, rows, ['B4:B6', 'B7:B8', 'B9:B11', 'A13:C13']);
}

/**
 * (2) No 分值 column: base 7 + 12 + 81 = 100, bonus 7 (beside a group's points) + 8 (a bonus
 * group) = 15, total 115; a 综合得分 line and a 注 line below the items.
 */
export function withoutPointsColumn(file: string): Promise<string> {
  const header = ['序号', '考核项目', '考核内容', '考核方法', '评分标准'];
  const g1 = '组织领导、计划总结和项目公示（7分）';
  const g2 = '基本医疗服务（12分，7分奖分）';
  const g3 = '公共卫生服务(81分)';
  const g4 = '加分项目（8分）';
  const rows: Row[] = [
    ['一', g1, '成立领导小组，职责明确（2分）', '查阅文件', '无文件扣2分'],
    ['一', g1, '有年度工作计划和总结(3分)', '查阅资料', '缺一项扣1.5分'],
    ['一', g1, '服务项目、收费标准公示（ 2 分 ）', '现场查看', '未公示扣2分'],
    ['二', g2, '门诊日志登记规范（6分）', '抽查日志', '每例扣0.5分'],
    ['二', g2, '处方书写规范（6分）', '抽查处方', '每张扣0.5分'],
    ['二', g2, '开展中医药适宜技术服务（4分，为奖励分）', '查阅记录', '4项以上得4分'],
    ['二', g2, '家庭医生签约履约良好（3分,为奖励分）', '电话核实', '满意率90%以上得3分'],
    ['三', g3, '居民健康档案（40分）', '抽查档案', '每份扣1分'],
    ['三', g3, '高血压、糖尿病患者管理（41分）', '抽查随访', '每例扣1分'],
    ['四', g4, '获县级及以上表彰（8分）', '查阅文件', '县级5分，市级8分'],
    ['总分（115分）', null, null, null, null],
    ['综合得分=基础分+奖励分', null, null, null, null],
    ['注：1.奖励分最高15分，计入综合得分；2.考核结果与村医补助挂钩。', null, null, null, null],
  ];
  return write(file, 'Sheet1', '村卫生室绩效考核评分细则', header, rows, [
    'A4:A6',
    'B4:B6',
    'A7:A10',
    'B7:B10',
    'A11:A12',
    'B11:B12',
    'A14:E14',
    'A15:E15',
    'A16:E16',
  ]);
}

/** (3) Points that do not add up — 药品管理 states 10 and its items give 8, the total states 100 and the items 98 — and, with `badRow`, an item without points. */
export function notAddingUp(file: string, badRow: boolean): Promise<string> {
  const header = ['考核项目', '考核内容', '分值', '考核方法', '评分标准'];
  const rows: Row[] = [
    ['人员管理（20分）', '按时在岗', 10, '现场查看', ''],
    ['人员管理（20分）', '参加例会', 10, '查签到表', ''],
    ['药品管理（10分）', '零差率销售', 4, '抽查处方', ''],
    ['药品管理（10分）', '无过期药品', 4, '检查药架', ''],
    ['公共卫生（70分）', '健康档案', 35, '', ''],
    ['公共卫生（70分）', '慢病管理', 35, '', ''],
    ...(badRow ? ([['公共卫生（70分）', '健康教育宣传', null, '', '']] as Row[]) : []),
    ['合计', null, 100, null, null],
  ];
  const merges = badRow ? ['A4:A5', 'A6:A7', 'A8:A10'] : ['A4:A5', 'A6:A7', 'A8:A9'];
  return write(file, '考核细则', '考核细则（试行）', header, rows, merges);
}

/**
 * (4) No 考核项目 column: each group is its own row — merged across the sheet with its points at
 * the end (一、组织管理（10分）), or merged over 序号 and 考核内容 with its points in the 分值 column —
 * and a 评分标准 running on into the row below its item.
 */
export function groupRows(file: string): Promise<string> {
  const header = ['序号', '考核内容', '分值', '考核方法', '评分标准'];
  const rows: Row[] = [
    ['一、组织管理（10分）', null, null, null, null],
    [1, '有领导小组', 4, '查阅文件', '无扣4分'],
    [2, '有年度计划', 6, '查阅资料', '无计划扣6分'],
    [null, null, null, null, '计划不全扣3分'],
    ['二、医疗服务', null, 20, null, null],
    [3, '处方规范', 10, '抽查处方', '每张扣1分'],
    [4, '门诊日志', 10, '抽查日志', '每例扣1分'],
    ['三、一票否决', null, null, null, null],
    [5, '发生医疗事故', '一票否决', '查阅记录', '当月0分'],
    ['合计', null, 30, null, null],
  ];
  return write(file, '考核细则', '考核细则', header, rows, ['A4:E4', 'A8:B8', 'A11:E11']);
}
