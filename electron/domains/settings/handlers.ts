import { refreshClinics, refreshVillages } from '../clinics/figures';
import { type HandlerMap, type OpsOf } from '../handlerTypes';
import { readSettings, updateSettings } from './service';

export const settingsHandlers: HandlerMap<OpsOf<'settings'>> = {
  'settings.get': (s) => readSettings(s.db),
  'settings.update': (s, patch) => {
    const after = updateSettings(s.ctx, patch, (before, next) => {
      // Derived registry figures depend on these two settings (S1, C1).
      if (before.staffingPopulationPerDoctor !== next.staffingPopulationPerDoctor) refreshClinics(s.db, 'all');
      if (before.c1SmallVillagePopulation !== next.c1SmallVillagePopulation) refreshVillages(s.db, 'all');
    });
    s.refreshActor();
    return after;
  },
};
