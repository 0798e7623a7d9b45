/**
 * The platform upload file's columns, in the platform's order (setting purchasePlanColumns):
 * move a column up or down, remove it, add one of the rest; saved through its own operation
 * (a clerk's working setting, audited as a settings change).
 */
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { purchaseColumnKeys, purchaseColumnLabels, type PurchaseColumnKey } from '../../../shared/schemas/requisitions';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';

export function ColumnOrder(props: { columns: PurchaseColumnKey[]; onSaved: () => void }) {
  const may = useMay();
  const [cols, setCols] = useState(props.columns);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => setCols(props.columns), [props.columns]);
  const dirty = cols.join() !== props.columns.join();
  const move = (i: number, by: number) =>
    setCols((c) => {
      const next = [...c];
      const [k] = next.splice(i, 1);
      if (k) next.splice(i + by, 0, k);
      return next;
    });
  const save = async () => {
    setError('');
    try {
      await call('purchase.setColumns', { columns: cols });
      setSaved(true);
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const rest = purchaseColumnKeys.filter((k) => !cols.includes(k));
  return (
    <Card size="small" title="平台上传文件的列（按省平台模板的顺序）" style={{ marginTop: 16 }} data-testid="purchase-columns">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Space wrap>
        {cols.map((k, i) => (
          <Tag key={k} style={{ padding: '2px 6px' }}>
            {i + 1}. {purchaseColumnLabels[k]}
            {may('write') && (
              <>
                <Button
                  size="small"
                  type="text"
                  aria-label={`${purchaseColumnLabels[k]}前移`}
                  disabled={i === 0}
                  icon={<ArrowUpOutlined />}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  aria-label={`${purchaseColumnLabels[k]}后移`}
                  disabled={i === cols.length - 1}
                  icon={<ArrowDownOutlined />}
                  onClick={() => move(i, 1)}
                />
                <Button
                  size="small"
                  type="text"
                  aria-label={`去掉${purchaseColumnLabels[k]}`}
                  disabled={cols.length === 1}
                  icon={<CloseOutlined />}
                  onClick={() => setCols((c) => c.filter((x) => x !== k))}
                />
              </>
            )}
          </Tag>
        ))}
        {may('write') && rest.length > 0 && (
          <Select<PurchaseColumnKey>
            placeholder="添加一列"
            style={{ width: 140 }}
            value={null}
            options={rest.map((k) => ({ value: k, label: purchaseColumnLabels[k] }))}
            onChange={(k) => setCols((c) => [...c, k])}
          />
        )}
        {may('write') && (
          <Button type="primary" disabled={!dirty} onClick={() => void save()}>
            保存列顺序
          </Button>
        )}
        {saved && !dirty && <span>已保存</span>}
      </Space>
    </Card>
  );
}
