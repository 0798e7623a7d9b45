/**
 * rule S11a: an S11 exit trigger (absence of 30 days in a year, two failed assessments in a year)
 * stays open until the person exits or the clerk records a decision with its reason (留用说明).
 * A decision is written in one transaction, with its audit row and a line in the person's 变更记录.
 */
import { absenceDaysInYear } from '../../../shared/rules/people';
import { exitTriggerRuleLabels, type exitDecisionInput } from '../../../shared/schemas/exitDecisions';
import type { PersonDetail } from '../../../shared/schemas/personOutput';
import type { z } from 'zod';
import type { ServiceContext } from '../../db/context';
import { AppError, invalid, notFound } from '../../db/errors';
import { audit } from '../../db/audit';
import { stmt } from '../../db/stmt';
import { readSettings } from '../settings/service';
import { absencesOf, personExitTriggers } from './exitTriggers';
import { asOfToday } from './list';
import { getPerson } from './detail';
import { recordHistory } from './history';
import { chineseDate } from '../../../shared/format';

type DecisionValues = z.output<typeof exitDecisionInput>;

/** Records a decision (留用说明) for a trigger the person has reached by the decision's date. */
export function recordExitDecision(ctx: ServiceContext, v: DecisionValues): PersonDetail {
  ctx.db
    .transaction(() => {
      const person = stmt(ctx.db, 'SELECT name, status, exit_date FROM people WHERE id = ?').get(v.personId) as
        { name: string; status: string; exit_date: string | null } | undefined;
      if (!person) throw notFound('人员');
      const label = exitTriggerRuleLabels[v.rule];
      if (person.status === 'exited') throw new AppError('CONFLICT', `${person.name} 已办理退出，退出情形已随退出了结，无需记录留用说明`);
      if (v.decidedOn > asOfToday(ctx)) throw invalid('decidedOn', '决定日期不能晚于今天');
      const existing = stmt(ctx.db, 'SELECT decided_on FROM exit_decisions WHERE person_id = ? AND rule = ? AND trigger_year = ?')
        .pluck()
        .get(v.personId, v.rule, v.triggerYear) as string | undefined;
      if (existing)
        throw new AppError('CONFLICT', `${person.name} ${v.triggerYear} 年“${label}”已于 ${existing} 记录过留用说明`, {
          field: 'triggerYear',
          fields: { triggerYear: '该年度已记录留用说明' },
        });
      const settings = readSettings(ctx.db);
      const reached = personExitTriggers(ctx.db, v.personId, v.decidedOn, null, settings.absenceExitDays, []).find(
        (t) => t.rule === v.rule && t.year === v.triggerYear,
      );
      if (!reached) {
        const why =
          v.rule === 'S11-absence'
            ? `截至 ${chineseDate(v.decidedOn)}，${v.triggerYear} 年擅自离岗累计 ${absenceDaysInYear(absencesOf(ctx.db, v.personId), v.triggerYear, v.decidedOn)} 天，未满 ${settings.absenceExitDays} 天`
            : `截至 ${chineseDate(v.decidedOn)}，${v.triggerYear} 年没有两次考核不合格`;
        throw invalid('triggerYear', `${why}，没有触发退出情形，无需记录留用说明`);
      }
      const at = ctx.now().toISOString();
      const id = Number(
        stmt(
          ctx.db,
          'INSERT INTO exit_decisions (person_id, rule, trigger_year, decided_on, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(v.personId, v.rule, v.triggerYear, v.decidedOn, v.reason, ctx.actor, at).lastInsertRowid,
      );
      const described = `${v.triggerYear} 年${label}（${v.rule}）：${v.decidedOn} 决定留用。理由：${v.reason}`;
      recordHistory(ctx, v.personId, '留用说明', '', described);
      audit(ctx, {
        action: 'create',
        entity: 'exit_decisions',
        entityId: v.personId,
        summary: `${person.name}：记录留用说明 ${described}`,
        after: { id, ...v },
      });
      stmt(ctx.db, 'UPDATE people SET updated_at = ? WHERE id = ?').run(at, v.personId);
    })
    .immediate();
  return getPerson(ctx, v.personId);
}
