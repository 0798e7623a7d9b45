/**
 * A password typed at the terminal without echo, or read as a line from standard input when it
 * is not a terminal (scripts: `printf 'pw\npw\n' | npm run cli -- user reset-password …`).
 */
import readline from 'node:readline';
import { AppError } from '../db/errors';

let pipedLines: Promise<string[]> | null = null;
let pipedNext = 0;

function readPiped(): Promise<string[]> {
  pipedLines ??= new Promise((resolve) => {
    const lines: string[] = [];
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    rl.on('line', (l) => lines.push(l));
    rl.on('close', () => resolve(lines));
  });
  return pipedLines;
}

export async function readPassword(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const lines = await readPiped();
    const line = lines[pipedNext++];
    if (line === undefined) throw new AppError('BAD_REQUEST', '没有读到密码：请加 --password，或在终端中运行以输入密码');
    return line;
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise<string>((resolve, reject) => {
    let typed = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (c === '\u0003') {
          finish();
          reject(new AppError('BAD_REQUEST', '已取消，未做任何修改'));
          return;
        }
        typed = c === '\u007f' || c === '\b' ? typed.slice(0, -1) : typed + c;
      }
    };
    stdin.on('data', onData);
  });
}
