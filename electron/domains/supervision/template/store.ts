/**
 * Template versions in the database (P6): storing a tree as a new version, the versions list,
 * one version's tree with its group sums, and the version in force for a month — the latest
 * with effective_from ≤ month (on the same month, the later loaded). A version is never edited
 * once a visit uses it (migration 10's triggers); a change is a new version.
 */
import { todayIso } from '../../../../shared/format';
import type { TemplateDetail, TemplateGroupIn, TemplateGroupRow, TemplateRow } from '../../../../shared/schemas/supervision';
import { audit } from '../../../db/audit';
import type { ServiceContext } from '../../../db/context';
import { AppError } from '../../../db/errors';
import type { Db } from '../../../db/open';
import { stmt } from '../../../db/stmt';
import { groupSums } from './sums';

export interface TemplateMeta {
  name: string;
  source: string;
  effectiveFrom: string;
  baseTenths: number;
  bonusCapTenths: number;
  note: string;
}

export function nextVersion(db: Db): number {
  return (stmt(db, 'SELECT coalesce(max(version), 0) + 1 AS v FROM supervision_templates').get() as { v: number }).v;
}

/** Stores a tree as the next version. Inside the caller's transaction. */
export function insertTemplate(ctx: ServiceContext, meta: TemplateMeta, groups: readonly TemplateGroupIn[]): number {
  const db = ctx.db;
  const id = Number(
    db
      .prepare(
        `INSERT INTO supervision_templates (version, name, source, effective_from, base_total_tenths, bonus_cap_tenths, note, loaded_at, loaded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        nextVersion(db),
        meta.name,
        meta.source,
        meta.effectiveFrom,
        meta.baseTenths,
        meta.bonusCapTenths,
        meta.note,
        ctx.now().toISOString(),
        ctx.actor,
      ).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO supervision_items (template_id, parent_id, kind, position, seq, content, max_tenths, stated_tenths, stated_bonus_tenths,
       is_bonus, is_veto, method, standard, rule_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let position = 0;
  for (const g of groups) {
    const groupId = Number(
      insert.run(id, null, 'group', ++position, g.seq, g.content, 0, g.statedTenths, g.statedBonusTenths, g.isBonus ? 1 : 0, 0, '', '', '')
        .lastInsertRowid,
    );
    for (const i of g.items) {
      insert.run(
        id,
        groupId,
        'item',
        ++position,
        i.seq,
        i.content,
        i.maxTenths,
        null,
        null,
        i.isBonus ? 1 : 0,
        i.isVeto ? 1 : 0,
        i.method,
        i.standard,
        i.ruleRef,
      );
    }
  }
  return id;
}

const ROW_SQL = `
  SELECT t.id, t.version, t.name, t.source, t.effective_from, t.base_total_tenths, t.bonus_cap_tenths, t.loaded_at, t.loaded_by, t.note,
    (SELECT count(*) FROM supervision_items i WHERE i.template_id = t.id AND i.kind = 'item') AS items,
    (SELECT count(*) FROM supervision_items i WHERE i.template_id = t.id AND i.is_veto = 1) AS veto_items,
    (SELECT count(*) FROM visits v WHERE v.template_id = t.id) AS visits
  FROM supervision_templates t`;

interface Raw {
  id: number;
  version: number;
  name: string;
  source: string;
  effective_from: string;
  base_total_tenths: number;
  bonus_cap_tenths: number;
  loaded_at: string;
  loaded_by: string;
  note: string;
  items: number;
  veto_items: number;
  visits: number;
}

/** The id of the version in force for a month, or null when none is yet (P6). */
export function templateInForce(db: Db, month: string): number | null {
  const r = stmt(db, 'SELECT id FROM supervision_templates WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1').get(
    month,
  ) as { id: number } | undefined;
  return r?.id ?? null;
}

function toRow(r: Raw, currentId: number | null): TemplateRow {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    source: r.source,
    effectiveFrom: r.effective_from,
    baseTenths: r.base_total_tenths,
    bonusCapTenths: r.bonus_cap_tenths,
    items: r.items,
    vetoItems: r.veto_items,
    visits: r.visits,
    inUse: r.visits > 0,
    current: r.id === currentId,
    loadedAt: r.loaded_at,
    loadedBy: r.loaded_by,
  };
}

export function listTemplates(ctx: ServiceContext): TemplateRow[] {
  const current = templateInForce(ctx.db, todayIso(ctx.now()).slice(0, 7));
  return (ctx.db.prepare(`${ROW_SQL} ORDER BY t.effective_from DESC, t.id DESC`).all() as Raw[]).map((r) => toRow(r, current));
}

interface ItemRaw {
  id: number;
  parent_id: number | null;
  kind: 'group' | 'item';
  position: number;
  seq: string;
  content: string;
  max_tenths: number;
  stated_tenths: number | null;
  stated_bonus_tenths: number | null;
  is_bonus: number;
  is_veto: number;
  method: string;
  standard: string;
  rule_ref: string;
}

export function getTemplate(ctx: ServiceContext, id: number): TemplateDetail {
  const r = ctx.db.prepare(`${ROW_SQL} WHERE t.id = ?`).get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到第 ${id} 号考核细则，可能已被删除，请刷新列表`);
  const rows = ctx.db.prepare('SELECT * FROM supervision_items WHERE template_id = ? ORDER BY position').all(id) as ItemRaw[];
  const groups: TemplateGroupRow[] = [];
  const byId = new Map<number, TemplateGroupRow>();
  for (const x of rows) {
    if (x.kind === 'group') {
      const g: TemplateGroupRow = {
        id: x.id,
        position: x.position,
        seq: x.seq,
        content: x.content,
        statedTenths: x.stated_tenths,
        statedBonusTenths: x.stated_bonus_tenths,
        isBonus: x.is_bonus === 1,
        items: [],
        baseTenths: 0,
        bonusTenths: 0,
      };
      groups.push(g);
      byId.set(x.id, g);
      continue;
    }
    const g = x.parent_id === null ? undefined : byId.get(x.parent_id);
    g?.items.push({
      id: x.id,
      position: x.position,
      seq: x.seq,
      content: x.content,
      maxTenths: x.max_tenths,
      isBonus: x.is_bonus === 1,
      isVeto: x.is_veto === 1,
      method: x.method,
      standard: x.standard,
      ruleRef: x.rule_ref,
    });
  }
  for (const g of groups) {
    const s = groupSums(g);
    g.baseTenths = s.base;
    g.bonusTenths = s.bonus;
  }
  const current = templateInForce(ctx.db, todayIso(ctx.now()).slice(0, 7));
  return { ...toRow(r, current), note: r.note, groups };
}

/**
 * Removes a version loaded by mistake (the wrong file, the wrong month) while no visit uses it;
 * one in use is refused (P6: never edited — a change is a new version). Audited.
 */
export function removeTemplate(ctx: ServiceContext, id: number): void {
  ctx.db
    .transaction(() => {
      const t = getTemplate(ctx, id);
      if (t.inUse) {
        throw new AppError('CONFLICT', `第 ${t.version} 版“${t.name}”已用于 ${t.visits} 次督导评分，不能删除；如需更改，请导入新的版本`);
      }
      ctx.db.prepare("DELETE FROM supervision_items WHERE template_id = ? AND kind = 'item'").run(id);
      ctx.db.prepare('DELETE FROM supervision_items WHERE template_id = ?').run(id);
      ctx.db.prepare('DELETE FROM supervision_templates WHERE id = ?').run(id);
      audit(ctx, {
        action: 'delete',
        entity: 'supervision_template',
        entityId: id,
        summary: `删除未使用的考核细则第 ${t.version} 版“${t.name}”（${t.effectiveFrom} 起执行，${t.items} 项，来自“${t.source}”）`,
      });
    })
    .immediate();
}
