import { receiptView } from '../../../../shared/deliveryViews';
import { notFound } from '../../../db/errors';
import { exportView } from '../../../excel/exportView';
import { type HandlerMap, type OpsOf } from '../../handlerTypes';
import { readSettings, reportingUnit } from '../../settings/service';
import { checkReceiptLine } from './check';
import { getReceiptRow, iterateReceipts, listReceipts } from './list';
import { reverseReceipt, saveReceipt } from './save';

export const receiptHandlers: HandlerMap<OpsOf<'receipts'>> = {
  'receipts.list': (s, q) => listReceipts(s.ctx, q),
  'receipts.export': (s, q) => exportView(reportingUnit(s.ctx), receiptView, iterateReceipts(s.ctx, q), q.columns),
  'receipts.check': (s, v) => {
    const days = readSettings(s.db).nearExpiryDays;
    return { lines: v.lines.map((l, index) => ({ index, ...checkReceiptLine(s.ctx, l, v.receivedOn, days) })) };
  },
  'receipts.create': (s, v) => saveReceipt(s.ctx, v),
  'receipts.reverse': (s, v) => {
    reverseReceipt(s.ctx, v);
    const row = getReceiptRow(s.ctx, v.batchId);
    if (!row) throw notFound('入库批次');
    return row;
  },
};
