/**
 * The default 考核细则 shipped as data (resources/supervision/default-template.json), built from
 * the duties in DOMAIN.md — presence S10, training S9, meetings S13, drugs D1/D2/D3/D5/D7/D9,
 * assets A3, records, public health, residents' satisfaction P3 — with base 100, a bonus group
 * capped at 10 and three veto items; each item names the rule it comes from. It is bundled into
 * the main process at build time (a JSON import): resources/ is not among electron-builder's
 * `files`, so reading it from disk at run time would fail in the installed app.
 *
 * Loaded as version 1, effective from 2000-01 (so every month has a version in force until
 * the county's own is imported), by the demo and by the 考核细则 page's 载入默认细则 when no
 * template exists yet; `ensureDefaultTemplate` is the call for anything that needs a template.
 */
import { z } from 'zod';
import raw from '../../../../resources/supervision/default-template.json';
import type { TemplateGroupIn } from '../../../../shared/schemas/supervision';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { toTenths } from './points';
import { insertTemplate } from './store';
import { groupSums } from './sums';

const points = z.number().transform((v, c) => {
  const t = toTenths(v);
  if (typeof t === 'string') {
    c.addIssue({ code: 'custom', message: t });
    return z.NEVER;
  }
  return t;
});

const fileSchema = z.object({
  name: z.string().min(1),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}$/),
  note: z.string(),
  groups: z.array(
    z.object({
      content: z.string().min(1),
      points: points.optional(),
      bonus: z.boolean().optional(),
      bonusPoints: points.optional(),
      items: z.array(
        z.object({
          content: z.string().min(1),
          points: points.optional(),
          veto: z.boolean().optional(),
          method: z.string(),
          standard: z.string(),
          rule: z.string(),
        }),
      ),
    }),
  ),
});

export interface DefaultTemplate {
  name: string;
  effectiveFrom: string;
  note: string;
  groups: TemplateGroupIn[];
  baseTenths: number;
  bonusCapTenths: number;
}

export function defaultTemplate(): DefaultTemplate {
  const f = fileSchema.parse(raw);
  const groups: TemplateGroupIn[] = f.groups.map((g) => ({
    seq: '',
    content: g.content,
    statedTenths: g.points ?? null,
    statedBonusTenths: g.bonusPoints ?? null,
    isBonus: g.bonus === true,
    items: g.items.map((i) => ({
      seq: '',
      content: i.content,
      maxTenths: i.veto ? 0 : (i.points ?? 0),
      isBonus: g.bonus === true,
      isVeto: i.veto === true,
      method: i.method,
      standard: i.standard,
      ruleRef: i.rule,
    })),
  }));
  const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  groups.forEach((g, gi) => {
    g.seq = chinese[gi] ?? String(gi + 1);
    g.items.forEach((i, ii) => (i.seq = String(ii + 1)));
  });
  const base = groups.reduce((s, g) => s + groupSums(g).base, 0);
  const cap = groups.reduce((s, g) => s + (g.statedBonusTenths ?? 0), 0);
  return { name: f.name, effectiveFrom: f.effectiveFrom, note: f.note, groups, baseTenths: base, bonusCapTenths: cap };
}

/** Loads the default as the next version when no template exists; returns the id of the first version either way. Inside a transaction. */
export function ensureDefaultTemplate(ctx: ServiceContext): number {
  const first = ctx.db.prepare('SELECT id FROM supervision_templates ORDER BY version LIMIT 1').get() as { id: number } | undefined;
  if (first) return first.id;
  const t = defaultTemplate();
  const id = insertTemplate(
    ctx,
    {
      name: t.name,
      source: '程序内置',
      effectiveFrom: t.effectiveFrom,
      baseTenths: t.baseTenths,
      bonusCapTenths: t.bonusCapTenths,
      note: t.note,
    },
    t.groups,
  );
  audit(ctx, {
    action: 'create',
    entity: 'supervision_template',
    entityId: id,
    summary: `载入默认考核细则“${t.name}”（${t.effectiveFrom} 起适用）`,
  });
  return id;
}
