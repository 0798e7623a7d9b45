import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Modal, Space, Statistic, Tag, message } from 'antd';
import { useEffect, useState } from 'react';
import {
  itemResultLabels,
  stocktakeScopeLabels,
  stocktakeStatusLabels,
  type ItemResult,
  type StocktakeDetail,
  type StocktakeItem,
} from '../../../shared/schemas/stocktakes';
import { call, errorMessage } from '../../api';
import { useAssetOptions } from '../assets/useAssetOptions';
import { DiscrepancyExport } from './DiscrepancyExport';
import { ScanBox } from './ScanBox';
import { CloseDialog, SurplusDialog } from './StocktakeDialogs';
import { StocktakeItems } from './StocktakeItems';
import { chineseDate } from '../../../shared/format';

/** One stocktake: scan or mark each item, add surplus, mark the rest, close; read-only once closed. */
export function StocktakeView(props: { id: number; onBack: () => void; onChanged: () => void }) {
  const [detail, setDetail] = useState<StocktakeDetail | null>(null);
  const [error, setError] = useState('');
  const [dialog, setDialog] = useState<'surplus' | 'close' | null>(null);
  const { holders } = useAssetOptions(true);
  useEffect(() => {
    call('stocktakes.get', { id: props.id }).then(setDetail, (e: unknown) => setError(errorMessage(e)));
  }, [props.id]);

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={props.onBack}>返回盘点列表</Button>} />;
  if (!detail) return null;
  const open = detail.status === 'open';

  const replaceItem = (item: StocktakeItem, stocktake: Omit<StocktakeDetail, 'items'>) =>
    setDetail((d) => (d ? { ...d, ...stocktake, items: d.items.map((i) => (i.id === item.id ? item : i)) } : d));
  const done = (d: StocktakeDetail, text: string) => {
    setDetail(d);
    setDialog(null);
    props.onChanged();
    void message.success(text);
  };
  async function mark(item: StocktakeItem, result: Exclude<ItemResult, 'surplus'>) {
    try {
      const r = await call('stocktakes.mark', { stocktakeId: detail?.id ?? 0, itemId: item.id, result });
      replaceItem(r.item, r.stocktake);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }
  function markRest(result: 'found' | 'missing') {
    Modal.confirm({
      title: `其余 ${detail?.counts.pending ?? 0} 项标记为“${itemResultLabels[result]}”？`,
      content:
        result === 'found' ? '适用于已逐一看过、其余均在原处的情况。' : '其余未找到的资产都记为盘亏；结束盘点后它们将成为“丢失待处理”。',
      okText: '确定',
      cancelText: '取消',
      okButtonProps: { danger: result === 'missing' },
      onOk: async () => {
        try {
          done(
            await call('stocktakes.markRest', { stocktakeId: detail?.id ?? 0, result }),
            `已把其余项目标记为${itemResultLabels[result]}`,
          );
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
  }

  const c = detail.counts;
  return (
    <div className="stocktake-view">
      <Card
        size="small"
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={props.onBack} aria-label="返回盘点列表" />
            {detail.title}
            <Tag color={open ? 'processing' : 'default'}>{stocktakeStatusLabels[detail.status]}</Tag>
          </Space>
        }
        extra={
          open ? (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setDialog('surplus')}>
                登记盘盈…
              </Button>
              <Button disabled={c.pending === 0} onClick={() => markRest('found')}>
                其余标记为相符
              </Button>
              <Button disabled={c.pending === 0} onClick={() => markRest('missing')}>
                其余标记为盘亏
              </Button>
              <Button type="primary" danger onClick={() => setDialog('close')}>
                结束盘点…
              </Button>
            </Space>
          ) : (
            <DiscrepancyExport stocktakeId={detail.id} />
          )
        }
      >
        <div className="stocktake-head">
          <Descriptions size="small" column={1} className="stocktake-desc">
            <Descriptions.Item label="范围">
              {detail.scope === 'clinic' ? detail.clinicName : stocktakeScopeLabels[detail.scope]}
            </Descriptions.Item>
            <Descriptions.Item label="盘点日期">
              {chineseDate(detail.startedOn)}
              {detail.closedOn ? ` 至 ${chineseDate(detail.closedOn)}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <div className="stocktake-counts" data-testid="stocktake-counts">
            <Statistic title="账面" value={c.total - c.surplus} />
            <Statistic title="未盘点" value={c.pending} />
            <Statistic title="相符" value={c.found} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title="盘亏" value={c.missing} styles={{ content: { color: c.missing ? '#cf1322' : undefined } }} />
            <Statistic title="毁损" value={c.damaged} />
            <Statistic title="盘盈" value={c.surplus} />
          </div>
        </div>
        {open ? (
          <ScanBox stocktakeId={detail.id} onMarked={(r) => replaceItem(r.item, r.stocktake)} />
        ) : (
          <Alert
            type="info"
            showIcon
            title={`盘点已于 ${chineseDate(detail.closedOn)} 结束，已锁定，只能查看`}
            description={
              c.missing > 0 ? `盘亏的 ${c.missing} 项资产已标为“丢失待处理”：经批准后在固定资产的资产卡片上登记“处置 → 报损”。` : undefined
            }
          />
        )}
      </Card>
      <Card size="small" style={{ marginTop: 12 }}>
        <StocktakeItems detail={detail} readOnly={!open} onMark={(i, r) => void mark(i, r)} />
      </Card>
      <SurplusDialog detail={detail} open={dialog === 'surplus'} holders={holders} onClose={() => setDialog(null)} onDone={done} />
      <CloseDialog detail={detail} open={dialog === 'close'} onClose={() => setDialog(null)} onDone={done} />
    </div>
  );
}
