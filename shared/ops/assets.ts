/** Each clinic's fixed-asset ledger and its stocktakes (A1–A6). */
import { z } from 'zod';
import { none, op } from './op';
import { assetDetail, assetInput, assetRow, assetUpdate, movementInput, reverseInput } from '../schemas/assets';
import { exportViewInput, fileResult, idInput, isoDate, listQuery, pageOf } from '../schemas/common';
import {
  markResult,
  stocktakeClose,
  stocktakeCreate,
  stocktakeDetail,
  stocktakeMark,
  stocktakeMarkRest,
  stocktakeRow,
  stocktakeSurplus,
} from '../schemas/stocktakes';

/** Asset lists are the ledger as of a day (today when absent). */
const assetListQuery = listQuery.extend({ asOf: isoDate.optional() });
const assetExportInput = exportViewInput.extend({ asOf: isoDate.optional() });
const assetLabel = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  model: z.string(),
  holderName: z.string(),
  acquiredOn: z.string(),
});

export const assetsOps = {
  'assets.list': op(assetListQuery, pageOf(assetRow), 'read'),
  'assets.export': op(assetExportInput, fileResult, 'read'),
  'assets.uncounted': op(listQuery, pageOf(assetRow), 'read'),
  'assets.labels': op(assetExportInput, z.array(assetLabel), 'read'),
  'assets.get': op(idInput, assetDetail, 'read'),
  'assets.create': op(assetInput, assetDetail, 'write'),
  'assets.update': op(assetUpdate, assetDetail, 'write'),
  'assets.move': op(movementInput, assetDetail, 'write'),
  'assets.reverse': op(reverseInput, assetDetail, 'write'),

  'stocktakes.list': op(none, z.array(stocktakeRow), 'read'),
  'stocktakes.get': op(idInput, stocktakeDetail, 'read'),
  'stocktakes.create': op(stocktakeCreate, stocktakeDetail, 'write'),
  'stocktakes.mark': op(stocktakeMark, markResult, 'write'),
  'stocktakes.markRest': op(stocktakeMarkRest, stocktakeDetail, 'write'),
  'stocktakes.addSurplus': op(stocktakeSurplus, stocktakeDetail, 'write'),
  'stocktakes.close': op(stocktakeClose, stocktakeDetail, 'write'),
} as const;
