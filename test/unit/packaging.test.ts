// What electron-builder packs: the icons made by `npm run icons`, the paths electron-builder.yml
// names, and the production dependencies — only what the built main process loads at run time
// (everything else, the whole renderer included, is bundled and must not ship twice).
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel));
const text = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

/** The packages (not files, not Node built-ins) a source or bundle imports. */
function importedPackages(source: string): Set<string> {
  const found = new Set<string>();
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) {
    const spec = m[1]!;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (!/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(name) || builtinModules.includes(name)) continue;
    found.add(name);
  }
  return found;
}

function packagesImportedUnder(dir: string, exts: string[]): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts')) {
        for (const name of importedPackages(fs.readFileSync(p, 'utf8'))) found.add(name);
      }
    }
  };
  walk(path.join(root, dir));
  return found;
}

/** `key: value` inside a top-level section of electron-builder.yml (enough YAML for this file). */
function ymlValue(yml: string, section: string, key: string): string | undefined {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => l === `${section}:`);
  if (start < 0) return undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = new RegExp(`^\\s+(?:- )?${key}:\\s*(.+?)\\s*$`).exec(line);
    if (m) return m[1]!.replace(/^["']|["']$/g, '');
  }
  return undefined;
}

describe('icons', () => {
  it('resources/icon.png is a 512×512 RGBA PNG', () => {
    const png = read('resources/icon.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect([png[24], png[25]]).toEqual([8, 6]); // 8 bits, RGBA
  });

  it('resources/icon.ico holds 16 to 256, each image the size its directory entry says', () => {
    const ico = read('resources/icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let k = 0; k < count; k++) {
      const e = 6 + 16 * k;
      const size = ico[e] || 256; // 0 means 256
      expect(ico[e + 1] || 256).toBe(size);
      const bytes = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + bytes);
      if (image.readUInt32BE(0) === 0x89504e47) {
        expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([size, size]);
      } else {
        // BITMAPINFOHEADER: the height counts the colour image and the AND mask.
        expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([
          40,
          size,
          size * 2,
          32,
        ]);
        expect(bytes).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(new Set(sizes).size).toBe(sizes.length);
  });
});

describe('electron-builder.yml', () => {
  const yml = text('electron-builder.yml');

  it('names icons and files that exist', () => {
    expect(ymlValue(yml, 'directories', 'buildResources')).toBe('resources');
    const win = ymlValue(yml, 'win', 'icon');
    const linux = ymlValue(yml, 'linux', 'icon');
    expect(win).toMatch(/\.ico$/);
    expect(linux).toMatch(/\.png$/);
    expect(ymlValue(yml, 'nsis', 'license')).toBe('LICENSE');
    for (const rel of [win!, linux!, 'LICENSE', 'resources/icon.svg']) expect(fs.existsSync(path.join(root, rel)), rel).toBe(true);
  });

  it('ships the window icon beside app.asar (extraResources)', () => {
    const froms = [...yml.matchAll(/^\s+- from:\s*(\S+)\s*\n\s+to:\s*(\S+)/gm)].map((m): [string, string] => [m[1]!, m[2]!]);
    expect(froms).toContainEqual(['resources/icon.png', 'icon.png']);
    for (const [from] of froms) expect(fs.existsSync(path.join(root, from)), from).toBe(true);
  });
});

describe('production dependencies', () => {
  const pkg = JSON.parse(text('package.json')) as {
    license?: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const dependencies = Object.keys(pkg.dependencies ?? {}).sort();
  // What esbuild leaves out of the main-process bundle (scripts/build.mjs); 'electron' is the runtime itself.
  const external = JSON.parse(/external:\s*(\[[^\]]*\])/.exec(text('scripts/build.mjs'))![1]!.replace(/'/g, '"')) as string[];

  it('are exactly the modules the built main process loads at run time', () => {
    expect(pkg.license).toBe('MIT');
    expect(dependencies).toEqual(['better-sqlite3', 'exceljs']);
    expect(external.filter((e) => e !== 'electron').sort()).toEqual(dependencies);
    const electronSide = packagesImportedUnder('electron', ['.ts']);
    for (const dep of dependencies) expect(electronSide.has(dep), `${dep} is imported under electron/`).toBe(true);
  });

  it('hold no renderer library (Vite bundles those; they belong in devDependencies)', () => {
    const renderer = packagesImportedUnder('renderer', ['.ts', '.tsx']);
    const electronSide = packagesImportedUnder('electron', ['.ts']);
    const rendererOnly = [...renderer].filter((p) => !electronSide.has(p));
    expect(rendererOnly).toEqual(expect.arrayContaining(['react', 'antd']));
    for (const dep of dependencies) {
      expect(rendererOnly, `${dep} is used only by the renderer`).not.toContain(dep);
      expect(dep).not.toMatch(/^(react|react-dom|antd|@ant-design\/.*|@tanstack\/.*)$/);
    }
    for (const p of renderer) expect(pkg.dependencies?.[p] ?? pkg.devDependencies?.[p], `${p} is declared`).toBeDefined();
  });

  it('are what the built bundle imports (checked when out/ is built, as npm test does first)', () => {
    for (const file of ['out/electron/main.js', 'out/electron/preload.cjs']) {
      if (!fs.existsSync(path.join(root, file))) continue;
      const loaded = [...importedPackages(text(file))].filter((p) => p !== 'electron').sort();
      if (file.endsWith('main.js')) expect(loaded, file).toEqual(dependencies);
      else for (const p of loaded) expect(dependencies, `${file} loads ${p}`).toContain(p);
    }
  });
});
