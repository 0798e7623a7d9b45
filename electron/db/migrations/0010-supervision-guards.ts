/**
 * The triggers of migration 10 (see 0010-supervision.ts for the design): locked quarters (P4)
 * with the correction and follow-up ways through, templates in use never edited (P6), and a
 * score within its item's maximum and of its visit's template. Kept apart so the tables stay
 * readable; the SQL is built from small helpers so every table states the same rule the same way.
 */

/** The quarter 'YYYYQn' of a month 'YYYY-MM' expression, in SQL. */
function quarterOf(monthSql: string): string {
  return `(substr(${monthSql}, 1, 4) || 'Q' || ((CAST(substr(${monthSql}, 6, 2) AS INTEGER) + 2) / 3))`;
}

/** True when the month expression falls in a locked quarter. */
function locked(monthSql: string): string {
  return `EXISTS (SELECT 1 FROM quarter_locks WHERE quarter = ${quarterOf(monthSql)})`;
}

/** The month of a visit id expression. */
function visitMonth(visitIdSql: string): string {
  return `(SELECT month FROM visits WHERE id = ${visitIdSql})`;
}

/** An UPDATE opened by a fresh correction row of this table and row (never replayed: ids only rise). */
function correctedUpdate(table: string): string {
  return `(NEW.correction_id IS NOT NULL AND NEW.correction_id > coalesce(OLD.correction_id, 0)
    AND EXISTS (SELECT 1 FROM corrections c WHERE c.id = NEW.correction_id AND c.entity = '${table}' AND c.entity_id = OLD.id))`;
}

/** An INSERT opened by a correction row of this table, for this visit, that no row has used yet. */
function correctedInsert(table: string, visitIdSql: string): string {
  return `(NEW.correction_id IS NOT NULL
    AND EXISTS (SELECT 1 FROM corrections c WHERE c.id = NEW.correction_id AND c.entity = '${table}'
      AND c.entity_id IS NULL AND c.visit_id IS ${visitIdSql})
    AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.correction_id = NEW.correction_id))`;
}

const LOCKED = '该季度的考核已锁定，不能直接修改；请通过“更正”填写原因后修改';
const LOCKED_DELETE = '该季度的考核已锁定，记录不能删除；如有错误请通过“更正”填写原因后修改';
const IN_USE = '该版考核细则已用于督导评分，不能修改或删除；请导入或建立新版本';

function lockGuards(table: string, monthOfNew: string, monthOfOld: string, visitIdOfNew: string, extraUpdatePass = 'false'): string {
  return `
    CREATE TRIGGER ${table}_locked_insert BEFORE INSERT ON ${table}
    WHEN ${locked(monthOfNew)} AND NOT ${correctedInsert(table, visitIdOfNew)}
    BEGIN SELECT RAISE(ABORT, '${LOCKED}'); END;
    CREATE TRIGGER ${table}_locked_update BEFORE UPDATE ON ${table}
    WHEN (${locked(monthOfOld)} OR ${locked(monthOfNew)}) AND NOT ${correctedUpdate(table)} AND NOT (${extraUpdatePass})
    BEGIN SELECT RAISE(ABORT, '${LOCKED}'); END;
    CREATE TRIGGER ${table}_locked_delete BEFORE DELETE ON ${table}
    WHEN ${locked(monthOfOld)}
    BEGIN SELECT RAISE(ABORT, '${LOCKED_DELETE}'); END;
  `;
}

/** A finding's follow-up (rectified_on, recheck_visit_id, recheck_result, status) stays open after the lock. */
const findingFollowUpOnly = `NEW.id = OLD.id AND NEW.visit_id = OLD.visit_id AND NEW.item_id IS OLD.item_id AND NEW.text = OLD.text
  AND NEW.owner = OLD.owner AND NEW.due_on IS OLD.due_on AND NEW.correction_id IS OLD.correction_id AND NEW.created_at = OLD.created_at`;

function templateGuards(): string {
  const inUse = (templateIdSql: string) => `EXISTS (SELECT 1 FROM visits WHERE template_id = ${templateIdSql})`;
  return `
    CREATE TRIGGER supervision_items_in_use_insert BEFORE INSERT ON supervision_items
    WHEN ${inUse('NEW.template_id')} BEGIN SELECT RAISE(ABORT, '${IN_USE}'); END;
    CREATE TRIGGER supervision_items_in_use_update BEFORE UPDATE ON supervision_items
    WHEN ${inUse('OLD.template_id')} OR ${inUse('NEW.template_id')} BEGIN SELECT RAISE(ABORT, '${IN_USE}'); END;
    CREATE TRIGGER supervision_items_in_use_delete BEFORE DELETE ON supervision_items
    WHEN ${inUse('OLD.template_id')} BEGIN SELECT RAISE(ABORT, '${IN_USE}'); END;
    CREATE TRIGGER supervision_templates_in_use_update BEFORE UPDATE ON supervision_templates
    WHEN ${inUse('OLD.id')} BEGIN SELECT RAISE(ABORT, '${IN_USE}'); END;
    CREATE TRIGGER supervision_templates_in_use_delete BEFORE DELETE ON supervision_templates
    WHEN ${inUse('OLD.id')} BEGIN SELECT RAISE(ABORT, '${IN_USE}'); END;
  `;
}

function scoreGuards(): string {
  const check = (when: string) => `
    WHEN NEW.score_tenths > (SELECT max_tenths FROM supervision_items WHERE id = NEW.item_id)
    BEGIN SELECT RAISE(ABORT, '得分超过该项的满分'); END;
    CREATE TRIGGER visit_scores_item_${when} BEFORE ${when.toUpperCase()} ON visit_scores
    WHEN (SELECT template_id FROM supervision_items WHERE id = NEW.item_id AND kind = 'item')
      IS NOT (SELECT template_id FROM visits WHERE id = NEW.visit_id)
    BEGIN SELECT RAISE(ABORT, '评分项目不属于本次督导所用的考核细则'); END;
    CREATE TRIGGER visit_scores_veto_${when} BEFORE ${when.toUpperCase()} ON visit_scores
    WHEN NEW.vetoed = 1 AND (SELECT is_veto FROM supervision_items WHERE id = NEW.item_id) = 0
    BEGIN SELECT RAISE(ABORT, '只有一票否决项可以标记为否决'); END;
  `;
  return `
    CREATE TRIGGER visit_scores_max_insert BEFORE INSERT ON visit_scores ${check('insert')}
    CREATE TRIGGER visit_scores_max_update BEFORE UPDATE ON visit_scores ${check('update')}
  `;
}

export const supervisionGuards = `
  CREATE INDEX visits_correction ON visits(correction_id) WHERE correction_id IS NOT NULL;
  CREATE INDEX visit_scores_correction ON visit_scores(correction_id) WHERE correction_id IS NOT NULL;
  CREATE INDEX findings_correction ON findings(correction_id) WHERE correction_id IS NOT NULL;

  CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
  BEGIN SELECT RAISE(ABORT, '更正记录不能修改'); END;
  CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
  BEGIN SELECT RAISE(ABORT, '更正记录不能删除'); END;

  CREATE TRIGGER quarter_locks_no_update BEFORE UPDATE ON quarter_locks
  BEGIN SELECT RAISE(ABORT, '季度锁定记录不能修改'); END;
  CREATE TRIGGER quarter_locks_no_delete BEFORE DELETE ON quarter_locks
  BEGIN SELECT RAISE(ABORT, '已锁定的季度不能解锁；如有错误请通过“更正”修改'); END;

  ${lockGuards('visits', 'NEW.month', 'OLD.month', 'NULL')}
  ${lockGuards('visit_scores', visitMonth('NEW.visit_id'), visitMonth('OLD.visit_id'), 'NEW.visit_id')}
  ${lockGuards('findings', visitMonth('NEW.visit_id'), visitMonth('OLD.visit_id'), 'NEW.visit_id', findingFollowUpOnly)}
  ${templateGuards()}
  ${scoreGuards()}
`;
