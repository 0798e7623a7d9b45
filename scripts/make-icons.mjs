// Makes the packaging icons from the one source mark, resources/icon.svg:
//   resources/icon.png  512×512, for Linux (.deb) and the window icon
//   resources/icon.ico  16, 24, 32, 48, 64, 128, 256, for the Windows program and its installer
// Each size is rendered from the SVG itself (not scaled down from 512), so small sizes stay sharp.
// The ICO is written here: 256 as a PNG entry, the smaller sizes as 32-bit BMP entries with
// straight alpha and an AND mask — the layout Windows' own tools write, which every reader
// (Explorer, rcedit, NSIS) accepts.
// `npm run icons` writes both files; `npm run icons -- --check` only says whether they are current.
import { Resvg } from '@resvg/resvg-js';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'resources');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'));
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render();
}

// resvg's pixels are premultiplied RGBA; an icon's BMP wants straight BGRA, bottom-up, followed
// by a 1-bit AND mask (1 = transparent) whose rows are padded to 4 bytes.
function bmpEntry(image) {
  const { width: w, height: h, pixels } = image;
  const maskRow = Math.ceil(w / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(w, 4);
  header.writeInt32LE(h * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(w * h * 4 + maskRow * h, 20);
  const xor = Buffer.alloc(w * h * 4);
  const and = Buffer.alloc(maskRow * h);
  for (let y = 0; y < h; y++) {
    const row = h - 1 - y;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const a = pixels[i + 3];
      const straight = (c) => (a === 0 ? 0 : Math.min(255, Math.round((c * 255) / a)));
      const o = (row * w + x) * 4;
      xor[o] = straight(pixels[i + 2]);
      xor[o + 1] = straight(pixels[i + 1]);
      xor[o + 2] = straight(pixels[i]);
      xor[o + 3] = a;
      if (a === 0) and[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, xor, and]);
}

function ico(sizes) {
  const images = sizes.map((size) => {
    const image = render(size);
    return { size, data: size >= 256 ? image.asPng() : bmpEntry(image) };
  });
  const dirBytes = 6 + 16 * images.length;
  const head = Buffer.alloc(dirBytes);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // 1 = icon
  head.writeUInt16LE(images.length, 4);
  let offset = dirBytes;
  images.forEach(({ size, data }, k) => {
    const e = 6 + 16 * k;
    head.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    head.writeUInt8(size >= 256 ? 0 : size, e + 1);
    head.writeUInt8(0, e + 2); // no palette
    head.writeUInt8(0, e + 3);
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(data.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((i) => i.data)]);
}

const outputs = [
  ['icon.png', render(512).asPng()],
  ['icon.ico', ico(ICO_SIZES)],
];

if (process.argv.includes('--check')) {
  const stale = outputs.filter(([name, data]) => {
    const file = path.join(dir, name);
    return !fs.existsSync(file) || !fs.readFileSync(file).equals(data);
  });
  if (stale.length > 0) {
    console.error(`图标不是由 resources/icon.svg 生成的最新版本：${stale.map(([n]) => n).join('、')}。请运行 npm run icons。`);
    process.exit(1);
  }
  console.log('图标与 resources/icon.svg 一致。');
} else {
  for (const [name, data] of outputs) {
    fs.writeFileSync(path.join(dir, name), data);
    console.log(`resources/${name}  ${(data.length / 1024).toFixed(1)} KB`);
  }
}
