/**
 * The supervision operations S2 owns: monthly visits (P2, P8), quarter results (P6, P5) and
 * money by score (P7, M2, M3). Thin: each calls its service.
 */
import { parseQuarter } from '../../../../shared/rules/quarter';
import { todayIso } from '../../../../shared/format';
import { AppError } from '../../../db/errors';
import { type HandlerMap, type OpsOf } from '../../handlerTypes';
import { readSettings } from '../../settings/service';
import { computeAllocation, saveAllocation } from '../money/allocate';
import { lockQuarter } from '../quarters/lock';
import { assessmentRuleOf, quarterResults } from '../quarters/results';
import { getVisitForm, listMonth } from './read';
import { discardDraft } from './discard';
import { saveVisit } from './save';
import { monthSheets } from './sheets';

// visits.correct and visits.corrections (P4) live in supervision/handlers.ts (correctionHandlers).
export const visitHandlers: HandlerMap<
  Exclude<OpsOf<'visits'>, 'visits.correct' | 'visits.corrections'> | OpsOf<'quarters'> | OpsOf<'allocations'>
> = {
  'visits.month': (s, { month }) => listMonth(s.db, month),
  'visits.form': (s, { clinicId, month }) => getVisitForm(s.db, clinicId, month),
  'visits.save': (s, v) => saveVisit(s.ctx, v),
  'visits.discardDraft': (s, { clinicId, month }) => discardDraft(s.ctx, clinicId, month),
  'visits.sheets': (s, v) => monthSheets(s.db, v),
  'quarters.results': (s, { quarter }) => {
    const q = parseQuarter(quarter);
    if (!q) throw new AppError('VALIDATION', '季度格式应为 年Q季，如 2026Q3', { field: 'quarter' });
    return quarterResults(s.db, q, assessmentRuleOf(readSettings(s.db)), todayIso(s.ctx.now()));
  },
  'quarters.lock': (s, { quarter, note }) => lockQuarter(s.ctx, quarter, note),
  'allocations.preview': (s, v) => computeAllocation(s.db, v),
  'allocations.save': (s, v) => saveAllocation(s.ctx, v),
};
