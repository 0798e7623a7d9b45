/** The operations of requisitions (`requisitions.*`) and the purchase plan (`purchase.*`); thin, over the services beside. */
import { purchaseView, requisitionView } from '../../../../shared/requisitionViews';
import { filterSortInMemory, pageInMemory } from '../../../db/memoryList';
import { exportView } from '../../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../../handlerTypes';
import { readSettings, reportingUnit, updateSettings } from '../../settings/service';
import { removeExtraLine, saveExtraLine } from '../purchase/extra';
import { purchasePlan } from '../purchase/plan';
import { purchaseUploadFile } from '../purchase/upload';
import { lineFiguresFor } from './figures';
import { getRequisition, listRequisitions } from './read';
import { approveRequisition, reopenRequisition, saveRequisition } from './write';
import { AppError } from '../../../db/errors';
import type { ServiceContext } from '../../../db/context';
import { todayIso } from '../../../../shared/format';

/** A list's month, the current month (China time) when the call names none. */
const monthOf = (s: { ctx: ServiceContext }, q: { month?: string }) => q.month ?? todayIso(s.ctx.now()).slice(0, 7);

export const requisitionHandlers: HandlerMap<OpsOf<'requisitions'> | OpsOf<'purchase'>> = {
  'requisitions.list': (s, q) => pageInMemory(requisitionView, listRequisitions(s.db, monthOf(s, q)), q),
  'requisitions.export': (s, q) =>
    exportView(
      reportingUnit(s.ctx),
      { ...requisitionView, title: `${requisitionView.title}（${monthOf(s, q)}）` },
      filterSortInMemory(requisitionView, listRequisitions(s.db, monthOf(s, q)), q),
      q.columns,
    ),
  'requisitions.get': (s, { clinicId, month }) => getRequisition(s.ctx, clinicId, month),
  'requisitions.lineFigures': (s, { clinicId, month, drugId }) => {
    const f = lineFiguresFor(s.ctx, clinicId, month, [drugId]).get(drugId);
    if (!f) throw new AppError('NOT_FOUND', '没有找到这种药品，请刷新后重新选择');
    return f;
  },
  'requisitions.save': (s, v) => saveRequisition(s.ctx, v),
  'requisitions.approve': (s, v) => approveRequisition(s.ctx, v),
  'requisitions.reopen': (s, v) => reopenRequisition(s.ctx, v),

  'purchase.plan': (s, { month }) => purchasePlan(s.ctx, month),
  'purchase.list': (s, q) => pageInMemory(purchaseView, purchasePlan(s.ctx, monthOf(s, q)).rows, q),
  'purchase.export': (s, q) =>
    exportView(
      reportingUnit(s.ctx),
      { ...purchaseView, title: `${purchaseView.title}（${monthOf(s, q)}）` },
      filterSortInMemory(purchaseView, purchasePlan(s.ctx, monthOf(s, q)).rows, q),
      q.columns,
    ),
  'purchase.upload': (s, { month }) => purchaseUploadFile(s.ctx, month),
  'purchase.saveExtra': (s, v) => {
    saveExtraLine(s.ctx, v);
    return purchasePlan(s.ctx, v.month);
  },
  'purchase.removeExtra': (s, { id }) => purchasePlan(s.ctx, removeExtraLine(s.ctx, id)),
  // The upload's column order is the clerk's working setting (like a column layout), so 'write' may change it; audited as a settings change.
  'purchase.setColumns': (s, { columns }) => {
    updateSettings(s.ctx, { purchasePlanColumns: columns });
    return readSettings(s.db).purchasePlanColumns;
  },
};
