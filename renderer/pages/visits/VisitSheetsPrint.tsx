/**
 * P8: the print view of a month's sheets — one clinic's, the whole month's as one batch (a page
 * break between clinics), or blank sheets to take on the visit. A locked month's corrections (P4)
 * are read with the sheets and printed at each sheet's foot.
 */
import { useEffect, useState } from 'react';
import { monthLabel } from '../../../shared/rules/quarter';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import type { VisitForm } from '../../../shared/schemas/visits';
import { call, errorMessage } from '../../api';
import { PrintView } from '../../components/print/PrintView';
import { VisitSheet } from './VisitSheet';

export interface SheetRequest {
  month: string;
  clinicId?: number;
  blank: boolean;
}

export function VisitSheetsPrint(props: { request: SheetRequest; onClose: () => void }) {
  const [forms, setForms] = useState<VisitForm[] | null>(null);
  const [corrections, setCorrections] = useState<CorrectionRow[]>([]);
  const [centerName, setCenterName] = useState('');
  const [error, setError] = useState('');
  const { month, clinicId, blank } = props.request;
  useEffect(() => {
    const which = clinicId !== undefined ? { clinicId } : {};
    // The corrections first, so the sheets never reach the paper without them.
    const corrected = blank ? Promise.resolve([]) : call('visits.corrections', { month, ...which });
    Promise.all([call('visits.sheets', { month, blank, ...which }), corrected]).then(
      ([f, c]) => {
        setCorrections(c);
        setForms(f);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
    call('settings.get', {}).then(
      (s) => setCenterName(s.centerName),
      () => undefined,
    );
  }, [month, clinicId, blank]);
  const title = `${monthLabel(month)}${blank ? '空白' : ''}督导考核表${forms ? `（${forms.length} 张）` : ''}`;
  return (
    <PrintView title={title} onClose={props.onClose} ready={forms !== null} hint="A4 纵向；每个村卫生室一页，超过一页时表头在下一页重复。">
      {error && <div className="print-error">{error}</div>}
      {forms?.map((f) => (
        <VisitSheet key={f.clinic.id} form={f} centerName={centerName} corrections={corrections} />
      ))}
    </PrintView>
  );
}
