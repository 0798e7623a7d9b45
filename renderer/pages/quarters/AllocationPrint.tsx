/** P7: the allocation table on A4 with signatures (填报人、审核人、单位负责人). */
import { useEffect, useState } from 'react';
import { chineseDate, fenToAmount, todayIso, yuanText } from '../../../shared/format';
import { parseQuarter, quarterLabel } from '../../../shared/rules/quarter';
import { formatTenths } from '../../../shared/rules/scoring';
import type { AllocationResultOut } from '../../../shared/schemas/visits';
import { call } from '../../api';
import { PrintHeader, PrintSheet, PrintView, SignatureLine } from '../../components/print/PrintView';

export function AllocationPrint(props: { allocation: AllocationResultOut; onClose: () => void }) {
  const a = props.allocation;
  const [centerName, setCenterName] = useState('');
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => setCenterName(s.centerName),
      () => undefined,
    );
  }, []);
  const q = parseQuarter(a.quarter);
  return (
    <PrintView title="绩效考核资金分配表" onClose={props.onClose}>
      <PrintSheet>
        <PrintHeader
          title="村卫生室绩效考核资金分配表"
          subtitle={`${q ? quarterLabel(q) : a.quarter}\u3000${a.fundName}${a.purpose ? `（${a.purpose}）` : ''}`}
          unit={centerName}
          date={chineseDate(todayIso())}
        />
        <table className="print-table">
          <thead>
            <tr>
              <th>序号</th>
              <th>村卫生室</th>
              <th className="num">季度得分</th>
              <th>等级</th>
              <th className="num">{a.basisLabel}</th>
              <th className="num">分配金额（元）</th>
              <th>领款人签字</th>
            </tr>
          </thead>
          <tbody>
            {a.lines.map((l, i) => (
              <tr key={l.clinicId}>
                <td className="num">{i + 1}</td>
                <td>{l.clinicName}</td>
                <td className="num">{l.scoreTenths === null ? '未考核' : formatTenths(l.scoreTenths)}</td>
                <td>{l.grade ?? ''}</td>
                <td className="num">{l.base}</td>
                <td className="num">{fenToAmount(l.amountFen)}</td>
                <td />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>
                合计（资金总额 {yuanText(a.poolFen)}；按季度得分 × {a.basisLabel}分配，不合格不参与）
              </td>
              <td className="num">{fenToAmount(a.allocatedFen)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
        <SignatureLine labels={['填报人', '审核人', '单位负责人']} withDate />
      </PrintSheet>
    </PrintView>
  );
}
