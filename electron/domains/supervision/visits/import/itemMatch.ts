/**
 * P6 import: the template item a score row names — by 序号 as the template writes it (3, 3.、
 * （三）, full-width digits all read alike) or by its content on normalised tokens (spaces,
 * punctuation and the points written at the end （2分） dropped): equal first, then the one
 * item whose content contains the text or is contained in it. Never by similarity.
 */
import type { TemplateItem } from '../../../../../shared/schemas/visits';

function normaliseSeq(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s.、．()（）]/g, '')
    .trim();
}

function tokens(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[(（][^)）]*分[^)）]*[)）]\s*$/, '')
    .replace(/[\s,，。.、;；:：()（）“”"'‘’\-—_]/g, '')
    .toLowerCase();
}

export type ItemMatch = { ok: true; item: TemplateItem } | { ok: false; message: string };

export function matchItem(items: readonly TemplateItem[], seq: string | undefined, content: string | undefined): ItemMatch {
  if (seq) {
    const want = normaliseSeq(seq);
    const found = items.filter((i) => normaliseSeq(i.seq) === want);
    if (found.length === 1 && found[0]) return { ok: true, item: found[0] };
    if (found.length > 1) return { ok: false, message: `序号“${seq}”在考核细则中出现 ${found.length} 次，请改用考核内容` };
    if (!content) return { ok: false, message: `考核细则中没有序号为“${seq}”的项目` };
  }
  if (!content) return { ok: false, message: '请填写项目序号或考核内容' };
  const want = tokens(content);
  const equal = items.filter((i) => tokens(i.content) === want);
  if (equal.length === 1 && equal[0]) return { ok: true, item: equal[0] };
  const near = items.filter((i) => {
    const t = tokens(i.content);
    return want.length >= 4 && (t.includes(want) || want.includes(t));
  });
  if (near.length === 1 && near[0]) return { ok: true, item: near[0] };
  if (near.length > 1)
    return { ok: false, message: `考核内容“${content}”可能是 ${near.map((i) => `第 ${i.seq} 项`).join('、')}，请写出序号或完整内容` };
  return { ok: false, message: `考核细则中没有“${content}”这一项，请核对考核内容或写出序号` };
}
