import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../shared/zodLocale';
import { clinicClose, clinicInput, clinicLabels, clinicUpdate } from '../../shared/schemas/clinics';
import { villageLabels, villageUpdate } from '../../shared/schemas/villages';
import { zodToError } from '../../electron/app/zodIssues';
import { village, clinic } from '../helpers/calls';

function errorOf(schema: z.ZodType, input: unknown): z.ZodError {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be refused');
  return r.error;
}

describe('zodToError', () => {
  it('strips a leading values. path and names the field by its label', () => {
    const err = errorOf(villageUpdate, { id: 1, values: village({ residentPopulation: -3 }) });
    const body = zodToError(err, villageLabels);
    expect(body.code).toBe('VALIDATION');
    expect(body.field).toBe('residentPopulation');
    expect(body.message).toContain('户籍人口');
    expect(body.message).toContain('不能为负数');
    expect(body.fields).toEqual({ residentPopulation: '户籍人口不能为负数' });
  });

  it('does not repeat a label the message already names', () => {
    const err = errorOf(villageUpdate, { id: 1, values: village({ name: '   ' }) });
    const body = zodToError(err, villageLabels);
    expect(body.field).toBe('name');
    expect(body.message).toBe('请填写村名。请改正后重试');
  });

  it('puts the label in front of a message that does not name the field', () => {
    const err = errorOf(clinicClose, { id: 1, closedOn: '2026-02-30', reason: '合并' });
    const body = zodToError(err, { closedOn: '撤销日期' });
    expect(body.field).toBe('closedOn');
    expect(body.message).toBe('撤销日期：不是有效的日期。请改正后重试');
  });

  it('names an array element by the array field, ignoring the index', () => {
    const err = errorOf(clinicUpdate, { id: 2, values: clinic({ hostVillageIds: [3, -1] }) });
    const body = zodToError(err, clinicLabels);
    expect(body.field).toBe('hostVillageIds.1');
    expect(body.message.startsWith(`${clinicLabels.hostVillageIds}：`)).toBe(true);
  });

  it('reports the first bad field in the message and every bad field in fields', () => {
    const err = errorOf(clinicInput, clinic({ code: 'HY 01', name: '', buildingArea: -1 }));
    const body = zodToError(err, clinicLabels);
    expect(body.field).toBe('code');
    expect(body.message).toContain('机构编码');
    expect(Object.keys(body.fields ?? {}).sort()).toEqual(['buildingArea', 'code', 'name']);
  });

  it('keeps the first message of a field that fails twice', () => {
    // Too long and a space inside: two issues on one field, the first one is kept.
    const err = errorOf(clinicInput, clinic({ code: `H ${'0'.repeat(31)}` }));
    expect(err.issues.filter((i) => i.path[0] === 'code')).toHaveLength(2);
    expect(zodToError(err, clinicLabels).fields?.code).toBe('机构编码不能超过 30 个字');
  });

  it('has no field for an error about the whole input, and still answers in Chinese', () => {
    const err = errorOf(z.object({}).strict(), { extra: 1 });
    const body = zodToError(err);
    expect(body.field).toBeUndefined();
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.message.endsWith('。请改正后重试')).toBe(true);
  });

  it('works without labels, leaving the message as zod gave it', () => {
    const err = errorOf(z.object({ n: z.number().int('必须是整数') }), { n: 1.5 });
    expect(zodToError(err)).toMatchObject({ field: 'n', message: '必须是整数。请改正后重试' });
  });
});
