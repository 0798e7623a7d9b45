import type { LetterDetail } from '../../../shared/schemas/supervision';
import { PrintSheet } from '../../components/print/PrintView';
import { pts } from '../templates/points';
import './letters.css';

const chineseDay = (iso: string | null) => (iso ? `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : null);

/**
 * One responsibility letter on A4 portrait (P1), as the center prints it for signature: title
 * with the year, the parties (甲方 the center, 乙方 the clinic), the targets numbered, the
 * assessment and money clause in words (P2, P3, P5, P6, P7, M3), then both parties' signature and
 * seal areas with the date — filled in when the signing is registered, blank lines otherwise.
 */
export function LetterPaper({ l }: { l: LetterDetail }) {
  const center = l.centerName || '乡镇卫生院';
  const full =
    l.baseTenths !== null
      ? `满分 ${pts(l.baseTenths)} 分${l.bonusCapTenths > 0 ? `，另设奖励分最多 ${pts(l.bonusCapTenths)} 分` : ''}`
      : '';
  return (
    <PrintSheet className="letter-sheet">
      <h1 className="print-title">村卫生室目标管理责任书</h1>
      <div className="print-subtitle">（{l.year}年度）</div>
      <p className="letter-party">
        甲方：{center}
        <br />
        乙方：{l.clinicName}
        {l.headName ? `（负责人：${l.headName}）` : ''}
      </p>
      <p className="letter-text">为落实乡村卫生服务一体化管理，明确村卫生室年度工作目标和责任，经甲乙双方协商，签订本责任书。</p>
      <h2 className="letter-h2">一、工作目标</h2>
      <table className="print-table letter-targets">
        <thead>
          <tr>
            <th style={{ width: '9%' }}>序号</th>
            <th>目标内容</th>
            <th style={{ width: '20%' }}>指标</th>
            <th style={{ width: '18%' }}>备注</th>
          </tr>
        </thead>
        <tbody>
          {l.targetRows.map((t, i) => (
            <tr key={i}>
              <td className="num" style={{ textAlign: 'center' }}>
                {i + 1}
              </td>
              <td>{t.target}</td>
              <td style={{ textAlign: 'center' }}>{`${t.quantity} ${t.unit}`.trim()}</td>
              <td>{t.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="letter-h2">二、考核与奖惩</h2>
      <ol className="letter-clauses">
        <li>
          甲方每月对乙方督导一次、每季度考核一次，按{l.templateName ? `《${l.templateName}》` : '县（区）下发的考核细则'}
          逐项评分{full ? `（${full}）` : ''}；发生一票否决事项的，当月得分为 0 分。
        </li>
        <li>季度得分为当季各督导月得分的平均数，四舍五入保留一位小数；{l.passLine} 分及以上为合格，未督导的月份不计入。</li>
        <li>考核结果与乙方人员的绩效收入挂钩。绩效考核资金按考核得分和服务人口分配，考核不合格的季度不参与分配。</li>
        <li>乙方人员一年内两次考核不合格的，按乡村医生退出管理的规定办理。</li>
        <li>基本药物制度补助按规定拨付，不因绩效考核扣减。</li>
      </ol>
      <h2 className="letter-h2">三、其他</h2>
      <p className="letter-text">
        本责任书一式两份，甲乙双方各执一份，自签订之日起生效，有效期至 {l.year} 年 12 月 31 日。{l.note}
      </p>
      <div className="letter-signatures">
        <div className="letter-party-sign">
          <div>甲方（盖章）：{center}</div>
          <div className="letter-seal">（公章）</div>
          <div>负责人（签字）：{l.status === 'signed' ? l.centerSigner : <span className="print-blank" />}</div>
          <div>日期：{chineseDay(l.signedOn) ?? <span className="print-blank" />}</div>
        </div>
        <div className="letter-party-sign">
          <div>乙方（盖章）：{l.clinicName}</div>
          <div className="letter-seal">（公章）</div>
          <div>负责人（签字）：{l.status === 'signed' ? l.clinicSigner : <span className="print-blank" />}</div>
          <div>日期：{chineseDay(l.signedOn) ?? <span className="print-blank" />}</div>
        </div>
      </div>
    </PrintSheet>
  );
}
