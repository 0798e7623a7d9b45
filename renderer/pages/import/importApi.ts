/**
 * The import wizard's calls to the core, and reading the chosen workbook in the browser: the
 * file never leaves the page except as the base64 of one 'import.preview' / 'import.commit'.
 */
import type { Output } from '../../../shared/contract';
import { MAX_BODY_MB, MAX_UPLOAD_FILE_BYTES, type ImportKindName } from '../../../shared/schemas/import';
import { call } from '../../api';

export interface ChosenFile {
  fileName: string;
  base64: string;
}

export type PreviewResult = Output<'import.preview'>;
export type CommitResult = Output<'import.commit'>;

/** Reads an .xlsx into base64, refusing what the core would refuse anyway, in Chinese. */
export function readWorkbook(file: File): Promise<ChosenFile> {
  if (!/\.xlsx$/i.test(file.name)) {
    return Promise.reject(new Error(`“${file.name}”不是 .xlsx 文件；旧的 .xls 请先在 Excel 或 WPS 中“另存为”.xlsx 再导入`));
  }
  if (file.size > MAX_UPLOAD_FILE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return Promise.reject(
      new Error(
        `文件有 ${mb} MB，超过一次导入的上限约 3 MB（程序后台一次最多接收 ${MAX_BODY_MB} MB，文件编码后会增大约三分之一）。请只保留要导入的工作表，或分批导入`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`无法读取“${file.name}”，请确认文件没有被其他程序占用后重试`));
    reader.onload = () => {
      // A data URL: "data:<mime>;base64,<data>".
      const url = String(reader.result ?? '');
      resolve({ fileName: file.name, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** What the page asked for besides the file (the month of kinds that need one). */
export interface ImportChoices {
  month?: string;
}

export function previewImport(kind: ImportKindName, file: ChosenFile, choices: ImportChoices = {}): Promise<PreviewResult> {
  return call('import.preview', { kind, ...file, ...choices });
}

export function commitImport(kind: ImportKindName, file: ChosenFile, choices: ImportChoices = {}): Promise<CommitResult> {
  return call('import.commit', { kind, ...file, ...choices });
}
