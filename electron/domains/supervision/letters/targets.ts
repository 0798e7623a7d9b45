/**
 * The targets a new responsibility letter starts with (P1: "quantified targets"), editable per
 * letter. A fixed list built from the duties in DOMAIN.md, each with a figure the clinic can be
 * held to; the non-essential share (D3) and the pass line (P6) are read from the settings, so the
 * letter states the limits the app checks against. The rules behind them (the paper names none, the
 * clinic signs words, not IDs): S10 presence, S13 meetings, S9 training, D1/D2 supply and zero
 * markup, D3 share, D5/D7 expiry and infusions, A3 assets, P3 satisfaction, P6 pass line.
 */
import type { LetterTarget } from '../../../../shared/schemas/supervision';
import type { Db } from '../../../db/open';
import { readSettings } from '../../settings/service';

export function defaultTargets(db: Db): Required<LetterTarget>[] {
  const settings = readSettings(db);
  const share = Math.round(settings.nonEssentialMaxValueShare * 1000) / 10;
  return [
    { target: '村医按时在岗，工作日在岗率', quantity: '≥ 95', unit: '%', note: '' },
    { target: '参加卫生院每月村医例会', quantity: '12', unit: '次/年', note: '' },
    { target: '每名村医参加培训和临床进修，每次不少于 1 周', quantity: '≥ 2', unit: '次/年', note: '' },
    { target: '药品由卫生院统一配送，实行零差率销售', quantity: '100', unit: '%', note: '' },
    { target: '非基本药物使用金额占比', quantity: `≤ ${share}`, unit: '%', note: '' },
    { target: '过期药品、违规静脉输液', quantity: '0', unit: '例', note: '' },
    { target: '固定资产账物相符，无占用、挪用', quantity: '100', unit: '%', note: '' },
    { target: '居民健康档案规范建档率', quantity: '≥ 90', unit: '%', note: '' },
    { target: '高血压、糖尿病患者规范管理率', quantity: '≥ 70', unit: '%', note: '' },
    { target: '服务居民满意率', quantity: '≥ 90', unit: '%', note: '' },
    { target: `季度考核合格（${settings.assessmentPassLine} 分及以上）`, quantity: '4', unit: '个季度', note: '' },
  ];
}
