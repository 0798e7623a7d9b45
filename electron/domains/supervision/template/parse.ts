/**
 * A county's 考核细则 sheet → the template tree (P6), pure: no database. The sheet as counties
 * write it: title rows, a header (序号, 考核项目, 考核内容, 分值, 考核方法, 评分标准 — found by the
 * import engine's header scoring, so 项目 / 内容 / 标准分 / 扣分标准 work too), then rows whose
 * 考核项目 cell is merged down over its items (the reader repeats a merged cell's value in
 * every row it covers, so a group is a run of the same text). Points come from the 分值 column,
 * or — sheets without one — from the end of the texts: the group's in its merged cell
 * (组织领导、计划总结和项目公示（7分）), the item's at the end of its content (…（2分）). Bonus
 * points written beside (（12分，7分奖分）, （2分，为奖励分）) are kept apart from the base.
 * A totals row (合计/总计/总分), a 综合得分 line, a 注 line and signature lines are not items.
 *
 * What does not add up (items against their group's stated points, groups against the stated
 * total) is a warning naming the group and both figures; a row that cannot be read (an item
 * without points, a number with two decimals) is an error naming the row.
 */
import { AppError } from '../../../db/errors';
import { findHeader, type GridRow } from '../../../excel/import/headers';
import type { SheetGrid } from '../../../excel/import/read';
import type { FieldDef } from '../../../excel/import/types';
import { cleanText } from '../../../../shared/text';
import type { TemplateGroupIn, TemplateItemIn } from '../../../../shared/schemas/supervision';
import { normaliseToken, pointsText, readPoints, trailingPoints, type Points } from './points';
import { checkSums } from './sums';

export const templateFields: readonly FieldDef[] = [
  { key: 'group', label: '考核项目', synonyms: ['项目', '考核指标', '一级指标', '考核类别', '指标'], type: 'text' },
  {
    key: 'content',
    label: '考核内容',
    synonyms: ['内容', '考核要点', '二级指标', '考核标准内容', '工作内容', '考核细则'],
    type: 'text',
    requiredColumn: true,
  },
  { key: 'points', label: '分值', synonyms: ['分数', '标准分', '满分', '标准分值', '权重分'], type: 'text' },
  { key: 'method', label: '考核方法', synonyms: ['考核办法', '检查方法', '考评方法', '考核方式'], type: 'text' },
  { key: 'standard', label: '评分标准', synonyms: ['扣分标准', '评分细则', '计分方法', '评分办法', '考核评分标准'], type: 'text' },
];

export interface ParsedTemplate {
  sheetName: string;
  headerRow: number;
  title: string;
  groups: TemplateGroupIn[];
  baseTenths: number;
  bonusTenths: number;
  /** The totals row's figure (or the title's 满分), null when the sheet states none. */
  statedTotalTenths: number | null;
  warnings: string[];
  errors: { row: number; message: string }[];
  /** The 注 lines below the items, kept as the template's note. */
  notes: string[];
}

const text = (v: unknown): string =>
  v === undefined || v === null ? '' : cleanText(v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

const TOTAL = /^(合计|总计|总分|满分|基础分合计|分值合计)/;
const SCORE_LINE = /^(综合得分|得分合计|最后得分|实际得分|考核得分|总得分)/;
const NOTE = /^(注|说明|备注)(\d|[:：.、])/;
const SIGNATURE = /^(考核人|督导人|检查人|考核组|被考核|村卫生室负责人|负责人签|签字|日期|考核日期|填表|填报人|审核人|单位负责人)/;

function pointsError(row: number, what: string, message: string) {
  return { row, message: `第 ${row} 行：${what}${message}` };
}

export function parseTemplateGrid(grid: SheetGrid): ParsedTemplate {
  const header = findHeader(grid.rows, templateFields, '考核细则');
  const col = new Map(header.columns.map((c) => [c.field, c.index]));
  const headerCells = grid.rows.find((r) => r.number === header.row)?.cells ?? [];
  const seqIndex = headerCells.findIndex((c) => /^(序号|编号|no\.?)$/i.test(normaliseToken(text(c))));
  const at = (r: GridRow, key: string): string => {
    const i = key === 'seq' ? seqIndex : col.get(key);
    return i === undefined || i < 0 ? '' : text(r.cells[i]);
  };
  const above = grid.rows.filter((r) => r.number < header.row).map((r) => r.cells.map(text).find((t) => t !== '') ?? '');
  const title = above.find((t) => /细则|考核|评分|标准/.test(t)) ?? above[0] ?? '';
  const out: ParsedTemplate = {
    sheetName: grid.sheetName,
    headerRow: header.row,
    title,
    groups: [],
    baseTenths: 0,
    bonusTenths: 0,
    statedTotalTenths: null,
    warnings: [],
    errors: [],
    notes: [],
  };
  const hasPointsColumn = col.has('points');
  let group: (TemplateGroupIn & { rawName: string }) | undefined;
  let last: { item: TemplateItemIn; rawContent: string; rawPoints: string; group: TemplateGroupIn } | undefined;
  let footer = false;

  for (const r of grid.rows) {
    if (r.number <= header.row) continue;
    const texts = [...new Set(r.cells.map(text).filter((t) => t !== ''))];
    if (texts.length === 0) continue;
    const first = normaliseToken(texts[0] ?? '');
    if (NOTE.test(first) || (footer && !TOTAL.test(first))) {
      out.notes.push(texts.join(' '));
      footer = true;
      continue;
    }
    if (SIGNATURE.test(first)) {
      footer = true;
      continue;
    }
    if (SCORE_LINE.test(first)) continue;
    if (TOTAL.test(first)) {
      const stated = texts.map((t) => readPoints(t)).find((p): p is Points => p !== null && typeof p !== 'string');
      if (stated) out.statedTotalTenths = stated.baseTenths + stated.bonusTenths;
      continue;
    }
    const rawGroup = at(r, 'group');
    const rawContent = at(r, 'content');
    const rawPoints = at(r, 'points');
    // A group row: one text merged across the row (一、组织管理（10分）) or over 序号 and 考核内容, or a 考核项目 with no content of its own.
    const filled = r.cells.filter((c) => text(c) !== '').length;
    const across = texts.length === 1 && filled > 1 ? (texts[0] ?? '') : '';
    const seq = at(r, 'seq');
    if (across !== '' || rawContent === '' || (rawGroup !== '' && rawContent === rawGroup) || (seq !== '' && rawContent === seq)) {
      const lone = texts.length === 1 ? r.cells.findIndex((c) => text(c) !== '') : -1;
      if (across === '' && rawGroup === '' && last && (lone === col.get('standard') || lone === col.get('method'))) {
        // A 评分标准 or 考核方法 going on below its item's row (content not merged down): the same item.
        const key = lone === col.get('standard') ? 'standard' : 'method';
        last.item[key] = `${last.item[key]}\n${texts[0] ?? ''}`.trim();
        continue;
      }
      const name = rawGroup || across || (seq === rawContent ? seq : '') || texts.find((t) => t !== seq && t !== rawPoints) || '';
      if (name !== '' && name !== group?.rawName) group = openGroup(out, name, r.number, seq === name ? '' : seq);
      if (group && across === '' && rawPoints !== '') statePoints(group, rawPoints);
      continue;
    }
    if (rawGroup !== '' && rawGroup !== group?.rawName) group = openGroup(out, rawGroup, r.number, '');
    const current = group ?? openGroup(out, '（未分组）', r.number, '');
    // A content merged down over rows (its points merged too) is one item: later rows add their standards.
    if (last && last.group === current && last.rawContent === rawContent && last.rawPoints === rawPoints) {
      const std = at(r, 'standard');
      if (std !== '' && !last.item.standard.includes(std)) last.item.standard = `${last.item.standard}\n${std}`.trim();
      continue;
    }
    const item = readItem(r, rawContent, rawPoints, hasPointsColumn, current, at, out);
    if (!item) continue;
    current.items.push(item);
    last = { item, rawContent, rawPoints, group: current };
  }
  if (out.groups.every((g) => g.items.length === 0)) {
    throw new AppError('VALIDATION', `工作表“${grid.sheetName}”第 ${header.row} 行表头以下没有读到任何考核内容，请检查是否选错了文件`);
  }
  out.groups = out.groups.filter((g) => g.items.length > 0);
  checkSums(out);
  return out;
}

function openGroup(out: ParsedTemplate, raw: string, row: number, seq: string): TemplateGroupIn & { rawName: string } {
  const { text: name, points } = trailingPoints(raw);
  if (typeof points === 'string') out.errors.push(pointsError(row, `考核项目“${raw}”：`, points));
  const p = points !== null && typeof points !== 'string' ? points : null;
  const g = {
    rawName: raw,
    seq: seq || (/^([一二三四五六七八九十]+)[、.．]/.exec(name)?.[1] ?? ''),
    content: name.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '').trim() || raw,
    statedTenths: p && (p.baseTenths > 0 || p.bonusTenths === 0) ? p.baseTenths : null,
    statedBonusTenths: p && p.bonusTenths > 0 ? p.bonusTenths : null,
    isBonus: /奖励|加分/.test(name),
    items: [] as TemplateItemIn[],
  };
  if (g.isBonus && p && p.baseTenths > 0 && p.bonusTenths === 0) {
    g.statedBonusTenths = p.baseTenths;
    g.statedTenths = null;
  }
  out.groups.push(g);
  return g;
}

/** A group row's points written in the 分值 column (the group's own cell states none): its stated points. */
function statePoints(g: TemplateGroupIn, raw: string): void {
  const p = readPoints(raw);
  if (p === null || typeof p === 'string' || p.veto || g.statedTenths !== null || g.statedBonusTenths !== null) return;
  if (g.isBonus && p.bonusTenths === 0) g.statedBonusTenths = p.baseTenths;
  else {
    g.statedTenths = p.baseTenths > 0 || p.bonusTenths === 0 ? p.baseTenths : null;
    g.statedBonusTenths = p.bonusTenths > 0 ? p.bonusTenths : null;
  }
}

function readItem(
  r: GridRow,
  rawContent: string,
  rawPoints: string,
  hasPointsColumn: boolean,
  group: TemplateGroupIn,
  at: (r: GridRow, key: string) => string,
  out: ParsedTemplate,
): TemplateItemIn | undefined {
  const trailing = trailingPoints(rawContent);
  let points: Points | null | string = null;
  let content = rawContent;
  if (hasPointsColumn && rawPoints !== '') {
    points = readPoints(rawPoints);
    if (points === null) points = `“分值”列的“${rawPoints}”不是分数（应写数字，如 2 或 0.5，一票否决项写“一票否决”）`;
  } else if (typeof trailing.points !== 'string' && trailing.points !== null) {
    points = trailing.points;
    content = trailing.text;
  } else if (typeof trailing.points === 'string') points = trailing.points;
  const what = `“${rawContent.slice(0, 30)}”`;
  if (points === null) {
    const where = hasPointsColumn ? '“分值”列为空，内容末尾也没有写“（N分）”' : '内容末尾没有写“（N分）”，表中也没有“分值”列';
    out.errors.push(pointsError(r.number, what, `没有分值（${where}）。请补上分值，或标明“一票否决”`));
    return undefined;
  }
  if (typeof points === 'string') {
    out.errors.push(pointsError(r.number, `${what}：`, points));
    return undefined;
  }
  const bonus = group.isBonus || (points.bonusTenths > 0 && points.baseTenths === 0);
  if (!points.veto && points.baseTenths > 0 && points.bonusTenths > 0) {
    out.warnings.push(
      `第 ${r.number} 行${what}同时写了基础分 ${pointsText(points.baseTenths)}和奖励分 ${pointsText(points.bonusTenths)}：按一项基础分 ${pointsText(points.baseTenths)}载入，奖励分未计入`,
    );
  }
  return {
    seq: at(r, 'seq'),
    content,
    maxTenths: points.veto ? 0 : bonus ? points.bonusTenths + points.baseTenths : points.baseTenths,
    isBonus: bonus && !points.veto,
    isVeto: points.veto,
    method: at(r, 'method'),
    standard: at(r, 'standard'),
    ruleRef: '',
  };
}
