/**
 * Command line for administrators and automation, on the same services as the app:
 *   npm run cli -- <command> [options]
 * Errors go to stderr in Chinese with exit code 1 (2 for a wrong command), their details to
 * a log file the message names (cli/errors.ts); every write is a transaction, so a failed
 * command leaves nothing half-written.
 */
import { parseCli, type CliArgs } from './cli/args';
import { cmdBackup, cmdCheck, cmdInit, cmdRestore, cmdSeed } from './cli/basic';
import { describeCliFailure, reportStrayErrors } from './cli/errors';
import { cmdServe } from './cli/serve';
import { cmdDeliver, deliverUsage } from './cli/delivery';
import { cmdPurchase, cmdRequisition, purchaseUsage, requisitionUsage } from './cli/requisitions';
import { cmdUser, userUsage } from './cli/users';
import { cmdCorrect, cmdQuarter, correctUsage, quarterUsage } from './cli/supervision';
import { cmdExport, cmdImport, cmdReport, exportHelp, importHelp } from './cli/excel';

const commands: Record<string, { run: (a: CliArgs) => Promise<string>; usage: string }> = {
  init: { run: cmdInit, usage: 'init --db FILE --center 卫生院名称 [--county 县区]      新建数据库' },
  seed: { run: cmdSeed, usage: 'seed --db FILE --demo [--scale N]                        生成演示乡镇（N 倍规模）' },
  import: { run: cmdImport, usage: 'import <类别> FILE --db FILE [--dry-run]                导入 Excel（先预览）' },
  export: { run: cmdExport, usage: 'export <报表> --db FILE --out FILE.xlsx [报表参数]       导出上报报表（参数见下）' },
  report: { run: cmdReport, usage: 'report <报表> --db FILE --format json [报表参数]         报表数据（JSON）' },
  backup: { run: cmdBackup, usage: 'backup --db FILE --out FILE                              备份（在线备份，校验）' },
  restore: { run: cmdRestore, usage: 'restore --db FILE --from FILE                            从备份恢复（先校验）' },
  check: { run: cmdCheck, usage: 'check --db FILE                                          完整性检查' },
  deliver: { run: cmdDeliver, usage: deliverUsage },
  serve: { run: cmdServe, usage: 'serve [--db FILE] [--demo] [--port N] [--open]           浏览器模式' },
  requisition: { run: cmdRequisition, usage: requisitionUsage.join('\n  ') },
  purchase: { run: cmdPurchase, usage: purchaseUsage.join('\n  ') },
  user: { run: cmdUser, usage: userUsage.join('\n  ') },
  quarter: { run: cmdQuarter, usage: quarterUsage.join('\n  ') },
  correct: { run: cmdCorrect, usage: correctUsage.join('\n  ') },
};

function help(): string {
  return [
    '乡村卫生一体化管理 · 命令行',
    '用法：npm run cli -- <命令> [选项]',
    '',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
    '',
    importHelp(),
    exportHelp(),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  const [name] = args.positionals;
  if (!name || args.values.help || name === 'help') {
    console.log(help());
    return 0;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`没有“${name}”这个命令。\n\n${help()}`);
    return 2;
  }
  const out = await cmd.run({ ...args, positionals: args.positionals.slice(1) });
  if (out) console.log(out);
  return 0;
}

// Chinese sentences only on the console; stack traces go to a log file (cli/errors.ts).
reportStrayErrors(process.argv.slice(2));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const { message, exitCode } = describeCliFailure(e, process.argv.slice(2));
    console.error(message);
    process.exitCode = exitCode;
  },
);
