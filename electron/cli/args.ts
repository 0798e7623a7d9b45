import { parseArgs } from 'node:util';
import { AppError } from '../db/errors';

export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export function parseCli(argv: string[]): CliArgs {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        center: { type: 'string' },
        county: { type: 'string' },
        demo: { type: 'boolean' },
        scale: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        'as-of': { type: 'string' },
        'dry-run': { type: 'boolean' },
        port: { type: 'string' },
        static: { type: 'string' },
        open: { type: 'boolean' },
        sheet: { type: 'string' },
        clinic: { type: 'string' },
        stocktake: { type: 'string' },
        effective: { type: 'string' },
        month: { type: 'string' },
        quarter: { type: 'string' },
        half: { type: 'string' },
        pool: { type: 'string' },
        fund: { type: 'string' },
        reason: { type: 'string' },
        item: { type: 'string' },
        score: { type: 'string' },
        veto: { type: 'string' },
        note: { type: 'string' },
        date: { type: 'string' },
        login: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return { positionals, values };
  } catch (e) {
    throw new AppError('BAD_REQUEST', `命令参数有误：${(e as Error).message}。用 --help 查看用法`);
  }
}

export function requireString(args: CliArgs, name: string, what: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('BAD_REQUEST', `缺少 --${name}（${what}）`);
  return v;
}
