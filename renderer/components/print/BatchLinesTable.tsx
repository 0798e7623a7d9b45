/**
 * The table of drug batches on the center's drug papers (药品配送单, 过期药品销毁记录): one row per
 * batch with its lot and expiry (Chinese, as on every paper), packs, price and amount in 元, and
 * the 合计 row. One component so the papers cannot drift apart.
 */
import { chineseDate, fenToAmount } from '../../../shared/format';

export interface BatchLine {
  drugName: string;
  spec: string;
  packUnit: string;
  /** Only the 配送单 shows the maker; the 销毁记录 leaves the column out. */
  maker?: string;
  lotNo: string;
  expiresOn: string;
  packs: number;
  priceFen: number;
  amountFen: number;
}

export function BatchLinesTable(props: {
  lines: readonly BatchLine[];
  withMaker?: boolean;
  /** What the 合计 row counts (12 行, 3 个批次). */
  countLabel: string;
  totalPacks: number;
  totalFen: number;
  testId?: string;
}) {
  const { lines, withMaker } = props;
  const lead = withMaker ? 7 : 6;
  return (
    <table className="print-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>序号</th>
          <th>药品名称</th>
          <th>规格</th>
          <th>单位</th>
          {withMaker && <th>生产企业</th>}
          <th>批号</th>
          <th>有效期至</th>
          <th className="num">数量</th>
          <th className="num">单价（元）</th>
          <th className="num">金额（元）</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={`${l.lotNo}-${i}`}>
            <td>{i + 1}</td>
            <td>{l.drugName}</td>
            <td>{l.spec}</td>
            <td>{l.packUnit}</td>
            {withMaker && <td>{l.maker ?? ''}</td>}
            <td>{l.lotNo}</td>
            <td>{chineseDate(l.expiresOn)}</td>
            <td className="num">{l.packs}</td>
            <td className="num">{fenToAmount(l.priceFen)}</td>
            <td className="num">{fenToAmount(l.amountFen)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={lead}>合计（{props.countLabel}）</td>
          <td className="num">{props.totalPacks}</td>
          <td />
          <td className="num">{fenToAmount(props.totalFen)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
