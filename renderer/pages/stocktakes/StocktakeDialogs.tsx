import { Alert } from 'antd';
import { useMemo } from 'react';
import type { Input } from '../../../shared/contract';
import { todayIso } from '../../../shared/format';
import type { StocktakeDetail } from '../../../shared/schemas/stocktakes';
import { call } from '../../api';
import { SpecFormModal } from '../../components/SpecForm';
import { CENTER_OPTION } from '../assets/assetForm';
import type { Option } from '../assets/useAssetOptions';
import { closeSchema, surplusFields, surplusSchema } from './stocktakeForms';

type Done = (d: StocktakeDetail, text: string) => void;

/** 登记盘盈: an item found without a card; it gets its card (funding 盘盈) when the stocktake closes. */
export function SurplusDialog(props: { detail: StocktakeDetail; open: boolean; holders: Option[]; onClose: () => void; onDone: Done }) {
  const { detail, holders } = props;
  const initial = useMemo(() => {
    const here =
      detail.scope === 'center'
        ? CENTER_OPTION
        : detail.scope === 'clinic'
          ? holders.find((h) => h.label === detail.clinicName)?.value
          : undefined;
    return {
      stocktakeId: detail.id,
      name: '',
      category: undefined,
      model: '',
      quantity: 1,
      unit: '台',
      valueFen: null,
      clinicId: here,
      note: '',
    };
  }, [detail.id, detail.scope, detail.clinicName, holders]);
  return (
    <SpecFormModal
      title={`登记盘盈：${detail.title}`}
      open={props.open}
      schema={surplusSchema}
      fields={surplusFields(holders)}
      initial={initial}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const d = await call('stocktakes.addSurplus', { ...(v as Input<'stocktakes.addSurplus'>), stocktakeId: detail.id });
        props.onDone(d, `已登记盘盈：${String(v.name)}`);
      }}
    />
  );
}

/** 结束盘点: locks it; missing assets become 丢失待处理 until a 报损 disposal is approved. */
export function CloseDialog(props: { detail: StocktakeDetail; open: boolean; onClose: () => void; onDone: Done }) {
  const { detail } = props;
  const initial = useMemo(() => ({ closedOn: todayIso() }), []);
  const { missing, damaged, surplus, pending } = detail.counts;
  return (
    <SpecFormModal
      title={`结束盘点：${detail.title}`}
      open={props.open}
      schema={closeSchema}
      fields={[{ name: 'closedOn', label: '结束日期', kind: 'date', required: true }]}
      initial={initial}
      okText="确认结束盘点"
      danger
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="结束后这次盘点将锁定，不能再修改"
          description={
            <ul className="close-explain">
              {pending > 0 && <li className="text-danger">还有 {pending} 项未盘点，请先逐项标记或用“其余标记为…”。</li>}
              <li>盘亏 {missing} 项：这些资产的状态将改为“丢失待处理”，仍留在台账上，须经批准后在资产卡片上登记“处置 → 报损”才能核销。</li>
              <li>盘盈 {surplus} 项：按估价建立资产卡片入账（资金来源“盘盈”）。</li>
              <li>毁损 {damaged} 项：请在资产卡片上按实际情况办理维修或报废。</li>
              <li>结束后可导出盘盈盘亏表。</li>
            </ul>
          }
        />
      }
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const d = await call('stocktakes.close', { id: detail.id, closedOn: String(v.closedOn) });
        props.onDone(d, `盘点已结束：${d.title}`);
      }}
    />
  );
}
