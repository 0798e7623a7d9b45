/**
 * The one door into the core, shared by the IPC handler and the HTTP server: check the
 * operation exists, admit the caller (the operation's access against the signed-in role,
 * admission.ts), validate the input against the contract, run the handler, shape the answer for
 * the role (只读: personal fields masked, shared/masking.ts) and answer with the envelope.
 * Nothing reaches a service unadmitted or unvalidated, and no exception escapes as a crash.
 */
import { z } from 'zod';
import { contract, isOpName, type OpName } from '../../shared/contract';
import { fail, ok, type Envelope } from '../../shared/envelope';
import { clinicLabels } from '../../shared/schemas/clinics';
import { villageLabels } from '../../shared/schemas/villages';
import { settingFields } from '../../shared/schemas/settingFields';
import { maskPersonal } from '../../shared/masking';
import { accountLabels } from '../../shared/schemas/accounts';
import { admit } from './admission';
import { handlers } from './handlers';
import { AppError } from '../db/errors';
import type { Session } from './session';
import { zodToError } from './zodIssues';

const settingLabels = Object.fromEntries(settingFields.map((f) => [f.key, f.label]));

const labelsByPrefix: Record<string, Record<string, string>> = {
  villages: villageLabels,
  clinics: { ...clinicLabels, closedOn: '撤销日期', reason: '撤销原因' },
  settings: settingLabels,
  app: { centerName: '卫生院名称', county: '所属县（区）', ...accountLabels },
  accounts: accountLabels,
};

/** Output checking costs time on big pages; tests turn it on to catch drift from the contract. */
const checkOutput = process.env.THD_CHECK_OUTPUT === '1';

export async function dispatch(session: Session, op: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (typeof op !== 'string' || !isOpName(op)) {
    return fail({ code: 'UNKNOWN_OP', message: `没有“${String(op).slice(0, 60)}”这项操作，请更新程序或联系技术人员` });
  }
  const spec = contract[op];
  try {
    // Admission reads the account from the database, which can fail too (being restored).
    const refused = admit(session, spec.access);
    if (refused) return fail(refused);
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail(zodToError(parsed.error, labelsByPrefix[op.split('.')[0] ?? ''] ?? {}));
    const run = handlers[op] as (s: Session, input: unknown) => unknown;
    const answer = await run(session, parsed.data);
    const value = session.ctx.maskPersonal ? maskPersonal(answer) : answer;
    if (checkOutput) (spec.output as z.ZodType).parse(value);
    return ok(value);
  } catch (e) {
    return fail(toErrorBody(op, e));
  }
}

function toErrorBody(op: OpName, e: unknown) {
  if (e instanceof AppError) return e.toBody();
  if (e instanceof z.ZodError) return zodToError(e, labelsByPrefix[op.split('.')[0] ?? ''] ?? {});
  const msg = e instanceof Error ? e.message : String(e);
  if (/SQLITE_BUSY|database is locked/i.test(msg)) {
    return { code: 'CONFLICT' as const, message: '数据库正忙（可能有另一个窗口在写入），请稍后再试，刚才的修改没有保存' };
  }
  console.error(`[${op}]`, e);
  return { code: 'INTERNAL' as const, message: `程序内部错误，刚才的操作没有生效。请把这条信息告诉技术人员：${msg.slice(0, 300)}` };
}
