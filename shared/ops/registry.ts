/** The registry: villages and clinics, who covers each village (C1–C4). */
import { z } from 'zod';
import { none, op } from './op';
import { clinicFile, clinicFileInput } from '../schemas/clinicFile';
import {
  clinicClose,
  clinicCoveragePreview,
  clinicCoveragePreviewInput,
  clinicDetail,
  clinicInput,
  clinicRow,
  clinicUpdate,
} from '../schemas/clinics';
import { exportViewInput, fileResult, idInput, listQuery, pageOf } from '../schemas/common';
import { villageInput, villageRow, villageUpdate } from '../schemas/villages';

export const registryOps = {
  'villages.list': op(listQuery, pageOf(villageRow), 'read'),
  'villages.all': op(none, z.array(z.object({ id: z.number(), name: z.string() })), 'read'),
  'villages.get': op(idInput, villageRow, 'read'),
  'villages.create': op(villageInput, villageRow, 'write'),
  'villages.update': op(villageUpdate, villageRow, 'write'),
  'villages.export': op(exportViewInput, fileResult, 'read'),

  'clinics.list': op(listQuery, pageOf(clinicRow), 'read'),
  'clinics.get': op(idInput, clinicDetail, 'read'),
  'clinics.create': op(clinicInput, clinicDetail, 'write'),
  'clinics.update': op(clinicUpdate, clinicDetail, 'write'),
  'clinics.close': op(clinicClose, clinicDetail, 'write'),
  'clinics.reopen': op(idInput, clinicDetail, 'write'),
  'clinics.export': op(exportViewInput, fileResult, 'read'),
  'clinics.previewCoverage': op(clinicCoveragePreviewInput, clinicCoveragePreview, 'read'),
  'clinics.file': op(clinicFileInput, clinicFile, 'read'),
  'clinics.options': op(none, z.array(z.object({ id: z.number(), name: z.string(), status: z.string() })), 'read'),
} as const;
