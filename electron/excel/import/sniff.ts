/**
 * What a file that is not a .xlsx zip is, so the clerk is told what to do with it. Two kinds
 * share one container, the OLE compound file (MS-CFB, magic D0 CF 11 E0 A1 B1 1A E1): a
 * workbook with an open password (Excel encrypts the whole .xlsx into an `EncryptedPackage`
 * stream described by `EncryptionInfo`, MS-OFFCRYPTO 2.3.4) and an old .xls (a `Workbook`
 * stream, or `Book` for Excel 95). They are told apart by the names in the compound file's
 * directory, which is found by following its sector chain (MS-CFB 2.2–2.6).
 */
import { AppError } from '../../db/errors';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENDOFCHAIN = 0xfffffffe;
const HEADER_DIFAT = 109;

/** The names of the streams and storages in a compound file; [] when its structure cannot be followed. */
export function compoundFileNames(bytes: Buffer): string[] {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(CFB_MAGIC)) return [];
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize);
  const at = (n: number) => (n + 1) * sectorSize;
  // The FAT's own sectors: the first 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = bytes.readUInt32LE(0x2c);
  for (let i = 0; i < Math.min(HEADER_DIFAT, fatCount); i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat < sectors && hops <= sectors; hops++) {
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(at(difat) + i * 4));
    difat = bytes.readUInt32LE(at(difat) + perSector * 4);
  }
  const next = (n: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined || fat >= sectors) return ENDOFCHAIN;
    return bytes.readUInt32LE(at(fat) + (n % perSector) * 4);
  };
  const names: string[] = [];
  // Each directory sector holds sectorSize / 128 entries; the hop count stops a looping chain.
  let dir = bytes.readUInt32LE(0x30);
  for (let hops = 0; dir < sectors && hops <= sectors; hops++) {
    for (let e = at(dir); e < at(dir) + sectorSize; e += 128) {
      const nameBytes = bytes.readUInt16LE(e + 64);
      const type = bytes[e + 66];
      if ((type === 1 || type === 2) && nameBytes >= 2 && nameBytes <= 64) names.push(bytes.toString('utf16le', e, e + nameBytes - 2));
    }
    dir = next(dir);
  }
  return names;
}

const OPEN_PASSWORD =
  '请在 Excel 中打开它（输入密码），点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码框后点“确定”并保存，再导入；' +
  '用 WPS 的，在“文件”菜单的文档加密（密码保护）设置里清除打开密码后保存';

/** Throws the message for a file that is not a zip; `source` is the file's name. */
export function refuseNonZip(bytes: Buffer, source: string): never {
  const names = compoundFileNames(bytes);
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage'))
    throw new AppError('BAD_REQUEST', `“${source}”设置了打开密码，程序读不了加密的工作簿。${OPEN_PASSWORD}`);
  if (names.includes('Workbook') || names.includes('Book'))
    throw new AppError(
      'BAD_REQUEST',
      `“${source}”是旧的 Excel 97–2003 格式（.xls），程序只能读取 .xlsx。请在 Excel 或 WPS 中打开它，“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的文件（它若设了打开密码，另存前请先去掉密码）`,
    );
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 2048)).toLowerCase();
  if (/<html|<table|<!doctype html/.test(head))
    throw new AppError(
      'BAD_REQUEST',
      `“${source}”其实是网页（HTML）格式，只是扩展名像 Excel（从网站系统导出的表格常是这样）。请用 Excel 或 WPS 打开它，“另存为”.xlsx 后再导入`,
    );
  if (head.startsWith('%pdf')) throw new AppError('BAD_REQUEST', `“${source}”是 PDF 文件，不是 Excel 工作簿。请选择 .xlsx 文件`);
  throw notWorkbook(source);
}

export function notWorkbook(source: string): AppError {
  return new AppError(
    'BAD_REQUEST',
    `无法读取“${source}”：它不是有效的 Excel 工作簿（.xlsx）。如果是旧的 .xls 格式，请先在 Excel 或 WPS 中“另存为”.xlsx 再导入`,
  );
}

/** A zip that is not a .xlsx: say what it is when its entries tell. */
export function refuseOtherZip(names: ReadonlySet<string>, source: string): never {
  if (names.has('xl/workbook.bin'))
    throw new AppError('BAD_REQUEST', `“${source}”是 Excel 二进制工作簿（.xlsb），程序只能读取 .xlsx。请在 Excel 中“另存为”.xlsx 再导入`);
  if (names.has('content.xml') && names.has('mimetype'))
    throw new AppError(
      'BAD_REQUEST',
      `“${source}”是 OpenDocument 表格（.ods），程序只能读取 .xlsx。请在 WPS 或 LibreOffice 中“另存为”.xlsx 再导入`,
    );
  if (names.has('word/document.xml')) throw new AppError('BAD_REQUEST', `“${source}”是 Word 文档，不是 Excel 工作簿。请选择 .xlsx 文件`);
  throw notWorkbook(source);
}
