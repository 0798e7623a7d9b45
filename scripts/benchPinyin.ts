/**
 * (p) Pinyin search (issue 12 item 9): a 100,000-village list searched by typed initials (zzc)
 * and by full pinyin (zhangzhuang), sorted by name in pinyin order, first page over HTTP as the
 * page asks for it: p95 < 20 ms. Typed letters are looked up by prefix in the villages' token
 * index (migration 14), kept with the keys by triggers, so the 100,000 inserts below go through
 * them (their time is printed, not judged). `npm run bench -- pinyin` runs this part alone.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../electron/app/session';
import { buildOrder, buildWhere } from '../electron/db/listQuery';
import { openDatabase } from '../electron/db/open';
import { villageSelect, villageSource } from '../electron/domains/villages/service';
import { TOKEN_HEADER, startWebServer } from '../electron/web';
import { listQuery, type ListQuery } from '../shared/schemas/common';

export interface PinyinBenchRow {
  what: string;
  ours: string;
  raw: string;
  target: string;
  pass: boolean;
}

const ROWS = 100_000;
const CALLS = 200;
const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

/** Common surname and place characters, polyphonic ones (长, 重, 乐) among them. */
const FIRST =
  '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤长重乐';
const SECOND = '庄营店湾岗坡沟岭桥河寨集楼屯堡铺园镇洼台场坪埠口';
const THIRD = '东西南北前后上下大小新老中高明光和平安康宁兴旺福寿丰泰盛华荣昌隆祥瑞德仁义礼智信忠孝';

function villageName(i: number): string {
  const a = FIRST[i % FIRST.length] ?? '张';
  const b = SECOND[Math.floor(i / FIRST.length) % SECOND.length] ?? '庄';
  const c = THIRD[Math.floor(i / (FIRST.length * SECOND.length)) % THIRD.length] ?? '东';
  return `${a}${b}${c}村`;
}

async function build(file: string): Promise<number> {
  const { db } = await openDatabase(file);
  const t0 = performance.now();
  const insert = db.prepare(
    `INSERT INTO villages (name, resident_population, service_population, is_center_seat, distance_km, alt_coverage, patrol_visits_per_month, note, created_at, updated_at)
     VALUES (?, 800, 700, 0, 3, 'none', 0, '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(villageName(i));
  })();
  const took = ms(t0);
  db.close();
  return took;
}

const cases: { what: string; query: ListQuery }[] = [
  { what: '首字母 zzc', query: { limit: 100, search: 'zzc' } },
  { what: '全拼 zhangzhuang', query: { limit: 100, search: 'zhangzhuang' } },
  { what: '按村名拼音排序', query: { limit: 100, sort: [{ id: 'name', desc: false }] } },
  { what: '首字母 + 拼音排序', query: { limit: 100, search: 'cq', sort: [{ id: 'name', desc: false }] } },
];

export async function benchPinyin(dir: string): Promise<PinyinBenchRow[]> {
  const file = path.join(dir, 'pinyin.sqlite');
  const buildMs = await build(file);
  console.log(`拼音基准：${ROWS} 个行政村写入（含拼音键触发器）${(buildMs / 1000).toFixed(1)} s`);
  const session = await Session.open({ dbPath: file, shell: 'browser', signInAs: { login: 'bench', name: '基准', role: 'admin' } });
  const server = await startWebServer({ session, staticDir: dir });
  const raw = new Database(file, { readonly: true });
  const out: PinyinBenchRow[] = [];
  try {
    for (const c of cases) {
      const call = async () => {
        const res = await fetch(`${server.url}api/villages.list`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
          body: JSON.stringify(c.query),
        });
        const body = (await res.json()) as { ok: boolean; value?: { rows: unknown[]; total: number } };
        if (!body.ok || !body.value || body.value.rows.length === 0)
          throw new Error(`villages.list ${c.what} failed: ${JSON.stringify(body).slice(0, 200)}`);
      };
      const q = listQuery.parse(c.query);
      const where = buildWhere(villageSource, q);
      const count = raw.prepare(`SELECT count(*) FROM ${villageSource.from} ${where.sql}`).pluck();
      const rows = raw.prepare(
        `SELECT ${villageSelect} FROM ${villageSource.from} ${where.sql} ${buildOrder(villageSource, q.sort)} LIMIT ? OFFSET ?`,
      );
      const direct = () => {
        count.get(...where.params);
        rows.all(...where.params, q.limit, q.offset);
      };
      const http: number[] = [];
      const sql: number[] = [];
      for (let i = 0; i < 20; i++) await call();
      for (let i = 0; i < CALLS; i++) {
        let t0 = performance.now();
        await call();
        http.push(ms(t0));
        t0 = performance.now();
        direct();
        sql.push(ms(t0));
      }
      const p95 = pct(http, 95);
      out.push({
        what: `(p) villages.list 10 万行 ${c.what}（HTTP，p50 / p95）`,
        ours: `${fmt(pct(http, 50))} / ${fmt(p95)}`,
        raw: `${fmt(pct(sql, 50))} / ${fmt(pct(sql, 95))}`,
        target: 'p95 < 20 ms',
        pass: p95 < 20,
      });
    }
  } finally {
    raw.close();
    await server.close();
    session.close();
  }
  return out;
}

/** `npm run bench -- pinyin`: (p) alone, in its own directory. Returns how many rows failed. */
export async function runPinyinBench(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thd-bench-pinyin-'));
  try {
    const rows = await benchPinyin(dir);
    for (const r of rows) console.log(`${r.pass ? '达标' : '未达标'}  ${r.what}\n      本程序 ${r.ours}；原生 ${r.raw}；目标 ${r.target}`);
    return rows.filter((r) => !r.pass).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
