import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate, yuanText } from '../../../shared/format';
import { essentialHowLabels, platformMarkLabels, type DrugDetail } from '../../../shared/schemas/drugs';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { EssentialTag } from './essentialTag';
import { SettleButton, SettleDialog, type SettleTarget } from './SettleDialog';

const statusText: Record<string, string> = { essential: '基药', not_essential: '非基药', doubtful: '待核定' };

/** One drug: the platform's facts, its dated prices (never overwritten) and its status in every edition. */
export function DrugDrawer(props: { drugId: number | null; asOf: string; onClose: () => void; onChanged: () => void }) {
  const may = useMay();
  const [detail, setDetail] = useState<DrugDetail | null>(null);
  const [error, setError] = useState('');
  const [target, setTarget] = useState<SettleTarget | null>(null);
  const [tick, setTick] = useState(0);
  const { drugId, asOf } = props;
  useEffect(() => {
    setDetail(null);
    setError('');
    if (drugId !== null) call('drugs.get', { id: drugId, asOf }).then(setDetail, (e: unknown) => setError(errorMessage(e)));
  }, [drugId, asOf, tick]);
  const d = detail?.drug;
  return (
    <Drawer open={drugId !== null} onClose={props.onClose} width={720} title={d ? `${d.genericName} ${d.spec}` : '药品'} destroyOnHidden>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {d && detail && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="平台编码">{d.platformCode}</Descriptions.Item>
            <Descriptions.Item label="国家药品代码">{d.nationalCode}</Descriptions.Item>
            <Descriptions.Item label="通用名">{d.genericName}</Descriptions.Item>
            <Descriptions.Item label="商品名">{d.tradeName}</Descriptions.Item>
            <Descriptions.Item label="剂型">{d.form}</Descriptions.Item>
            <Descriptions.Item label="规格">{d.spec}</Descriptions.Item>
            <Descriptions.Item label="包装单位">{d.packUnit}</Descriptions.Item>
            <Descriptions.Item label="生产企业">{d.maker}</Descriptions.Item>
            <Descriptions.Item label="挂网价">{yuanText(d.priceFen)}</Descriptions.Item>
            <Descriptions.Item label={`基药（${chineseDate(asOf)}）`}>
              <EssentialTag status={d.essential} /> {d.editionName}
            </Descriptions.Item>
            <Descriptions.Item label="平台基药标识">{platformMarkLabels[d.platformMark] || '（导出中没有）'}</Descriptions.Item>
            <Descriptions.Item label="集采批次">{d.vbpBatch ? <Tag color="purple">{d.vbpBatch}</Tag> : '非集采'}</Descriptions.Item>
            <Descriptions.Item label="医保类别">{d.insuranceClass}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            价格记录
          </Typography.Title>
          <Table
            data-testid="drug-prices"
            size="small"
            pagination={false}
            rowKey={(r) => `${r.effectiveOn}-${r.recordedAt}`}
            dataSource={detail.prices}
            columns={[
              { title: '执行日期', dataIndex: 'effectiveOn', width: 130, render: (v: string) => chineseDate(v) },
              { title: '挂网价', dataIndex: 'priceFen', width: 110, render: (v: number) => yuanText(v) },
              { title: '来源', dataIndex: 'source' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            各版基本药物目录
          </Typography.Title>
          <Table
            data-testid="drug-editions"
            size="small"
            pagination={false}
            rowKey={(r) => r.listId}
            dataSource={detail.editions}
            locale={{ emptyText: '尚未载入基本药物目录' }}
            columns={[
              { title: '目录', dataIndex: 'editionName' },
              { title: '执行日期', dataIndex: 'effectiveOn', width: 130, render: (v: string) => chineseDate(v) },
              { title: '结论', dataIndex: 'status', width: 80, render: (v: string) => statusText[v] ?? v },
              {
                title: '依据',
                render: (_: unknown, r) =>
                  [essentialHowLabels[r.how] ?? r.how, r.entry, r.note, r.decidedBy && `核定人：${r.decidedBy}`].filter(Boolean).join('；'),
              },
              {
                title: '',
                width: 70,
                render: (_: unknown, r) => (
                  <SettleButton
                    allowed={may('write')}
                    onPick={setTarget}
                    target={{
                      drugId: d.id,
                      listId: r.listId,
                      drugLabel: `${d.genericName} ${d.spec}`,
                      editionName: r.editionName,
                      note: r.note,
                    }}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      <SettleDialog
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTick((n) => n + 1);
          props.onChanged();
        }}
      />
    </Drawer>
  );
}
