import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/schemas/settings';
import type { ServiceContext } from '../../db/context';
import { audit } from '../../db/audit';
import type { Db } from '../../db/open';
import type { ReportingUnit } from '../../excel/exportView';

/**
 * Settings are rows of (key, JSON value). A missing key reads as its documented default, so
 * a new setting added in a later version needs no migration.
 */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) {
    try {
      stored[r.key] = JSON.parse(r.value);
    } catch {
      // A hand-edited, unreadable value falls back to its default below.
    }
  }
  const merged = { ...defaultSettings, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  // Keep every valid stored value and reset only the broken ones to their defaults.
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as keyof Settings;
    repaired[key] = defaultSettings[key];
  }
  return settingsSchema.parse(repaired);
}

export function writeSettingsRaw(db: Db, patch: SettingsPatch): void {
  const stmt = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined) stmt.run(k, JSON.stringify(v));
  }
}

/** Saves the changed settings; `afterChange` lets derived figures follow (S1 divisor). */
export function updateSettings(
  ctx: ServiceContext,
  patch: SettingsPatch,
  afterChange?: (before: Settings, after: Settings) => void,
): Settings {
  return ctx.db
    .transaction(() => {
      const before = readSettings(ctx.db);
      const after = settingsSchema.parse({ ...before, ...patch });
      const changed = Object.keys(patch).filter(
        (k) => JSON.stringify(before[k as keyof Settings]) !== JSON.stringify(after[k as keyof Settings]),
      );
      if (changed.length === 0) return before;
      writeSettingsRaw(ctx.db, patch);
      audit(ctx, {
        action: 'update',
        entity: 'settings',
        summary: `修改设置：${changed.join('、')}`,
        before: Object.fromEntries(changed.map((k) => [k, before[k as keyof Settings]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k as keyof Settings]])),
      });
      afterChange?.(before, after);
      return after;
    })
    .immediate();
}

/**
 * The 填报单位 and signature names every exported sheet carries; given the service context, also
 * whether the acting role sees personal fields masked.
 */
export function reportingUnit(from: Db | ServiceContext): ReportingUnit {
  const ctx = 'actor' in from ? from : null;
  const s = readSettings(ctx ? ctx.db : (from as Db));
  const unit = { unit: s.centerName, operator: s.operatorName, reviewer: s.reviewerName, director: s.directorName };
  return ctx?.maskPersonal ? { ...unit, maskPersonal: true } : unit;
}
