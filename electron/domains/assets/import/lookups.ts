/**
 * Names in an asset ledger row → records: the holder (a clinic by name or code, or the center
 * itself), a clinic named inside a 存放地点 such as “张庄村卫生室药房”, and the custodian by
 * name. The command line's --clinic uses findHolder too. Read with the import's cached
 * statements; the clinic list is read once per plan (memo).
 */
import { CENTER_HOLDER } from '../../../../shared/schemas/assets';
import type { Db } from '../../../db/open';
import { readSettings } from '../../settings/service';
import { stmt } from '../../../db/stmt';
import { allClinics, lookupClinic, type ClinicRef } from '../../clinics/lookup';

export type HolderMatch = { ok: true; id: number | null; name: string; open: boolean } | { ok: false; message: string };

/** Words that mean the center itself (卫生院本部) rather than a clinic. */
const CENTER_WORDS = new Set(['卫生院', '本部', '院本部', '卫生院本部', '中心卫生院', '乡镇卫生院', '本院', '院部']);

function centerName(db: Db, memo?: Map<string, unknown>): string {
  const cached = memo?.get('asset:centerName');
  if (typeof cached === 'string') return cached;
  const name = readSettings(db).centerName.replace(/\s+/g, '');
  memo?.set('asset:centerName', name);
  return name;
}

/** The short forms a clerk writes for 张庄村卫生室: 张庄村, 张庄卫生室, 张庄. */
function shortForms(name: string): string[] {
  const stem = name.replace(/(村)?卫生室$/, '');
  return [...new Set([name, `${stem}村卫生室`, `${stem}卫生室`, `${stem}村`, stem])].filter((s) => s.length >= 2);
}

function matched(c: ClinicRef): HolderMatch {
  return { ok: true, id: c.id, name: c.name, open: c.status === 'open' };
}

const center = (): HolderMatch => ({ ok: true, id: null, name: CENTER_HOLDER, open: true });

/** The holder a cell names: a clinic by its name (or a short form) or code, or the center. */
export function findHolder(db: Db, written: string, memo?: Map<string, unknown>): HolderMatch {
  const text = written.replace(/\s+/g, '');
  if (CENTER_WORDS.has(text) || text === centerName(db, memo)) return center();
  const found = lookupClinic(db, text, memo);
  if (found.ok) return matched(found.clinic);
  if (found.candidates.length > 1)
    return {
      ok: false,
      message: `“${written}”可能是 ${found.candidates.map((c) => `“${c.name}”`).join('、')}，请写出卫生室的全称或机构编码`,
    };
  return {
    ok: false,
    message: `没有名为“${written}”的村卫生室，请核对名称（卫生院本部的资产写“卫生院本部”），或先在“村卫生室”中新增或导入该卫生室`,
  };
}

/**
 * The clinic a 存放地点 names, if any: the longest clinic name (or 张庄村 / 张庄卫生室) found
 * in the text; the center when the text says 卫生院 and names no clinic; undefined otherwise.
 */
export function holderInText(db: Db, text: string, memo?: Map<string, unknown>): HolderMatch | undefined {
  const t = text.replace(/\s+/g, '');
  let best: { c: ClinicRef; len: number } | undefined;
  let tie = false;
  for (const c of allClinics(db, memo)) {
    const len = Math.max(
      0,
      ...shortForms(c.name)
        .filter((f) => f !== c.name.replace(/(村)?卫生室$/, '') && t.includes(f))
        .map((f) => f.length),
    );
    if (len === 0) continue;
    if (!best || len > best.len) [best, tie] = [{ c, len }, false];
    else if (len === best.len && best.c.name !== c.name) tie = true;
  }
  if (best && !tie) return matched(best.c);
  if (!best && (t.includes('卫生院') || t === '本部')) return center();
  return undefined;
}

export type PersonMatch = { ok: true; id: number; active: boolean } | { ok: false; message: string };

/** A custodian by name: exactly one person of that name, or a reason. */
export function findPerson(db: Db, written: string): PersonMatch {
  const name = written.replace(/\s+/g, '');
  const found = stmt(db, 'SELECT id, status FROM people WHERE name = ? ORDER BY id').all(name) as { id: number; status: string }[];
  const [first] = found;
  if (!first)
    return {
      ok: false,
      message: `人员档案中没有“${written}”，请核对姓名，或先在“人员档案”中登记此人（也可清空此格，导入后再在资产卡片上选择保管人）`,
    };
  if (found.length > 1)
    return {
      ok: false,
      message: `人员档案中有 ${found.length} 人名叫“${written}”，无法确定是哪一位；请清空此格，导入后在资产卡片上选择保管人`,
    };
  return { ok: true, id: first.id, active: first.status === 'active' };
}
