import os from 'node:os';
import type { Actor } from '../db/context';

/**
 * The command line acts as a named local administrator: whoever is logged in to the machine,
 * so the audit trail says 本机命令行（zhang）. It is no account of the app (no login), and it
 * needs the machine and the database file — which is what makes `user reset-password` the
 * recovery for a forgotten administrator password rather than a back door.
 */
export function cliActor(): Actor {
  let user = '';
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? '';
  }
  return { name: `本机命令行（${user || '未知用户'}）`, login: null };
}
