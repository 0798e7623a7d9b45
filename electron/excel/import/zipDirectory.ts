/**
 * The zip's central directory, read by hand, and one entry unpacked as a stream with its real
 * size counted. exceljs's own zip readers (JSZip, unzipper, dependencies of exceljs, not ours)
 * do not help here: JSZip unpacks a whole entry into one string; unzipper's Open reads the
 * sizes but does not hold an entry to them while unpacking, which is what a lying directory
 * exploits. The directory is a list of fixed-layout records at the end of the file (PKWARE
 * APPNOTE 4.3.12–4.3.16), so reading it takes a few dozen lines and no memory beyond the list.
 */
import zlib from 'node:zlib';
import { AppError } from '../../db/errors';
import { size } from './limits';

export interface ZipEntry {
  /** As stored, without a leading “/” (exceljs strips it too). */
  name: string;
  method: number;
  flags: number;
  packed: number;
  unpacked: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL;
}

function damaged(source: string, what: string): AppError {
  return new AppError(
    'BAD_REQUEST',
    `“${source}”已损坏，无法读取（${what}）。请在 Excel 或 WPS 中打开它，确认内容无误后“另存为”一个新的 .xlsx 文件再导入`,
  );
}

function big(n: bigint, source: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(source, '目录记载的大小不合理');
  return Number(n);
}

/** The end-of-central-directory record: where the directory is and how many entries it lists. */
function directoryBounds(bytes: Buffer, source: string): { count: number; offset: number } {
  const from = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    let count = bytes.readUInt16LE(at + 10);
    let offset = bytes.readUInt32LE(at + 16);
    const locator = at - 20;
    if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_LOCATOR) {
      const record = big(bytes.readBigUInt64LE(locator + 8), source);
      if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) throw damaged(source, '找不到 ZIP64 目录');
      count = big(bytes.readBigUInt64LE(record + 32), source);
      offset = big(bytes.readBigUInt64LE(record + 48), source);
    }
    return { count, offset };
  }
  throw damaged(source, '找不到压缩包目录，文件可能没有下载或复制完整');
}

/** The ZIP64 extra field (0x0001) holds whichever of the three values were too big for 32 bits. */
function zip64Sizes(extra: Buffer, e: ZipEntry, source: string): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + len) throw damaged(source, 'ZIP64 信息不完整');
        const v = big(extra.readBigUInt64LE(p), source);
        p += 8;
        return v;
      };
      if (e.unpacked === 0xffffffff) e.unpacked = next();
      if (e.packed === 0xffffffff) e.packed = next();
      if (e.localHeader === 0xffffffff) e.localHeader = next();
      return;
    }
    at += 4 + len;
  }
}

/**
 * Lists the entries. `maxEntries` is checked against the count the directory declares before
 * any record is read, so a directory claiming millions of entries costs nothing.
 */
export function readDirectory(bytes: Buffer, source: string, maxEntries: number, tooMany: (n: number) => AppError): ZipEntry[] {
  const { count, offset } = directoryBounds(bytes, source);
  if (count > maxEntries) throw tooMany(count);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw damaged(source, '压缩包目录不完整');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw damaged(source, '压缩包目录不完整');
    const e: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, ''),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      packed: bytes.readUInt32LE(at + 20),
      unpacked: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
    };
    zip64Sizes(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), e, source);
    entries.push(e);
    at = end;
  }
  return entries;
}

/** Where the entry's packed bytes are: after its local header, whose name and extra lengths may differ from the directory's. */
function packedBytes(bytes: Buffer, e: ZipEntry, source: string): Buffer {
  const at = e.localHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw damaged(source, `找不到 ${e.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + e.packed > bytes.length) throw damaged(source, `${e.name} 不完整`);
  return bytes.subarray(start, start + e.packed);
}

const CHUNK = 16 * 1024;

/**
 * Unpacks one entry chunk by chunk. The directory's size is only a claim: the bytes actually
 * produced are counted, and more than claimed (or less) stops the read as a damaged file, so
 * a directory that lies about a bomb gets no further than its claim, which was checked.
 */
export async function* unpack(bytes: Buffer, e: ZipEntry, source: string): AsyncGenerator<Buffer> {
  if (e.flags & 0x1) throw damaged(source, `${e.name} 被压缩软件加密`);
  const data = packedBytes(bytes, e, source);
  if (e.method === 0) {
    if (data.length !== e.unpacked) throw damaged(source, `${e.name} 的大小与目录不符`);
    for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    return;
  }
  if (e.method !== 8) throw damaged(source, `${e.name} 用了不支持的压缩方式（${e.method}）`);
  const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > e.unpacked) throw damaged(source, `${e.name} 解压后超过目录记载的 ${size(e.unpacked)}`);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged(source, `${e.name} 无法解压`);
  } finally {
    inflater.destroy();
  }
  if (produced !== e.unpacked) throw damaged(source, `${e.name} 解压后的大小与目录不符`);
}

/** A small part whole, as text (its size was checked against the directory first). */
export async function unpackText(bytes: Buffer, e: ZipEntry, source: string): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of unpack(bytes, e, source)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
