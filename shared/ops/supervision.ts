/** Supervision and assessment: templates, letters, visits, quarters, money by score (P1–P8, M2, M3). */
import { z } from 'zod';
import { none, op } from './op';
import { fileResult, idInput } from '../schemas/common';
import {
  letterDetail,
  letterGetInput,
  letterRow,
  letterSave,
  letterSign,
  lettersCreateAll,
  lettersCreated,
  lettersYearInput,
  templateDetail,
  templateInForceInput,
  templatePreview,
  templateRow,
  templateUpload,
} from '../schemas/supervision';
import {
  allocationInput,
  allocationResult,
  quarterInput,
  quarterLockInput,
  quarterResults,
  visitForm,
  visitFormInput,
  visitMonthInput,
  visitMonthRow,
  visitSaveInput,
  visitSheetsInput,
} from '../schemas/visits';
import { recheckClinicInput, recheckHalfInput, recheckList, recheckPickInput, recheckSampleInput } from '../schemas/recheck';
import { correctionInput, correctionResult, correctionRow, correctionsInput } from '../schemas/corrections';

export const supervisionOps = {
  'templates.list': op(none, z.array(templateRow), 'read'),
  'templates.get': op(idInput, templateDetail, 'read'),
  'templates.inForce': op(templateInForceInput, templateDetail.nullable(), 'read'),
  'templates.loadDefault': op(none, templateDetail, 'write'),
  'templates.preview': op(templateUpload, templatePreview, 'write'),
  'templates.load': op(templateUpload, templatePreview, 'write'),
  'templates.export': op(idInput, fileResult, 'read'),
  'templates.remove': op(idInput, z.array(templateRow), 'write'),
  'letters.list': op(lettersYearInput, z.array(letterRow), 'read'),
  'letters.get': op(letterGetInput, letterDetail, 'read'),
  'letters.save': op(letterSave, letterDetail, 'write'),
  'letters.sign': op(letterSign, letterDetail, 'write'),
  'letters.createMissing': op(lettersCreateAll, lettersCreated, 'write'),
  'letters.export': op(lettersYearInput, fileResult, 'read'),

  // Supervision (issue 11, parts 3–6): monthly visits (P2, P8), quarters (P6, P5), money by score (P7, M3).
  'visits.month': op(visitMonthInput, z.array(visitMonthRow), 'read'),
  'visits.form': op(visitFormInput, visitForm, 'read'),
  'visits.save': op(visitSaveInput, visitForm, 'write'),
  'visits.discardDraft': op(visitFormInput, visitForm, 'write'),
  'visits.sheets': op(visitSheetsInput, z.array(visitForm), 'read'),
  'quarters.results': op(quarterInput, quarterResults, 'read'),
  // P4: a finished quarter locked (approve: the center's sign-off on the assessment).
  'quarters.lock': op(quarterLockInput, quarterResults, 'approve'),
  // P4: a change to a locked quarter is a correction with its reason, kept beside the original. approve, as the
  // lock: the center answers to the county's re-check for an assessed score (审核 locks and corrects, shared/access.ts).
  'visits.correct': op(correctionInput, correctionResult, 'approve'),
  'visits.corrections': op(correctionsInput, z.array(correctionRow), 'read'),
  // P4: the county's half-year re-check — clinics picked by hand or drawn at random (seed kept); the pack is the
  // `recheck` return (returns.export) and the half-year's printed sheets (visits.sheets per month).
  'rechecks.list': op(recheckHalfInput, recheckList, 'read'),
  'rechecks.pick': op(recheckPickInput, recheckList, 'write'),
  'rechecks.sample': op(recheckSampleInput, recheckList, 'write'),
  'rechecks.remove': op(recheckClinicInput, recheckList, 'write'),
  'allocations.preview': op(allocationInput, allocationResult, 'read'),
  'allocations.save': op(allocationInput, allocationResult, 'write'),
} as const;
