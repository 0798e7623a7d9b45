import { Form, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { categoryInfo, type AssetCategory } from '../../../shared/rules/assetCategories';
import { assetLabels, type AssetDetail, type AssetInput } from '../../../shared/schemas/assets';
import { defaultLifeMonthsFrom, type Settings } from '../../../shared/schemas/settings';
import { call } from '../../api';
import { DateInput } from '../../components/DateInput';
import { FormDrawer, useDrawerForm } from '../../components/FormDrawer';
import { FormField } from '../../components/FormField';
import { AssetCardFields } from './AssetCardFields';
import { assetCreateForm, defaultLifeText, emptyAsset, lifeUnits, type AssetCardValues, type AssetCreateValues } from './assetForm';
import { useAssetOptions } from './useAssetOptions';

const never = (): AssetCreateValues => emptyAsset;
const unitOptions = Object.entries(lifeUnits).map(([value, label]) => ({ value, label }));

/**
 * 新增资产 (A1): the card and its acquisition (入账) in one save. 原值 is typed in 元; the core
 * gives the code (with the holder's prefix) and records the 入账 movement.
 */
export function AssetCreateDrawer(props: { open: boolean; onClose: () => void; onSaved: (a: AssetDetail) => void }) {
  const { form, banner, saving, save, confirmLeave } = useDrawerForm<AssetCreateValues, AssetInput, AssetDetail>({
    open: props.open,
    entity: undefined,
    schema: assetCreateForm,
    empty: emptyAsset,
    valuesOf: never,
    submit: (parsed) => call('assets.create', parsed),
    onSaved: props.onSaved,
  });
  const { control, watch } = form;
  const { holders, people } = useAssetOptions(props.open);
  const category = watch('category') as AssetCategory | undefined;
  // The default life comes from the settings (A4), as the core applies it.
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    if (props.open) call('settings.get', {}).then(setSettings, () => undefined);
  }, [props.open]);
  const defaultYears = category
    ? settings
      ? defaultLifeMonthsFrom(settings, category) / 12
      : categoryInfo[category]?.lifeYears
    : undefined;
  // The card fields are the same names and types in both forms; this form has more of them.
  const cardControl = control as unknown as Control<AssetCardValues>;

  const money = (
    <>
      <Space size="large" wrap align="start">
        <FormField control={control} name="valueFen" label={`${assetLabels.valueFen}（元）`} required>
          {(f) => (
            <InputNumber
              id="f-valueFen"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              min={0}
              precision={2}
              suffix="元"
              style={{ width: 180 }}
            />
          )}
        </FormField>
        <FormField control={control} name="lifeMonths" label={assetLabels.lifeMonths} extra={defaultLifeText(category, defaultYears)}>
          {(f) => (
            <Space.Compact>
              <InputNumber
                id="f-lifeMonths"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
                min={1}
                precision={0}
                placeholder="默认"
                style={{ width: 100 }}
              />
              <Controller
                control={control}
                name="lifeUnit"
                render={({ field: u }) => (
                  <Select aria-label="年限单位" value={u.value} onChange={u.onChange} options={unitOptions} style={{ width: 90 }} />
                )}
              />
            </Space.Compact>
          )}
        </FormField>
      </Space>
      <Space size="large" wrap align="start">
        <FormField control={control} name="holderClinicId" label={assetLabels.holderClinicId} required extra="资产编号按所在单位生成前缀">
          {(f) => (
            <Select
              id="f-holderClinicId"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              options={holders}
              placeholder="选择卫生室或卫生院本部"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
            />
          )}
        </FormField>
        <FormField control={control} name="inServiceOn" label={assetLabels.inServiceOn} extra="留空则与购置日期相同；从这个月开始计提折旧">
          {(f) => <DateInput id="f-inServiceOn" value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} />}
        </FormField>
      </Space>
    </>
  );

  return (
    <FormDrawer
      title="新增资产"
      open={props.open}
      size={640}
      banner={banner}
      saving={saving}
      onClose={() => confirmLeave(props.onClose)}
      onSave={() => void save()}
    >
      <Form layout="vertical" component="div">
        <AssetCardFields control={cardControl} people={people} afterCategory={money} />
      </Form>
    </FormDrawer>
  );
}
