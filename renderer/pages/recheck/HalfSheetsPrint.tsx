/**
 * P4, P8: the printed half of the re-check pack — one clinic's visit sheets of a half-year, month
 * after month (a page break between sheets), each as the month's batch prints it (VisitSheet,
 * corrected scores marked). Months not supervised have no sheet; the toolbar says which.
 * In Electron 另存为 PDF saves this view through the shell (printToPDF); in the browser the
 * clerk uses 打印 and picks 另存为 PDF in the dialog.
 */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { halfLabel, monthsOfHalf, parseHalf } from '../../../shared/rules/half';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import type { VisitForm } from '../../../shared/schemas/visits';
import { call, errorMessage } from '../../api';
import { PrintView } from '../../components/print/PrintView';
import { VisitSheet } from '../visits/VisitSheet';
import { saveShellPdf, shellCanPrintPdf } from './shellPdf';

export interface HalfSheetsRequest {
  half: string;
  clinicId: number;
}

interface Loaded {
  forms: VisitForm[];
  missing: string[];
  corrections: CorrectionRow[];
}

export function HalfSheetsPrint(props: { request: HalfSheetsRequest; onClose: () => void }) {
  const { half, clinicId } = props.request;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [centerName, setCenterName] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const h = parseHalf(half);
  useEffect(() => {
    const months = h ? monthsOfHalf(h) : [];
    // Per month as the month's batch reads them, the corrections with them, so no sheet reaches the paper without its marks.
    Promise.all(
      months.map((month) =>
        Promise.all([call('visits.sheets', { month, clinicId, blank: false }), call('visits.corrections', { month, clinicId })]),
      ),
    ).then(
      (perMonth) => {
        const forms = perMonth.flatMap(([f]) => f.filter((x) => x.visit !== null));
        setLoaded({
          forms,
          missing: months.filter((m) => !forms.some((f) => f.month === m)),
          corrections: perMonth.flatMap(([, c]) => c),
        });
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    call('settings.get', {}).then(
      (s) => setCenterName(s.centerName),
      () => undefined,
    );
  }, [h?.year, h?.h, clinicId]);
  const clinicName = loaded?.forms[0]?.clinic.name ?? '';
  const title = `${clinicName}${h ? halfLabel(h) : half}督导考核表${loaded ? `（${loaded.forms.length} 张）` : ''}`;
  const missing =
    loaded && loaded.missing.length > 0 ? `；${loaded.missing.map((m) => `${Number(m.slice(5))}月`).join('、')}未督导，无表` : '';
  const savePdf = () =>
    saveShellPdf(`${title.replace(/（.*）$/, '')}.pdf`).then(
      (file) => setSaved(file ? `已保存：${file}` : ''),
      (e: unknown) => setError(errorMessage(e)),
    );
  return (
    <PrintView
      title={title}
      onClose={props.onClose}
      ready={loaded !== null}
      hint={
        shellCanPrintPdf()
          ? `A4 纵向，每月一页${missing}。点“另存为 PDF”保存复核材料的督导表。${saved}`
          : `A4 纵向，每月一页${missing}。点“打印”，在打印对话框中选“另存为 PDF”即得复核材料的督导表（浏览器模式下程序不能在后台直接生成 PDF）。`
      }
    >
      {shellCanPrintPdf() && loaded && (
        <div className="no-print" style={{ position: 'fixed', top: 10, right: 16, zIndex: 10 }}>
          <Button icon={<FilePdfOutlined />} onClick={() => void savePdf()} data-testid="save-pdf">
            另存为 PDF
          </Button>
        </div>
      )}
      {error && <div className="print-error">{error}</div>}
      {loaded?.forms.map((f) => (
        <VisitSheet key={f.month} form={f} centerName={centerName} corrections={loaded.corrections} />
      ))}
    </PrintView>
  );
}
