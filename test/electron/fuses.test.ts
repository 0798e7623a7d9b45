// The fuses electron-builder.yml asks for, flipped the way electron-builder flips them at
// packaging: its own generateFuseConfig turns the yml section into a fuse config, and
// @electron/fuses (the copy electron-builder loads) writes it into a stand-in binary — a buffer
// holding Electron's fuse sentinel and wire — which is read back. No Electron binary needed; a
// misspelt key, or one this electron-builder does not know, leaves its fuse untouched and fails.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

type FuseConfig = Record<string, unknown>;
interface AppBuilderLib {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: Record<string, boolean>): Promise<FuseConfig> } };
}
interface Fuses {
  flipFuses(binary: string, config: FuseConfig): Promise<unknown>;
  getCurrentFuseWire(binary: string): Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number>;
}
interface FuseConstants {
  SENTINEL: string;
  FuseState: { DISABLE: number; ENABLE: number };
}

const fromBuilder = createRequire(path.join(root, 'node_modules', 'app-builder-lib', 'package.json'));
const builder = fromBuilder('app-builder-lib') as AppBuilderLib;
const fuses = fromBuilder('@electron/fuses') as Fuses;
const constants = fromBuilder('@electron/fuses/dist/constants') as FuseConstants;

/** The `electronFuses:` section of electron-builder.yml, as booleans. */
function fusesInYml(): Record<string, boolean> {
  const lines = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start).toBeGreaterThanOrEqual(0);
  const out: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+(\w+):\s*(true|false)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2] === 'true';
  }
  return out;
}

describe('Electron fuses at packaging', () => {
  it('every fuse of the wire is set, to the safe value', async () => {
    const config = await builder.PlatformPackager.prototype.generateFuseConfig.call({}, fusesInYml());
    const { SENTINEL, FuseState } = constants;
    const wireLength = Object.values(fuses.FuseV1Options).filter((v) => typeof v === 'number').length;
    // What an unpackaged Electron ships with: every fuse on (the wire is what packaging changes).
    const binary = Buffer.concat([
      Buffer.from('…electron…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, wireLength]),
      Buffer.alloc(wireLength, FuseState.ENABLE),
      Buffer.from('…'),
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thd-fuses-')), 'township-health-desk');
    fs.writeFileSync(file, binary);
    await fuses.flipFuses(file, config);
    const wire = await fuses.getCurrentFuseWire(file);
    const state = (name: string) => (wire[fuses.FuseV1Options[name]!] === FuseState.ENABLE ? 'on' : 'off');
    expect({
      RunAsNode: state('RunAsNode'),
      EnableCookieEncryption: state('EnableCookieEncryption'),
      EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
      EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
      OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      GrantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
    }).toEqual({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      // Pages load from app:// (main.ts); file:// keeps no extra powers.
      GrantFileProtocolExtraPrivileges: 'off',
    });
    // The one fuse left as Electron ships it: a browser-process V8 snapshot we do not make.
    expect(Object.keys(fuses.FuseV1Options).filter((k) => Number.isNaN(Number(k))).length).toBe(wireLength);
    expect(state('LoadBrowserProcessSpecificV8Snapshot')).toBe('on');
  }, 30_000);
});
