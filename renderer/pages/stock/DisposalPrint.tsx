/**
 * 过期药品销毁记录 on A4 (D5): the day, method and note, every batch destroyed (drug, spec,
 * batch, expiry, packs, price, amount) with the totals, and the signature lines of both
 * witnesses (监销人) and the one who carried it out (经办人).
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate } from '../../../shared/format';
import type { DisposalRecord } from '../../../shared/schemas/stock';
import { call, errorMessage } from '../../api';
import { BatchLinesTable } from '../../components/print/BatchLinesTable';
import { PrintHeader, PrintSheet, PrintView, SignatureLine } from '../../components/print/PrintView';

export function DisposalPrint(props: { id: number; onClose: () => void }) {
  const [unit, setUnit] = useState('');
  const [d, setD] = useState<DisposalRecord | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('stock.disposal', { id: props.id }).then(setD, (e: unknown) => setError(errorMessage(e)));
    call('app.info', {}).then(
      (i) => setUnit(i.centerName),
      () => setUnit(''),
    );
  }, [props.id]);
  return (
    <PrintView title="过期药品销毁记录" onClose={props.onClose} ready={d !== null}>
      {error && <Alert type="error" title={error} />}
      {d && (
        <PrintSheet>
          <PrintHeader title="过期药品销毁记录" unit={unit} date={chineseDate(d.disposedOn)} right={`销毁方式：${d.method}\u3000`} />
          <BatchLinesTable
            lines={d.lines}
            countLabel={`${d.lines.length} 个批次`}
            totalPacks={d.packs}
            totalFen={d.amountFen}
            testId="disposal-print"
          />
          {d.note && <p>备注：{d.note}</p>}
          <p>
            监销人：{d.witness1}、{d.witness2}；经办人：{d.createdBy}
          </p>
          <SignatureLine labels={[`监销人 ${d.witness1}`, `监销人 ${d.witness2}`, '经办人']} withDate />
        </PrintSheet>
      )}
    </PrintView>
  );
}
