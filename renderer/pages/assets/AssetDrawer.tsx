import { Alert, Button, Descriptions, Drawer, Space, Tabs, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { categoryLabels, type AssetCategory } from '../../../shared/rules/assetCategories';
import { fundingLabels, type AssetDetail } from '../../../shared/schemas/assets';
import { call, errorMessage } from '../../api';
import { useConfirmLeave } from '../../components/useConfirmLeave';
import { AssetCardEdit } from './AssetCardEdit';
import { chineseDate, fenToAmount } from '../../../shared/format';
import { StatusTag, lifeText } from './assetCells';
import { MovementDialog, type DialogKind } from './MovementDialog';
import { MovementTable } from './MovementTable';
import { useAssetOptions } from './useAssetOptions';

const actions: { kind: DialogKind; label: string }[] = [
  { kind: 'transfer', label: '调拨…' },
  { kind: 'value_change', label: '原值变动…' },
  { kind: 'status', label: '状态变更…' },
  { kind: 'dispose', label: '处置…' },
];

/** 资产卡片: the card, its figures as of today, its movements, and the dialogs that add to them. */
export function AssetDrawer(props: { assetId: number | null; onClose: () => void; onChanged: () => void }) {
  const [asset, setAsset] = useState<AssetDetail | undefined>();
  const [error, setError] = useState('');
  const [dirty, setDirty] = useState(false);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const { holders, people } = useAssetOptions(props.assetId !== null);
  const confirmLeave = useConfirmLeave(props.assetId !== null && dirty);
  const onDirty = useCallback((d: boolean) => setDirty(d), []);

  useEffect(() => {
    setAsset(undefined);
    setError('');
    setDialog(null);
    if (props.assetId === null) return;
    call('assets.get', { id: props.assetId }).then(setAsset, (e: unknown) => setError(errorMessage(e)));
  }, [props.assetId]);

  const changed = (a: AssetDetail, text: string) => {
    setAsset(a);
    setDialog(null);
    props.onChanged();
    void message.success(text);
  };
  const closed = asset !== undefined && (asset.status === 'disposed' || asset.status === 'void');

  const figures = asset && (
    <Descriptions size="small" column={4} bordered style={{ marginBottom: 12 }} data-testid="asset-figures">
      <Descriptions.Item label="状态">
        <StatusTag status={asset.status} />
        {asset.disposedOn ? ` ${chineseDate(asset.disposedOn)}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="所在单位">{asset.holderName}</Descriptions.Item>
      <Descriptions.Item label="资产类别">{categoryLabels[asset.category as AssetCategory] ?? asset.category}</Descriptions.Item>
      <Descriptions.Item label="资金来源">{fundingLabels[asset.funding as keyof typeof fundingLabels] ?? asset.funding}</Descriptions.Item>
      <Descriptions.Item label="原值（元）">{fenToAmount(asset.valueFen)}</Descriptions.Item>
      <Descriptions.Item label="累计折旧（元）">{fenToAmount(asset.accumulatedFen)}</Descriptions.Item>
      <Descriptions.Item label="净值（元）">{fenToAmount(asset.bookValueFen)}</Descriptions.Item>
      <Descriptions.Item label="本月折旧（元）">{fenToAmount(asset.monthlyFen)}</Descriptions.Item>
      <Descriptions.Item label="入账（启用）日期">{chineseDate(asset.inServiceOn)}</Descriptions.Item>
      <Descriptions.Item label="使用年限">{lifeText(asset.lifeMonths)}</Descriptions.Item>
      <Descriptions.Item label="保管人">{asset.custodianName || '—'}</Descriptions.Item>
      <Descriptions.Item label="最近盘点">{asset.lastStocktakeOn ? chineseDate(asset.lastStocktakeOn) : '从未盘点'}</Descriptions.Item>
    </Descriptions>
  );

  return (
    <Drawer
      title={asset ? `资产卡片：${asset.code} ${asset.name}` : '资产卡片'}
      open={props.assetId !== null}
      size={980}
      onClose={() => confirmLeave(props.onClose)}
      maskClosable={false}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} />}
      {asset && (
        <Space wrap style={{ marginBottom: 12 }}>
          {actions.map((a) => (
            <Button key={a.kind} disabled={closed} onClick={() => setDialog(a.kind)}>
              {a.label}
            </Button>
          ))}
          <Button danger disabled={asset.reversibleId === null} onClick={() => setDialog('reverse')}>
            冲销更正…
          </Button>
        </Space>
      )}
      {asset?.status === 'lost' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="盘点未找到该资产（丢失待处理）"
          description="找到后请把状态改回“在用”；确实丢失的，经批准后登记“处置 → 报损”。"
        />
      )}
      {asset && closed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={asset.status === 'void' ? '这张卡片已作废（入账已冲销）' : '该资产已处置，已退出台账'}
        />
      )}
      {figures}
      {asset && (
        <Tabs
          items={[
            {
              key: 'card',
              label: '卡片信息',
              children: (
                <AssetCardEdit
                  asset={asset}
                  people={people}
                  readOnly={asset.status === 'void'}
                  onDirty={onDirty}
                  onSaved={(a) => changed(a, '已保存卡片信息')}
                />
              ),
            },
            {
              key: 'movements',
              label: `变动记录（${asset.movements.length}）`,
              children: <MovementTable movements={asset.movements} reversibleId={asset.reversibleId} />,
            },
          ]}
        />
      )}
      {asset && dialog && (
        <MovementDialog asset={asset} kind={dialog} holders={holders} people={people} onClose={() => setDialog(null)} onDone={changed} />
      )}
    </Drawer>
  );
}
