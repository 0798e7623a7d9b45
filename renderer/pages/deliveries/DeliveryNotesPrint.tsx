/**
 * 药品配送单 on A4, one clinic a sheet: drug, spec, maker, batch, expiry, packs, price, amount, the
 * totals, what could not be supplied, the note's number and the 配送人/接收人 signatures. A whole
 * month's notes print as one batch, a page break between clinics (PrintSheet).
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate } from '../../../shared/format';
import type { DeliveryNote, DeliveryNotes } from '../../../shared/schemas/deliveries';
import { call, errorMessage } from '../../api';
import { BatchLinesTable } from '../../components/print/BatchLinesTable';
import { PrintHeader, PrintSheet, PrintView, SignatureLine } from '../../components/print/PrintView';
import './deliveries.css';

function monthText(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

function NoteSheet(props: { unit: string; note: DeliveryNote }) {
  const n = props.note;
  return (
    <PrintSheet>
      <PrintHeader
        title="药品配送单"
        subtitle={`配送单号：${n.number}；需求月份：${monthText(n.month)}`}
        unit={`${props.unit} → ${n.clinicName}`}
        date={chineseDate(n.deliveredOn)}
      />
      <BatchLinesTable
        lines={n.lines.map((l) => ({ ...l, drugName: l.genericName }))}
        withMaker
        countLabel={`${n.lines.length} 行`}
        totalPacks={n.totalPacks}
        totalFen={n.totalFen}
      />
      {n.shortages.length > 0 && (
        <p className="delivery-shortages">
          本次未能配送（短缺）：
          {n.shortages.map((s) => `${s.genericName} ${s.spec} ${s.packs}（${s.reason}）`).join('；')}
        </p>
      )}
      <SignatureLine labels={['配送人', '接收人']} withDate />
    </PrintSheet>
  );
}

export function DeliveryNotesPrint(props: { query: { id: number } | { month: string }; onClose: () => void }) {
  const [data, setData] = useState<DeliveryNotes | null>(null);
  const [error, setError] = useState('');
  const key = JSON.stringify(props.query);
  useEffect(() => {
    setData(null);
    const query = JSON.parse(key) as { id: number } | { month: string };
    call('deliveries.notes', query).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [key]);
  const title = 'month' in props.query ? `${monthText(props.query.month)}配送单（${data?.notes.length ?? '…'} 张）` : '配送单';
  return (
    <PrintView title={title} onClose={props.onClose} ready={data !== null && data.notes.length > 0}>
      {error && <Alert type="error" title={error} />}
      {data && data.notes.length === 0 && <Alert type="info" title="这个月还没有配送记录" />}
      {data?.notes.map((n) => (
        <NoteSheet key={n.id} unit={data.unit} note={n} />
      ))}
    </PrintView>
  );
}
