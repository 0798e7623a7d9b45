/**
 * One clinic's requisition for a month, editable from the keyboard: find a drug by typing
 * (name, code, maker), type its packs, Enter adds the line with the clinic's 结存 at the end of
 * the month before, its three months' use and the suggested quantity beside it. The D3 shares
 * by value and by items are computed live with the same rule as the core, against the limits
 * in the settings. 保存草稿 keeps it; 提交 lets D3 decide (within: approved at once; over:
 * waits for a reviewer's 审批 with a reason). An approved one is reopened with 撤回修改 while
 * nothing of it was delivered.
 */
import { Alert, Button, Drawer, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { chineseDate, chineseDateTime, yuanText } from '../../../shared/format';
import { essentialShare } from '../../../shared/rules/essentialShare';
import type { RequisitionDetail, RequisitionLine } from '../../../shared/schemas/requisitions';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { useConfirmLeave } from '../../components/useConfirmLeave';
import { EssentialTag } from '../drugs/essentialTag';
import { DrugPicker, type PickedDrug } from '../receipts/DrugPicker';
import { ApprovePanel } from './ApprovePanel';
import { StatusTag } from './RequisitionsPage';
import { SharePanel } from './SharePanel';

export function RequisitionEditor(props: { clinicId: number; month: string; onClose: () => void; onChanged: () => void }) {
  const { clinicId, month } = props;
  const may = useMay();
  const [detail, setDetail] = useState<RequisitionDetail | null>(null);
  const [lines, setLines] = useState<RequisitionLine[]>([]);
  const [dirty, setDirty] = useState(false);
  const [picked, setPicked] = useState<PickedDrug | null>(null);
  const [packs, setPacks] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const confirmLeave = useConfirmLeave(dirty);

  const show = (d: RequisitionDetail) => {
    setDetail(d);
    setLines(d.lines);
    setDirty(false);
  };
  useEffect(() => {
    call('requisitions.get', { clinicId, month }).then(show, (e: unknown) => setError(errorMessage(e)));
  }, [clinicId, month]);

  const editable = detail !== null && detail.status !== 'approved' && may('write');
  const share = useMemo(
    () =>
      detail
        ? essentialShare(
            lines.map((l) => ({ drugId: l.drugId, essential: l.essential, amountFen: l.packs * l.priceFen })),
            detail.limits,
          )
        : null,
    [lines, detail],
  );

  const add = async () => {
    if (!picked) return setError('请先选择药品（输入药名、编码或厂家查找）');
    if (lines.some((l) => l.drugId === picked.id)) return setError('这种药品已在请领单中，请直接修改它的数量');
    setError('');
    try {
      const f = await call('requisitions.lineFigures', { clinicId, month, drugId: picked.id });
      const n = packs ?? (f.suggested > 0 ? f.suggested : null);
      if (!n || n < 1) return setError('请填写请领数量（以包装单位计，至少 1）');
      setLines((ls) => [...ls, { ...f, packs: n, amountFen: n * f.priceFen, note: '' }]);
      setDirty(true);
      setPicked(null);
      setPacks(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const change = (drugId: number, patch: Partial<Pick<RequisitionLine, 'packs' | 'note'>>) => {
    setLines((ls) => ls.map((l) => (l.drugId === drugId ? { ...l, ...patch, amountFen: (patch.packs ?? l.packs) * l.priceFen } : l)));
    setDirty(true);
  };
  const save = async (submit: boolean) => {
    const bad = lines.find((l) => !Number.isInteger(l.packs) || l.packs < 1);
    if (bad) return setError(`“${bad.genericName}”的请领数量应为至少 1 的整数`);
    setBusy(true);
    setError('');
    try {
      show(
        await call('requisitions.save', {
          clinicId,
          month,
          submit,
          lines: lines.map((l) => ({ drugId: l.drugId, packs: l.packs, note: l.note })),
        }),
      );
      props.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const act = async (op: 'requisitions.reopen' | 'requisitions.approve', reason = '') => {
    setBusy(true);
    setError('');
    try {
      show(op === 'requisitions.reopen' ? await call(op, { clinicId, month }) : await call(op, { clinicId, month, reason }));
      props.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const columns = [
    { title: '药品', key: 'drug', render: (l: RequisitionLine) => `${l.genericName} ${l.spec}`, width: 220 },
    { title: '基药', key: 'status', width: 110, render: (l: RequisitionLine) => <EssentialTag status={l.status} /> },
    { title: '单价', key: 'price', width: 80, align: 'right' as const, render: (l: RequisitionLine) => yuanText(l.priceFen) },
    { title: '上月末结存', dataIndex: 'onHand', width: 80, align: 'right' as const },
    { title: '近三月用量', dataIndex: 'used3m', width: 80, align: 'right' as const },
    { title: '建议', dataIndex: 'suggested', width: 60, align: 'right' as const },
    {
      title: '请领数量',
      key: 'packs',
      width: 110,
      render: (l: RequisitionLine) =>
        editable ? (
          <InputNumber
            aria-label={`${l.genericName}请领数量`}
            min={1}
            precision={0}
            value={l.packs}
            suffix={l.packUnit}
            onChange={(v) => change(l.drugId, { packs: Number(v ?? 0) })}
          />
        ) : (
          `${l.packs} ${l.packUnit}`
        ),
    },
    { title: '金额', key: 'amount', width: 100, align: 'right' as const, render: (l: RequisitionLine) => yuanText(l.amountFen) },
    {
      title: '备注',
      key: 'note',
      render: (l: RequisitionLine) =>
        editable ? (
          <Input
            aria-label={`${l.genericName}备注`}
            value={l.note}
            maxLength={200}
            onChange={(e) => change(l.drugId, { note: e.target.value })}
          />
        ) : (
          l.note
        ),
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 56,
            render: (l: RequisitionLine) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => {
                  setLines((ls) => ls.filter((x) => x.drugId !== l.drugId));
                  setDirty(true);
                }}
              >
                删除
              </Button>
            ),
          },
        ]
      : []),
  ];

  const doubtful = lines.filter((l) => l.status === 'doubtful');
  return (
    <Drawer
      open
      width="min(1200px, 100vw)"
      title={
        detail ? (
          <Space>
            {`${detail.clinicName} ${month.replace('-', '年')}月 药品请领单`} <StatusTag status={detail.status} />
          </Space>
        ) : (
          '药品请领单'
        )
      }
      onClose={() => confirmLeave(props.onClose)}
      extra={
        detail && (
          <Space>
            {editable && (
              <>
                <Button disabled={busy} onClick={() => void save(false)} data-testid="requisition-draft">
                  保存草稿
                </Button>
                <Button type="primary" loading={busy} onClick={() => void save(true)} data-testid="requisition-submit">
                  提交
                </Button>
              </>
            )}
            {detail.status !== 'none' && detail.status !== 'draft' && may('write') && !detail.delivered && (
              <Popconfirm
                title="撤回为草稿后可以修改，须重新提交"
                okText="撤回修改"
                cancelText="取消"
                onConfirm={() => void act('requisitions.reopen')}
              >
                <Button disabled={busy}>撤回修改</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="requisition-error" />}
      {detail && share && (
        <>
          <SharePanel share={share} limits={detail.limits} status={dirty ? 'draft' : detail.status} />
          {detail.status === 'held' && (
            <ApprovePanel busy={busy} mayApprove={may('approve')} onApprove={(reason) => void act('requisitions.approve', reason)} />
          )}
          {detail.status === 'approved' && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              title={`已批准：${detail.approvedBy}${detail.approvedAt ? `，${chineseDateTime(detail.approvedAt)}` : ''}${detail.approvalReason ? `。理由：${detail.approvalReason}` : ''}`}
              description={
                detail.delivered
                  ? '本月已开始配送，不能再修改；缺的药品可在采购计划中由卫生院补录。'
                  : '要修改请先“撤回修改”，修改后重新提交。'
              }
            />
          )}
          {doubtful.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${doubtful.map((l) => l.genericName).join('、')} 在本月适用的基药目录中待核定，按非基药计算份额；可在“药品目录 → 待核定基药”中核定。`}
            />
          )}
          {editable && (
            <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
              <div style={{ flex: 1 }}>
                <DrugPicker
                  id="requisition-drug"
                  value={picked}
                  onChange={(d) => (setPicked(d), d && setTimeout(() => document.getElementById('requisition-packs')?.focus(), 0))}
                />
              </div>
              <InputNumber
                id="requisition-packs"
                aria-label="请领数量"
                placeholder="数量（空则按建议）"
                min={1}
                precision={0}
                style={{ width: 170 }}
                value={packs}
                onChange={(v) => setPacks(v === null ? null : Number(v))}
                onPressEnter={() => void add()}
              />
              <Button onClick={() => void add()} data-testid="requisition-add">
                添加
              </Button>
            </Space.Compact>
          )}
          <Table<RequisitionLine>
            className="requisition-lines"
            size="small"
            rowKey="drugId"
            pagination={false}
            dataSource={lines}
            columns={columns}
            scroll={{ y: 'calc(100vh - 420px)' }}
            locale={{ emptyText: editable ? '还没有药品：在上面输入药名查找，填数量后按回车添加' : '没有药品' }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            结存为 {chineseDate(detail.onHandAsOf)} 的库存；近三月用量为请领月份之前三个月的使用（销售）数量；建议数量 = 近三月平均月用量 ×
            1.5 − 结存，不小于 0（默认算法，非文件规定）。
            {detail.submittedAt && ` 提交：${detail.submittedBy}，${chineseDateTime(detail.submittedAt)}。`}
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
