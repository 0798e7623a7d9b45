import { Input, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import type { Control } from 'react-hook-form';
import { assetLabels } from '../../../shared/schemas/assets';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';
import { categoryOptions, fundingOptions, type AssetCardValues } from './assetForm';
import type { Option } from './useAssetOptions';

/**
 * The descriptive fields of an asset card, shared by 新增资产 and the card's 卡片信息 tab.
 * `afterCategory` is the create form's 原值 / 使用年限 rows, placed where a clerk expects it.
 */
export function AssetCardFields(props: {
  control: Control<AssetCardValues>;
  people: Option[];
  lifeHint?: string;
  afterCategory?: ReactNode;
}) {
  const { control } = props;
  return (
    <>
      <Space size="large" wrap align="start">
        <FormField control={control} name="name" label={assetLabels.name} required>
          {(f) => <Input id="f-name" {...f} maxLength={60} placeholder="如：心电图机" style={{ width: 240 }} />}
        </FormField>
        <FormField control={control} name="category" label={assetLabels.category} required extra={props.lifeHint}>
          {(f) => (
            <Select
              id="f-category"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              options={categoryOptions}
              placeholder="请选择"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 280 }}
            />
          )}
        </FormField>
      </Space>
      {props.afterCategory}
      <Space size="large" wrap align="start">
        <FormField control={control} name="model" label={assetLabels.model}>
          {(f) => <Input id="f-model" {...f} maxLength={60} style={{ width: 200 }} />}
        </FormField>
        <FormField control={control} name="quantity" label={assetLabels.quantity} required>
          {(f) => (
            <InputNumber
              id="f-quantity"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              min={1}
              precision={0}
              style={{ width: 100 }}
            />
          )}
        </FormField>
        <FormField control={control} name="unit" label={assetLabels.unit}>
          {(f) => <Input id="f-unit" {...f} maxLength={10} style={{ width: 80 }} />}
        </FormField>
      </Space>
      <Space size="large" wrap align="start">
        <FormField control={control} name="funding" label={assetLabels.funding} required>
          {(f) => (
            <Select
              id="f-funding"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              options={fundingOptions}
              style={{ width: 140 }}
            />
          )}
        </FormField>
        <FormField control={control} name="acquiredOn" label={assetLabels.acquiredOn} required>
          {(f) => <DateInput id="f-acquiredOn" value={f.value} onChange={(v) => f.onChange(v ?? '')} onBlur={f.onBlur} />}
        </FormField>
      </Space>
      <Space size="large" wrap align="start">
        <FormField control={control} name="custodianId" label={assetLabels.custodianId}>
          {(f) => (
            <Select
              id="f-custodianId"
              value={f.value ?? undefined}
              onChange={(v?: number) => f.onChange(v ?? null)}
              onBlur={f.onBlur}
              options={props.people}
              allowClear
              placeholder="选择人员（可输入姓名查找）"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
            />
          )}
        </FormField>
        <FormField control={control} name="location" label={assetLabels.location}>
          {(f) => <Input id="f-location" {...f} maxLength={60} placeholder="如：诊室、药房" style={{ width: 220 }} />}
        </FormField>
      </Space>
      <FormField control={control} name="note" label={assetLabels.note}>
        {(f) => <Input.TextArea id="f-note" {...f} rows={2} maxLength={200} />}
      </FormField>
    </>
  );
}
