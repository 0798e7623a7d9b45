/** The people: village doctors and staff, their records, and the alerts the rules imply (S1–S13). */
import { z } from 'zod';
import { none, op } from './op';
import { exportViewInput, fileResult, idInput, isoDate, listQuery, pageOf } from '../schemas/common';
import { exitDecisionInput } from '../schemas/exitDecisions';
import { newDoctorInput, personExit, personInput, personUpdate, removeRecordInput, saveRecordInput } from '../schemas/people';
import { alertItem, alertsOutput, personDetail, personRow } from '../schemas/personOutput';

export const peopleOps = {
  'people.list': op(listQuery, pageOf(personRow), 'read'),
  'people.get': op(idInput, personDetail, 'read'),
  'people.create': op(personInput, personDetail, 'write'),
  'people.createDoctor': op(newDoctorInput, personDetail, 'write'),
  'people.update': op(personUpdate, personDetail, 'write'),
  'people.exit': op(personExit, personDetail, 'write'),
  'people.saveRecord': op(saveRecordInput, personDetail, 'write'),
  'people.removeRecord': op(removeRecordInput, personDetail, 'write'),
  // rule S11a: a decision (留用说明) closing an open S11 exit trigger without an exit.
  'people.recordExitDecision': op(exitDecisionInput, personDetail, 'approve'),
  'people.options': op(none, z.array(z.object({ id: z.number(), name: z.string(), clinicName: z.string() })), 'read'),
  'people.export': op(exportViewInput, fileResult, 'read'),
  'alerts.list': op(z.object({ asOf: isoDate.optional() }).strict(), alertsOutput, 'read'),
  'alerts.page': op(listQuery, pageOf(alertItem), 'read'),
  'alerts.export': op(exportViewInput, fileResult, 'read'),
} as const;
