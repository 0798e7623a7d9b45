import { Alert, Button, Form } from 'antd';
import { useMemo } from 'react';
import type { AssetDetail } from '../../../shared/schemas/assets';
import type { AssetCategory } from '../../../shared/rules/assetCategories';
import { call } from '../../api';
import { useSaveForm } from '../../components/useSaveForm';
import { AssetCardFields } from './AssetCardFields';
import { assetCardForm, emptyCard, type AssetCardValues } from './assetForm';
import type { Option } from './useAssetOptions';

const cardFields = Object.keys(emptyCard);

function valuesOf(a: AssetDetail): AssetCardValues {
  return {
    name: a.name,
    category: a.category as AssetCategory,
    model: a.model,
    quantity: a.quantity,
    unit: a.unit,
    funding: a.funding as AssetCardValues['funding'],
    acquiredOn: a.acquiredOn,
    custodianId: a.custodianId,
    location: a.location,
    note: a.note,
  };
}

/** 卡片信息: the descriptive fields; value, holder, dates and status change only by movements. */
export function AssetCardEdit(props: {
  asset: AssetDetail;
  people: Option[];
  readOnly: boolean;
  onSaved: (a: AssetDetail) => void;
  onDirty: (d: boolean) => void;
}) {
  const { asset } = props;
  const values = useMemo(() => valuesOf(asset), [asset]);
  const { form, banner, saving, save } = useSaveForm({
    schema: assetCardForm,
    values,
    fields: cardFields,
    submit: (parsed) => call('assets.update', { id: asset.id, values: parsed }),
    valuesOf,
    onSaved: props.onSaved,
    guard: props.onDirty,
  });
  const { control } = form;

  return (
    <Form layout="vertical" component="div" disabled={props.readOnly}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <AssetCardFields control={control} people={props.people} />
      <p className="hint">原值、所在单位、入账日期和状态不在这里修改：请用上方的调拨、原值变动、状态变更、处置登记，每次变动都留有记录。</p>
      {!props.readOnly && (
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存卡片信息
        </Button>
      )}
    </Form>
  );
}
