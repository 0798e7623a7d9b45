import { Alert } from 'antd';
import { useMemo } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { movementKindLabels, reverseInput, type AssetDetail, type MovementInput } from '../../../shared/schemas/assets';
import { call } from '../../api';
import { SpecFormModal } from '../../components/SpecForm';
import { movementSpecs, type MovementKindShown } from './movementSpecs';
import type { Option } from './useAssetOptions';
import { chineseDate } from '../../../shared/format';

export type DialogKind = MovementKindShown | 'reverse';

const reverseSchema = reverseInput as unknown as z.ZodType<FieldValues>;

/** One movement dialog of the card (or 冲销更正 of the latest movement in effect). */
export function MovementDialog(props: {
  asset: AssetDetail;
  kind: DialogKind | null;
  holders: Option[];
  people: Option[];
  onClose: () => void;
  onDone: (a: AssetDetail, text: string) => void;
}) {
  const { asset, kind } = props;
  const target = asset.movements.find((m) => m.id === asset.reversibleId);
  const spec = kind && kind !== 'reverse' ? movementSpecs[kind] : undefined;
  const initial = useMemo(
    () => (spec ? spec.initial(asset) : { assetId: asset.id, movementId: asset.reversibleId ?? 0, reason: '' }),
    // A new dialog (kind) or another card starts afresh; a reloaded card with the dialog open does not.
    [kind, asset.id],
  );
  const fields = spec ? spec.fields(asset, props) : [{ name: 'reason', label: '冲销原因', kind: 'textarea' as const, required: true }];

  if (kind === 'reverse') {
    return (
      <SpecFormModal
        title={`冲销更正：${asset.code} ${asset.name}`}
        open
        schema={reverseSchema}
        fields={fields}
        initial={initial}
        okText="确认冲销"
        danger
        intro={
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              target ? `将冲销 ${chineseDate(target.date)} 的“${movementKindLabels[target.kind]}”：${target.summary}` : '没有可以冲销的变动'
            }
            description={
              target?.kind === 'acquire'
                ? '冲销入账即作废这张卡片，资产编号不再使用。原记录保留并标记“已冲销”，不会被删除。'
                : '冲销后资产恢复到这次变动之前的状态。原记录保留并标记“已冲销”，不会被删除；只能从最近一次起依次冲销。'
            }
          />
        }
        onCancel={props.onClose}
        onSubmit={async (v) => {
          const saved = await call('assets.reverse', {
            assetId: asset.id,
            movementId: asset.reversibleId ?? 0,
            reason: String(v.reason ?? ''),
          });
          props.onDone(saved, '已冲销更正');
        }}
      />
    );
  }
  if (!spec) return null;
  return (
    <SpecFormModal
      title={`${spec.title}：${asset.code} ${asset.name}`}
      open
      schema={spec.schema}
      fields={fields}
      initial={initial}
      okText={spec.okText}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={spec.intro} />}
      onCancel={props.onClose}
      onSubmit={async (v) => {
        const saved = await call('assets.move', v as MovementInput);
        props.onDone(saved, `已登记${spec.title}`);
      }}
    />
  );
}
