/**
 * The supervision benchmark rows (issue 11: "35 clinics × 10 years of monthly visits with 40
 * items each (≈ 170,000 item scores): a quarter's results for all clinics < 50 ms; the year's
 * P5 check < 50 ms; item-score entry round trip p95 < 20 ms; each beside the raw query"), run
 * by `npm run bench -- supervision` and in the full run; row (q), the month's printed sheets to PDF
 * in the browser mode, is benchPrint.ts. A township of 35 clinics with two
 * doctors each, a 40-item template (36 base, 2 bonus, 2 veto), and a final visit for every
 * clinic and month of 2017–2026, some months failing. Measured: `quarterRows` (the quarter's
 * P6 results), `p5Flags` (every clinic quarter of the year, the doctors posted then) and
 * `saveVisit` (one visit's 40 scores saved and the form read back, as the app's Ctrl+Enter);
 * beside each the raw library answering the same in one SQL statement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultAssessmentRule as rule } from '../shared/rules/scoring';
import { makeContext } from '../electron/db/context';
import { openDatabase, type Db } from '../electron/db/open';
import { p5Flags, quarterRows } from '../electron/domains/supervision/quarters/results';
import { saveVisit } from '../electron/domains/supervision/visits/save';
import { benchPrintPdf } from './benchPrint';

const CLINICS = 35;
const ITEMS = 40;
const FIRST_YEAR = 2017;
const LAST_YEAR = 2026;
const RUNS = 21;
const AT = '2026-12-06T02:00:00Z';

export interface SupervisionBenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

/** Clinics, people, the template and ten years of visits, in plain inserts (the data, not what is measured). */
function build(db: Db): { clinics: number[]; items: { id: number; max: number; bonus: boolean; veto: boolean }[] } {
  return db
    .transaction(() => {
      const clinics: number[] = [];
      const insClinic = db.prepare(
        `INSERT INTO clinics (code, name, property, building_area, insurance_point, status, service_population, required_doctors, created_at, updated_at)
         VALUES (?, ?, 'public', 60, 1, 'open', ?, 1, ?, ?)`,
      );
      const insPerson = db.prepare(
        `INSERT INTO people (name, id_number, sex, birth_date, category, status, created_at, updated_at) VALUES (?, ?, 'M', '1980-01-01', 'village_doctor', 'active', ?, ?)`,
      );
      const insPost = db.prepare(`INSERT INTO assignments (person_id, clinic_id, role, start_date) VALUES (?, ?, ?, '2015-01-01')`);
      for (let i = 0; i < CLINICS; i++) {
        const id = Number(insClinic.run(`B${String(i).padStart(3, '0')}`, `基准村${i}卫生室`, 800 + i * 37, AT, AT).lastInsertRowid);
        clinics.push(id);
        for (let d = 0; d < 2; d++) {
          const p = Number(insPerson.run(`村医${i}-${d}`, `BENCH${i}-${d}`, AT, AT).lastInsertRowid);
          insPost.run(p, id, d === 0 ? 'head' : 'doctor');
        }
      }
      const t = Number(
        db
          .prepare(
            `INSERT INTO supervision_templates (version, name, effective_from, base_total_tenths, bonus_cap_tenths, loaded_at) VALUES (1, '基准细则', '2015-01', 1000, 50, ?)`,
          )
          .run(AT).lastInsertRowid,
      );
      const insItem = db.prepare(
        `INSERT INTO supervision_items (template_id, parent_id, kind, position, seq, content, max_tenths, is_bonus, is_veto) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const group = Number(insItem.run(t, null, 'group', 0, '', '考核项目', 0, 0, 0).lastInsertRowid);
      const items: { id: number; max: number; bonus: boolean; veto: boolean }[] = [];
      for (let k = 0; k < ITEMS; k++) {
        const bonus = k >= 36 && k < 38;
        const veto = k >= 38;
        // 36 base items: 28 of 3 points and 8 of 2 points = 100.
        const max = veto ? 0 : bonus ? 50 : k < 28 ? 30 : 20;
        items.push({
          id: Number(
            insItem.run(t, group, 'item', k + 1, String(k + 1), `考核内容${k + 1}`, max, bonus ? 1 : 0, veto ? 1 : 0).lastInsertRowid,
          ),
          max,
          bonus,
          veto,
        });
      }
      const insVisit = db.prepare(
        `INSERT INTO visits (clinic_id, month, visited_on, template_id, supervisors, total_tenths, veto_triggered, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, '督导组', ?, 0, 'final', ?, ?)`,
      );
      const insScore = db.prepare('INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed) VALUES (?, ?, ?, 0)');
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
        for (let m = 1; m <= 12; m++)
          clinics.forEach((c, ci) => {
            // Every seventh clinic scores poorly in the first half of odd years: failed quarters, P5 in those years.
            const weak = ci % 7 === 0 && y % 2 === 1 && m <= 6;
            const scores = items.map((it) =>
              it.veto ? null : it.bonus ? (m % 4 === 0 ? 10 : null) : weak ? Math.floor(it.max / 2) : it.max - ((ci + m) % 3) * 5,
            );
            const total =
              Math.min(
                50,
                scores.filter((_, k) => items[k]?.bonus).reduce<number>((s, v) => s + (v ?? 0), 0),
              ) + scores.filter((_, k) => !items[k]?.bonus).reduce<number>((s, v) => s + (v ?? 0), 0);
            const month = `${y}-${String(m).padStart(2, '0')}`;
            const v = Number(insVisit.run(c, month, `${month}-10`, t, total, AT, AT).lastInsertRowid);
            items.forEach((it, k) => insScore.run(v, it.id, scores[k] ?? null));
          });
      return { clinics, items };
    })
    .immediate();
}

/** The quarter in one statement: each clinic's final months, the mean rounded half up in integers, pass by 600 tenths. */
const RAW_QUARTER = `SELECT c.id, c.name, group_concat(v.month || ':' || v.total_tenths) AS months,
    (2 * sum(v.total_tenths) + count(v.id)) / (2 * count(v.id)) AS score
  FROM clinics c LEFT JOIN visits v ON v.clinic_id = c.id AND v.month BETWEEN ? AND ? AND v.status = 'final'
  WHERE c.status = 'open' GROUP BY c.id ORDER BY c.code`;

/** P5 in one statement: failed clinic quarters of the year, the doctors posted then, two or more. */
const RAW_P5 = `WITH q AS (
    SELECT clinic_id, (CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3 AS qn,
      (2 * sum(total_tenths) + count(*)) / (2 * count(*)) AS score
    FROM visits WHERE month BETWEEN ? AND ? AND status = 'final' GROUP BY clinic_id, qn)
  SELECT a.person_id, count(DISTINCT q.qn) AS failed FROM q JOIN assignments a ON a.clinic_id = q.clinic_id
  WHERE q.score < 600 GROUP BY a.person_id HAVING failed >= 2`;

/**
 * (m)–(o) on the database, then (q) the month's 35 printed sheets to PDF in the browser mode on
 * the same file, once it is closed (benchPrint.ts).
 */
export async function benchSupervision(dir: string): Promise<SupervisionBenchRow[]> {
  const rows = await benchQueries(dir);
  rows.push(await benchPrintPdf(path.join(dir, 'supervision.sqlite'), dir, '2026-12', CLINICS));
  return rows;
}

async function benchQueries(dir: string): Promise<SupervisionBenchRow[]> {
  const { db } = await openDatabase(path.join(dir, 'supervision.sqlite'));
  try {
    const { clinics, items } = build(db);
    const scores = Number(db.prepare('SELECT count(*) FROM visit_scores').pluck().get());
    const q = { year: 2026, q: 3 };
    const ours: number[] = [];
    const raw: number[] = [];
    const oursP5: number[] = [];
    const rawP5: number[] = [];
    let flagged = 0;
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      quarterRows(db, q, rule);
      ours.push(ms(t0));
      t0 = performance.now();
      db.prepare(RAW_QUARTER).all('2026-07', '2026-09');
      raw.push(ms(t0));
      t0 = performance.now();
      flagged = p5Flags(db, rule, 2025, '2026-12-06').length;
      oursP5.push(ms(t0));
      t0 = performance.now();
      db.prepare(RAW_P5).all('2025-01', '2025-12');
      rawP5.push(ms(t0));
    }
    // Entry round trip: this month's visit of each clinic saved (40 scores) and its form read back.
    const ctx = makeContext(db, '基准测试', () => new Date(AT));
    db.prepare("DELETE FROM visit_scores WHERE visit_id IN (SELECT id FROM visits WHERE month = '2026-12')").run();
    db.prepare("DELETE FROM visits WHERE month = '2026-12'").run();
    const saves: number[] = [];
    const rawSaves: number[] = [];
    const scoreList = items.map((it) => ({ itemId: it.id, scoreTenths: it.veto ? null : it.max, vetoed: false, note: '' }));
    const insVisit = db.prepare(
      `INSERT INTO visits (clinic_id, month, visited_on, template_id, supervisors, total_tenths, status, created_at, updated_at)
       VALUES (?, '2026-11', '2026-11-20', 1, '督导组', 1000, 'final', ?, ?)
       ON CONFLICT (clinic_id, month) DO UPDATE SET total_tenths = excluded.total_tenths RETURNING id`,
    );
    const insScore = db.prepare(
      'INSERT INTO visit_scores (visit_id, item_id, score_tenths, vetoed) VALUES (?, ?, ?, 0) ON CONFLICT (visit_id, item_id) DO UPDATE SET score_tenths = excluded.score_tenths',
    );
    for (const c of clinics) {
      let t0 = performance.now();
      saveVisit(ctx, {
        clinicId: c,
        month: '2026-12',
        visitedOn: '2026-12-05',
        supervisors: '督导组',
        clinicSigner: '',
        note: '',
        final: true,
        scores: scoreList,
        findings: [],
        rechecks: [],
      });
      saves.push(ms(t0));
      t0 = performance.now();
      db.transaction(() => {
        const id = (insVisit.get(c, AT, AT) as { id: number }).id;
        for (const s of scoreList) insScore.run(id, s.itemId, s.scoreTenths);
      }).immediate();
      rawSaves.push(ms(t0));
    }
    const o = median(ours);
    const r = median(raw);
    const op = median(oursP5);
    const rp = median(rawP5);
    const os95 = p95(saves);
    const rs95 = p95(rawSaves);
    const size = `${CLINICS} 个卫生室 × ${LAST_YEAR - FIRST_YEAR + 1} 年 × 12 次 × ${ITEMS} 项（${scores.toLocaleString('en-US')} 条评分）`;
    return [
      {
        what: `(m) 一个季度全部村卫生室的考核结果（P6）：${size}，中位数`,
        ours: `${o.toFixed(1)} ms，${(o / r).toFixed(2)}× 原生`,
        raw: `${r.toFixed(1)} ms（一条 SQL 求平均与四舍五入）`,
        target: '< 50 ms',
        pass: o < 50,
      },
      {
        what: `(n) 一年的两次不合格检查（P5）：全年各季度 × ${CLINICS} 个卫生室、${CLINICS * 2} 名村医，中位数`,
        ours: `${op.toFixed(1)} ms（${flagged} 人），${(op / rp).toFixed(2)}× 原生`,
        raw: `${rp.toFixed(1)} ms（一条 SQL）`,
        target: '< 50 ms',
        pass: op < 50,
      },
      {
        what: `(o) 一次督导录入的保存往返（${ITEMS} 项得分，保存并读回表单），${clinics.length} 次的 p95`,
        ours: `${os95.toFixed(1)} ms，${(os95 / rs95).toFixed(2)}× 原生`,
        raw: `${rs95.toFixed(1)} ms（同样的插入，纯 SQL）`,
        target: '< 20 ms',
        pass: os95 < 20,
      },
    ];
  } finally {
    db.close();
  }
}

/** `npm run bench -- supervision`: these rows alone, printed; returns the number of rows that missed their target. */
export async function runSupervisionBench(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bench-supervision-'));
  try {
    const rows = await benchSupervision(dir);
    for (const r of rows) console.log(`${r.pass ? '达标' : '未达标'}  ${r.what}\n      本程序 ${r.ours}；原生 ${r.raw}；目标 ${r.target}`);
    return rows.filter((r) => !r.pass).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
