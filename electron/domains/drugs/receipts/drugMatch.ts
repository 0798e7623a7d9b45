/**
 * Which catalog drug a receipt row means: by platform code, or by name and spec written as the
 * supplier's note writes them. Names compare after normalising width, brackets, spaces and
 * case; specs compare as the set of their quantity tokens, units unified (0.25克×24粒/盒 =
 * 0.25g*24粒). Never by similarity: a name that is not the catalog's generic or trade name is
 * not found, and a name and spec that fit several drugs (two makers) is an error listing them,
 * so the clerk adds the platform code or the maker.
 */
import { normalizeText } from '../../../../shared/text';
import type { Db } from '../../../db/open';

interface CatalogDrug {
  id: number;
  code: string;
  name: string;
  trade: string;
  spec: string;
  maker: string;
}

const UNITS: [RegExp, string][] = [
  [/毫克/g, 'mg'],
  [/微克/g, 'μg'],
  [/ug/g, 'μg'],
  [/毫升/g, 'ml'],
  [/克/g, 'g'],
  [/万单位/g, '万u'],
  [/单位/g, 'u'],
  [/iu/g, 'u'],
];

/** The quantity tokens of a spec, sorted: `0.25g×24粒/盒` → `0.25g|24粒`. */
export function specKey(spec: string): string {
  let s = normalizeText(spec);
  for (const [re, to] of UNITS) s = s.replace(re, to);
  const tokens = s.match(/\d+(?:\.\d+)?[a-zμ%\u4e00-\u9fff]*/g) ?? [];
  return tokens
    .map((t) => t.replace(/^(\d+)\.0+(?=\D|$)/, '$1'))
    .sort()
    .join('|');
}

function catalog(db: Db, memo: Map<string, unknown>): CatalogDrug[] {
  const cached = memo.get('receipts:catalog');
  if (Array.isArray(cached)) return cached as CatalogDrug[];
  const rows = db
    .prepare(
      `SELECT id, coalesce(platform_code, '') AS code, generic_name AS name, trade_name AS trade, spec, maker FROM drugs WHERE active = 1`,
    )
    .all() as CatalogDrug[];
  memo.set('receipts:catalog', rows);
  return rows;
}

const describe = (d: CatalogDrug) => `${d.code || '无编码'} ${d.name} ${d.spec}${d.maker ? `（${d.maker}）` : ''}`;

export type DrugMatch = { ok: true; id: number } | { ok: false; key: 'platformCode' | 'drugName' | 'spec' | 'maker'; message: string };

export function matchDrug(
  db: Db,
  memo: Map<string, unknown>,
  w: { code?: string; name?: string; spec?: string; maker?: string },
): DrugMatch {
  const all = catalog(db, memo);
  const name = w.name ? normalizeText(w.name) : '';
  if (w.code) {
    const code = w.code.replace(/\s+/g, '');
    const d = all.find((x) => x.code === code);
    if (!d) return { ok: false, key: 'platformCode', message: `平台编码“${code}”不在药品目录中，请先导入省平台目录或核对编码` };
    if (name && normalizeText(d.name) !== name && normalizeText(d.trade) !== name) {
      return { ok: false, key: 'drugName', message: `平台编码 ${code} 是“${d.name}”，与药品名称“${w.name}”不符，请核对` };
    }
    return { ok: true, id: d.id };
  }
  if (!name) return { ok: false, key: 'drugName', message: '请填写药品名称（或平台编码）' };
  let found = all.filter((x) => normalizeText(x.name) === name || (x.trade !== '' && normalizeText(x.trade) === name));
  if (found.length === 0) {
    return { ok: false, key: 'drugName', message: `药品目录中没有“${w.name}”（按通用名或商品名查找），请核对名称或填写平台编码` };
  }
  if (w.spec) {
    const key = specKey(w.spec);
    const bySpec = found.filter((x) => specKey(x.spec) === key);
    if (bySpec.length === 0) {
      const specs = [...new Set(found.map((x) => x.spec || '（未填规格）'))].join('、');
      return { ok: false, key: 'spec', message: `目录中“${w.name}”的规格有 ${specs}，没有“${w.spec}”，请核对规格` };
    }
    found = bySpec;
  }
  if (found.length > 1 && w.maker) {
    const maker = normalizeText(w.maker);
    const byMaker = found.filter(
      (x) => normalizeText(x.maker).includes(maker) || (x.maker !== '' && maker.includes(normalizeText(x.maker))),
    );
    if (byMaker.length > 0) found = byMaker;
  }
  const only = found[0];
  if (found.length === 1 && only) return { ok: true, id: only.id };
  return {
    ok: false,
    key: w.spec ? 'spec' : 'drugName',
    message: `“${w.name}${w.spec ? ` ${w.spec}` : ''}”在目录中有 ${found.length} 种：${found.slice(0, 6).map(describe).join('；')}${found.length > 6 ? ' …' : ''}。请填写平台编码${w.spec ? '或生产企业' : '或规格'}以区分`,
  };
}
