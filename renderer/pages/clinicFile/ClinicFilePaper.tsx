/** 打印档案: the clinic file on A4 (portrait), each section a titled table, signature lines at the foot. */
import { chineseDate } from '../../../shared/format';
import type { ClinicFile } from '../../../shared/schemas/clinicFile';
import { PrintHeader, PrintSheet, PrintView, SignatureLine } from '../../components/print/PrintView';
import { FileTableView } from './FileTableView';
import { fileTables } from './fileTables';
import { headLines } from './headLines';

export function ClinicFilePaper(props: { file: ClinicFile; onClose: () => void }) {
  const f = props.file;
  return (
    <PrintView title={`${f.clinic.name} 档案`} onClose={props.onClose}>
      <PrintSheet className="clinic-file-paper">
        <PrintHeader title="村卫生室档案（一室一档）" unit={f.clinic.name} date={chineseDate(f.asOf)} />
        <table className="print-table clinic-file-head">
          <tbody>
            {headLines(f).map(([a, b, c, d]) => (
              <tr key={a}>
                <th>{a}</th>
                <td>{b}</td>
                <th>{c}</th>
                <td>{d}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {fileTables(f).map((t) => (
          <section key={t.key} className="clinic-file-paper-section">
            <h2>
              {t.title}
              <span>{t.summary}</span>
            </h2>
            <FileTableView table={t} paper />
          </section>
        ))}
        <SignatureLine labels={['填表人', '审核人', '卫生院负责人']} withDate />
      </PrintSheet>
    </PrintView>
  );
}
