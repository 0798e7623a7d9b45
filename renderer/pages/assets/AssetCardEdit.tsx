import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AssetDetail } from '../../../shared/schemas/assets';
import type { AssetCategory } from '../../../shared/rules/assetCategories';
import { call } from '../../api';
import { applyServerError } from '../../components/serverErrors';
import { AssetCardFields } from './AssetCardFields';
import { assetCardForm, emptyCard, type AssetCardValues } from './assetForm';
import type { Option } from './useAssetOptions';

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
export function AssetCardEdit(props: { asset: AssetDetail; people: Option[]; readOnly: boolean; onSaved: (a: AssetDetail) => void; onDirty: (d: boolean) => void }) {
  const { asset, onDirty } = props;
  const { control, handleSubmit, reset, setError, formState } = useForm<AssetCardValues>({ resolver: zodResolver(assetCardForm), defaultValues: valuesOf(asset), mode: 'onTouched' });
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => onDirty(formState.isDirty), [formState.isDirty, onDirty]);
  useEffect(() => reset(valuesOf(asset)), [asset, reset]);

  const save = handleSubmit(async (v) => {
    setBusy(true);
    setBanner('');
    try {
      const saved = await call('assets.update', { id: asset.id, values: assetCardForm.parse(v) });
      reset(valuesOf(saved));
      props.onSaved(saved);
    } catch (e) {
      setBanner(applyServerError(e, setError, Object.keys(emptyCard)));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Form layout="vertical" component="div" disabled={props.readOnly}>
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <AssetCardFields control={control} people={props.people} />
      <p className="hint">原值、所在单位、入账日期和状态不在这里修改：请用上方的调拨、原值变动、状态变更、处置登记，每次变动都留有记录。</p>
      {!props.readOnly && (
        <Button type="primary" loading={busy} onClick={() => void save()}>
          保存卡片信息
        </Button>
      )}
    </Form>
  );
}
