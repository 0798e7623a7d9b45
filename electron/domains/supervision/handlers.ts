/** Handlers of the supervision foundation: templates (考核细则, P6) and responsibility letters (P1). */
import { type HandlerMap, type OpsOf } from '../handlerTypes';
import { exportLetters, exportTemplate } from './exports';
import { createMissingLetters, getLetter, listLetters, saveLetter, signLetter } from './letters/service';
import { ensureDefaultTemplate } from './template/defaultTemplate';
import { getTemplate, listTemplates, removeTemplate, templateInForce } from './template/store';
import { loadTemplateUpload, previewTemplateUpload } from './template/upload';
import { listRechecks, pickByHand, pickSample, removePick } from './recheck/pick';
import { correctVisit } from './corrections/apply';
import { listCorrections } from './corrections/list';

export const templateHandlers: HandlerMap<OpsOf<'templates'>> = {
  'templates.list': (s) => listTemplates(s.ctx),
  'templates.get': (s, { id }) => getTemplate(s.ctx, id),
  'templates.inForce': (s, { month }) => {
    const id = templateInForce(s.ctx.db, month);
    return id === null ? null : getTemplate(s.ctx, id);
  },
  'templates.loadDefault': (s) => getTemplate(s.ctx, s.ctx.db.transaction(() => ensureDefaultTemplate(s.ctx)).immediate()),
  'templates.preview': (s, u) => previewTemplateUpload(s.ctx, u),
  'templates.load': (s, u) => loadTemplateUpload(s.ctx, u),
  'templates.export': (s, { id }) => exportTemplate(s.ctx, id),
  'templates.remove': (s, { id }) => {
    removeTemplate(s.ctx, id);
    return listTemplates(s.ctx);
  },
};

export const letterHandlers: HandlerMap<OpsOf<'letters'>> = {
  'letters.list': (s, { year }) => listLetters(s.ctx, year),
  'letters.get': (s, { clinicId, year }) => getLetter(s.ctx, clinicId, year),
  'letters.save': (s, v) => saveLetter(s.ctx, v),
  'letters.sign': (s, v) => signLetter(s.ctx, v),
  'letters.createMissing': (s, { year }) => createMissingLetters(s.ctx, year),
  'letters.export': (s, { year }) => exportLetters(s.ctx, year),
};

/** P4: corrections to a locked quarter (corrections/). */
export const correctionHandlers: HandlerMap<'visits.correct' | 'visits.corrections'> = {
  'visits.correct': (s, v) => correctVisit(s.ctx, v),
  'visits.corrections': (s, f) => listCorrections(s.db, f),
};

/** P4: the county's half-year re-check sample (recheck/). */
export const recheckHandlers: HandlerMap<OpsOf<'rechecks'>> = {
  'rechecks.list': (s, { half }) => listRechecks(s.db, half),
  'rechecks.pick': (s, { half, clinicIds }) => pickByHand(s.ctx, half, clinicIds),
  'rechecks.sample': (s, { half, size, seed }) => pickSample(s.ctx, half, size, seed),
  'rechecks.remove': (s, { half, clinicId }) => removePick(s.ctx, half, clinicId),
};
