/**
 * P4 on the command line, each a child process on a real database file: `quarter lock` locks an
 * ended quarter as the app does (refusing one with a 草稿 left, one not ended, one locked twice),
 * and `correct` changes a locked visit's score through the same service as 更正… on the form —
 * one `corrections` row per changed field with the reason, the total recomputed, audited as the
 * command line's actor — refusing, with nothing written and the option named: no reason, a score
 * above the item's maximum, an item not in the template, an unlocked quarter, a replay.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/calls';
import { addClinic, openSessionAt } from '../helpers/people';
import { dumpFile, tempDir, withRawDb } from '../helpers/tempDb';
import { addTemplate, pointsTotalling, visitIn } from '../helpers/visits';
import { cli, cliOk } from './run';

/** 2025Q3 finished at two clinics; 2025Q4 with a draft left. The CLI runs on today's clock, long after. */
async function assessedFile(): Promise<string> {
  const db = path.join(tempDir(), 'township.sqlite');
  const s = await openSessionAt('2026-01-08', db);
  const t = addTemplate(s.db, '2025-01');
  const a = await addClinic(s, '东坡', 1000, 'C01');
  const b = await addClinic(s, '西沟', 3000, 'C02');
  for (const day of ['2025-07-10', '2025-08-10', '2025-09-10']) {
    await call(s, 'visits.save', visitIn(a, day, t.items, pointsTotalling(70)));
    await call(s, 'visits.save', visitIn(b, day, t.items, pointsTotalling(55)));
  }
  await call(s, 'visits.save', { ...visitIn(a, '2025-10-10', t.items, pointsTotalling(80)), final: false });
  s.close();
  return db;
}

/** A refusal: exit code 1, the sentence on stderr, the file byte for byte as it was. */
function refused(db: string, ...args: string[]): string {
  const before = dumpFile(db);
  const r = cli(...args, '--db', db);
  expect(r.code).toBe(1);
  expect(dumpFile(db)).toBe(before);
  return r.stderr;
}

describe('cli: quarter lock and correct (P4)', () => {
  it('locks an ended quarter and corrects a locked score with its reason, as the app does', { timeout: 120_000 }, async () => {
    const db = await assessedFile();

    // Correcting before the lock: the quarter is not locked, so there is nothing to correct.
    expect(refused(db, 'correct', '--clinic', '东坡', '--month', '2025-09', '--item', '1', '--score', '6', '--reason', '县复核')).toContain(
      '2025 年 9 月所在季度尚未锁定',
    );
    // A quarter with a 草稿 left, a quarter not yet ended: refused as the app refuses them.
    expect(refused(db, 'quarter', 'lock', '--quarter', '2025Q4')).toContain('还有 1 份督导草稿未完成：东坡村卫生室（2025-10）');
    expect(refused(db, 'quarter', 'lock', '--quarter', '2099Q1')).toContain('2099 年第一季度尚未结束');
    expect(cli('quarter', 'lock', '--db', db, '--quarter', '2025Q9').stderr).toContain('--quarter 应为 年Q季');

    const locked = cliOk('quarter', 'lock', '--db', db, '--quarter', '2025Q3', '--note', '季度考核完成');
    expect(locked).toContain('已锁定2025 年第三季度考核结果：2 个村卫生室，合格 1 个，不合格 1 个，未考核 0 个');
    expect(locked).toContain('不合格：西沟村卫生室 55.0 分');
    expect(refused(db, 'quarter', 'lock', '--quarter', '2025年第3季度')).toContain('2025 年第三季度的考核结果已经锁定');
    withRawDb(db, (raw) => {
      expect(raw.prepare('SELECT quarter, note, locked_by FROM quarter_locks').all()).toEqual([
        { quarter: '2025Q3', note: '季度考核完成', locked_by: expect.stringContaining('本机命令行') },
      ]);
    });

    // Refusals, each naming what was typed wrong, nothing written.
    const base = ['correct', '--clinic', '东坡村卫生室', '--month', '2025-09'];
    expect(refused(db, ...base, '--item', '1', '--score', '6')).toContain('--reason：请填写更正原因');
    expect(refused(db, ...base, '--item', '1', '--score', '12', '--reason', '县复核')).toContain(
      '“1 规章制度上墙，岗位职责明确”的得分 12.0 超过该项分值 10.0 分',
    );
    expect(refused(db, ...base, '--item', '99', '--score', '5', '--reason', '县复核')).toContain(
      '--item：考核细则中没有“99”这一项，请核对考核内容或写出序号',
    );
    expect(refused(db, ...base, '--item', '1', '--score', '10', '--reason', '县复核')).toContain('没有任何改动');
    expect(refused(db, 'correct', '--clinic', '东坡', '--month', '2025-06', '--item', '1', '--score', '6', '--reason', '县复核')).toContain(
      '东坡村卫生室2025 年 6 月没有督导记录',
    );
    expect(cli(...base, '--db', db, '--item', '1', '--reason', '县复核').stderr).toContain('缺少 --score');

    // The correction: by content, as the county's sheet words it.
    const out = cliOk(
      ...base,
      '--db',
      db,
      '--item',
      '规章制度上墙',
      '--score',
      '6',
      '--note',
      '制度缺两项',
      '--reason',
      '县复核：制度未全部上墙',
    );
    expect(out).toContain('已更正 东坡村卫生室 2025 年 9 月督导记录 3 处');
    expect(out).toContain('1 规章制度上墙，岗位职责明确 · 得分：10.0 → 6.0');
    expect(out).toContain('更正原因：县复核：制度未全部上墙');
    withRawDb(db, (raw) => {
      expect(raw.prepare('SELECT entity, field, old_value, new_value, reason FROM corrections ORDER BY id').all()).toEqual([
        { entity: 'visit_scores', field: 'score_tenths', old_value: '100', new_value: '60', reason: '县复核：制度未全部上墙' },
        { entity: 'visit_scores', field: 'note', old_value: '', new_value: '制度缺两项', reason: '县复核：制度未全部上墙' },
        { entity: 'visits', field: 'total_tenths', old_value: '700', new_value: '660', reason: '县复核：制度未全部上墙' },
      ]);
      const audit = raw.prepare(`SELECT actor, summary FROM audit_log WHERE action = 'correct'`).all() as {
        actor: string;
        summary: string;
      }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor).toContain('本机命令行');
      expect(audit[0]?.summary).toBe('更正 东坡村卫生室 2025 年 9 月督导记录 3 处，总分 70.0 → 66.0；原因：县复核：制度未全部上墙');
    });
    // The same again is a replay: refused, nothing written.
    expect(refused(db, ...base, '--item', '1', '--score', '6', '--note', '制度缺两项', '--reason', '再次提交')).toContain('没有任何改动');
    // The quarter result reads the corrected month: (70 + 70 + 66) / 3 = 68.7.
    const q = JSON.parse(cliOk('report', 'quarter', '--db', db, '--quarter', '2025Q3', '--format', 'json')) as {
      tables: { rows: Record<string, unknown>[] }[];
    };
    expect(q.tables[0]?.rows.find((r) => r.clinic === '东坡村卫生室')?.score).toBe(68.7);
  });

  it(
    'ticks a veto item and corrects the visit date, refusing a veto on a scored item and a date outside the month',
    { timeout: 120_000 },
    async () => {
      const db = await assessedFile();
      cliOk('quarter', 'lock', '--db', db, '--quarter', '2025Q3');
      const base = ['correct', '--clinic', 'C02', '--month', '2025-08', '--reason', '县复核：查实发生医疗事故'];
      expect(refused(db, ...base, '--item', '1', '--veto', '是')).toContain('“1 规章制度上墙，岗位职责明确”不是一票否决项，不能勾选否决');
      const unclear = cli(...base, '--db', db, '--item', '7', '--veto', '也许');
      expect(unclear.code).toBe(2);
      expect(unclear.stderr).toContain('--veto 应为“是”或“否”');
      expect(refused(db, ...base, '--date', '2025-09-01')).toContain('督导日期 2025-09-01 不在2025 年 8 月内');
      const out = cliOk(...base, '--db', db, '--item', '7', '--veto', '是', '--date', '2025-08-12');
      expect(out).toContain('已更正 西沟村卫生室 2025 年 8 月督导记录');
      expect(out).toContain('7 发生重大医疗事故 · 否决');
      expect(out).toContain('督导日期');
      withRawDb(db, (raw) => {
        expect(
          raw
            .prepare(
              `SELECT visited_on, total_tenths, veto_triggered FROM visits WHERE month = '2025-08' AND clinic_id = (SELECT id FROM clinics WHERE code = 'C02')`,
            )
            .get(),
        ).toEqual({
          visited_on: '2025-08-12',
          total_tenths: 0,
          veto_triggered: 1,
        });
      });
    },
  );

  it('explains its options in Chinese', () => {
    const help = cliOk('--help');
    expect(help).toContain('quarter lock --db FILE --quarter 2026Q3');
    expect(help).toContain('更正已锁定季度的督导得分（P4）');
    expect(cli('quarter', 'unlock', '--quarter', '2025Q3').stderr).toContain('请指明 quarter 的操作');
  });
});
