/**
 * The smallest township an e2e test of one form needs: 张庄村 (1,600 people) served by its own
 * 张庄卫生室, created through the app's API as the clerk's forms would.
 */
import type { TestApp } from './harness';

export async function addZhangzhuang(app: TestApp) {
  const v = await app.call('villages.create', {
    name: '张庄村',
    residentPopulation: 1600,
    servicePopulation: 1600,
    isCenterSeat: false,
    distanceKm: 3,
    altCoverage: 'none',
    patrolVisitsPerMonth: 0,
    note: '',
  });
  return app.call('clinics.create', {
    code: '',
    name: '张庄卫生室',
    address: '',
    property: 'public',
    buildingArea: 80,
    insurancePoint: true,
    headName: '',
    hostVillageIds: [v.id],
    extensionVillageIds: [],
    note: '',
  });
}
