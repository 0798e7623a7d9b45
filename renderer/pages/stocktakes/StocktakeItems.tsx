import { Input, Radio, Segmented, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { categoryLabels, type AssetCategory } from '../../../shared/rules/assetCategories';
import {
  itemResultLabels,
  itemResults,
  type ItemResult,
  type StocktakeDetail,
  type StocktakeItem,
} from '../../../shared/schemas/stocktakes';
import { fenToAmount } from '../../../shared/format';

const resultColors: Record<ItemResult, string> = { pending: 'default', found: 'green', missing: 'red', damaged: 'orange', surplus: 'blue' };
const shortLabels: Record<Exclude<ItemResult, 'surplus'>, string> = { found: '相符', missing: '盘亏', damaged: '毁损', pending: '未盘点' };

/** The stocktake's items: filter by result, find by code or name, and mark each one. */
export function StocktakeItems(props: {
  detail: StocktakeDetail;
  readOnly: boolean;
  onMark: (item: StocktakeItem, result: Exclude<ItemResult, 'surplus'>) => void;
}) {
  const { detail } = props;
  const [shown, setShown] = useState<ItemResult | 'all'>('all');
  const [text, setText] = useState('');
  const rows = useMemo(() => {
    const t = text.trim().toUpperCase();
    return detail.items.filter(
      (i) => (shown === 'all' || i.result === shown) && (!t || i.code.toUpperCase().includes(t) || i.name.toUpperCase().includes(t)),
    );
  }, [detail.items, shown, text]);

  return (
    <>
      <div className="stocktake-items-bar">
        <Segmented<ItemResult | 'all'>
          value={shown}
          onChange={setShown}
          options={[
            { value: 'all', label: `全部 ${detail.counts.total}` },
            ...itemResults.map((r) => ({
              value: r,
              label: `${shortLabels[r as keyof typeof shortLabels] ?? itemResultLabels[r]} ${detail.counts[r]}`,
            })),
          ]}
        />
        <Input
          allowClear
          placeholder="按编号或名称查找"
          aria-label="按编号或名称查找"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 220 }}
        />
      </div>
      <Table<StocktakeItem>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="stocktake-items"
        tableLayout="fixed"
        scroll={{ x: 1130 }}
        rowClassName={(i) => `result-${i.result}`}
        columns={[
          {
            title: '资产编号',
            dataIndex: 'code',
            width: 130,
            render: (c: string) => c || <span className="hint-inline">（盘盈，结束后编号）</span>,
          },
          { title: '资产名称', dataIndex: 'name', width: 180, ellipsis: true },
          {
            title: '类别',
            key: 'category',
            width: 170,
            ellipsis: true,
            render: (_: unknown, i) => categoryLabels[i.category as AssetCategory] ?? i.category,
          },
          { title: '规格型号', dataIndex: 'model', width: 120, ellipsis: true },
          { title: '所在单位', dataIndex: 'holderName', width: 140, ellipsis: true },
          { title: '原值(元)', key: 'value', width: 110, align: 'right', render: (_: unknown, i) => fenToAmount(i.valueFen) },
          {
            title: '盘点结果',
            key: 'result',
            width: 250,
            render: (_: unknown, i) =>
              i.result === 'surplus' || props.readOnly ? (
                <Tag color={resultColors[i.result]}>{itemResultLabels[i.result]}</Tag>
              ) : (
                <Radio.Group
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  aria-label={`${i.code} 盘点结果`}
                  value={i.result}
                  onChange={(e) => props.onMark(i, e.target.value as Exclude<ItemResult, 'surplus'>)}
                  options={(['found', 'missing', 'damaged', 'pending'] as const).map((r) => ({ value: r, label: shortLabels[r] }))}
                />
              ),
          },
        ]}
      />
    </>
  );
}
