/**
 * 县级复核 (P4, issue 11 part 7): the county re-checks a sample of clinics every half-year. The
 * clerk picks the half-year, then the clinics — by hand, or 随机抽取 N 家 (drawn from the clinics
 * open in the half-year with a recorded seed, kept with who and when) — and for each picked
 * clinic gives the county its pack: the workbook (导出复核材料, the `recheck` return) and the
 * half-year's printed visit sheets as PDF (打印督导表: Electron saves it, the browser's print
 * dialog saves it there). `#/recheck?sheets=<clinicId>:<half>` opens the sheets directly.
 * Only a clinic picked by hand can be taken off the list; a drawn one stays (P4, recheck/pick.ts).
 */
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDateTime, todayIso } from '../../../shared/format';
import { halfKey, halfLabel, halfOf, parseHalf, previousHalf } from '../../../shared/rules/half';
import type { RecheckList, RecheckRow } from '../../../shared/schemas/recheck';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { saveFile } from '../../download';
import type { Route } from '../../router';
import { HalfSheetsPrint, type HalfSheetsRequest } from './HalfSheetsPrint';
import { shellCanPrintPdf } from './shellPdf';

/** The print route's value, `<clinicId>:<half>`. */
function sheetsFromRoute(value: string | undefined): HalfSheetsRequest | null {
  const m = /^(\d+):(\d{4}H[12])$/.exec(value ?? '');
  return m ? { clinicId: Number(m[1]), half: m[2] ?? '' } : null;
}

function halfOptions(): { value: string; label: string }[] {
  let h = halfOf(todayIso());
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i < 6; i++, h = previousHalf(h)) out.push({ value: halfKey(h), label: halfLabel(h) });
  return out;
}

export function RecheckPage(props: { route: Route; go: (r: Route) => void }) {
  const may = useMay();
  const fromRoute = props.route.filter?.id === 'sheets' ? sheetsFromRoute(props.route.filter.value) : null;
  // The half-year just ended is the one the county re-checks.
  const [half, setHalf] = useState(() => fromRoute?.half ?? halfKey(previousHalf(halfOf(todayIso()))));
  const [list, setList] = useState<RecheckList | null>(null);
  const [clinics, setClinics] = useState<{ value: number; label: string }[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [size, setSize] = useState<number | null>(3);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [printing, setPrinting] = useState<HalfSheetsRequest | null>(fromRoute);
  const done = (l: RecheckList) => {
    setList(l);
    setError('');
  };
  const failed = (e: unknown) => setError(errorMessage(e));
  useEffect(() => {
    call('rechecks.list', { half }).then(done, failed);
  }, [half]);
  useEffect(() => {
    call('clinics.options', {}).then(
      (o) => setClinics(o.filter((c) => c.status === 'open').map((c) => ({ value: c.id, label: c.name }))),
      failed,
    );
  }, []);
  const picked = new Set(list?.rows.map((r) => r.clinicId) ?? []);
  const sample = () => size !== null && call('rechecks.sample', { half, size }).then(done, failed);
  const pick = () =>
    call('rechecks.pick', { half, clinicIds: chosen }).then((l) => {
      done(l);
      setChosen([]);
    }, failed);
  const exportPack = (r: RecheckRow) => {
    setBusy(`x${r.clinicId}`);
    call('returns.export', { name: 'recheck', half, clinicId: r.clinicId })
      .then(saveFile, failed)
      .finally(() => setBusy(''));
  };
  const h = parseHalf(half);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="inline-field">
          <label>复核半年</label>
          <Select aria-label="复核半年" style={{ width: 160 }} value={half} onChange={setHalf} options={halfOptions()} />
        </span>
        {list && (
          <span className="hint">
            {h ? halfLabel(h) : half}运行的村卫生室 {list.openClinics} 家，已选 {list.rows.length} 家。
          </span>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {may('write') && (
        <Card size="small" title="选择复核的村卫生室" style={{ marginBottom: 12 }}>
          <Space wrap>
            <span className="inline-field">
              <label>随机抽取</label>
              <InputNumber aria-label="抽取家数" min={1} max={500} precision={0} value={size} onChange={setSize} />
              <span>家</span>
            </span>
            <Popconfirm
              title={`从尚未选中的运行中村卫生室随机抽取 ${size ?? 0} 家？抽取结果和随机种子将记录在案，抽中的村卫生室不能移出`}
              okText="抽取"
              cancelText="取消"
              onConfirm={() => void sample()}
            >
              <Button type="primary" disabled={size === null} data-testid="recheck-sample">
                随机抽取
              </Button>
            </Popconfirm>
            <span className="hint">或</span>
            <Select
              mode="multiple"
              aria-label="指定村卫生室"
              placeholder="指定村卫生室"
              style={{ minWidth: 280 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={chosen}
              onChange={setChosen}
              options={clinics.filter((c) => !picked.has(c.value))}
            />
            <Button disabled={chosen.length === 0} onClick={() => void pick()}>
              加入复核名单
            </Button>
          </Space>
        </Card>
      )}
      <Table<RecheckRow>
        size="small"
        rowKey="clinicId"
        pagination={false}
        dataSource={list?.rows ?? []}
        data-testid="recheck-table"
        locale={{ emptyText: '尚未选择复核的村卫生室' }}
        title={() =>
          shellCanPrintPdf()
            ? '每家复核材料：导出 Excel（督导情况、逐项得分、发现问题及整改、更正记录、季度考核），打印督导表后“另存为 PDF”。'
            : '每家复核材料：导出 Excel（督导情况、逐项得分、发现问题及整改、更正记录、季度考核）；督导表 PDF 请在打印视图中点“打印”并选择“另存为 PDF”（浏览器模式下程序不能在后台直接生成 PDF）。'
        }
        columns={[
          { title: '机构编码', dataIndex: 'clinicCode', width: 100 },
          { title: '村卫生室', dataIndex: 'clinicName' },
          {
            title: '选定方式',
            key: 'how',
            render: (_: unknown, r) =>
              r.pickedHow === 'random' ? (
                <span title={`随机种子 ${r.seed}`}>
                  <Tag color="purple">随机抽取</Tag>共抽 {r.sampleSize} 家
                </span>
              ) : (
                <Tag>指定</Tag>
              ),
          },
          { title: '选定', key: 'at', render: (_: unknown, r) => `${chineseDateTime(r.pickedAt)} ${r.pickedBy}` },
          {
            title: '督导次数',
            key: 'visits',
            width: 120,
            render: (_: unknown, r) => (
              <span data-testid={`recheck-visits-${r.clinicId}`}>
                {r.visits} / 6{r.drafts > 0 ? <Tag color="orange">草稿 {r.drafts}</Tag> : null}
              </span>
            ),
          },
          { title: '发现问题', dataIndex: 'findings', width: 90, align: 'right' },
          { title: '更正', dataIndex: 'corrections', width: 70, align: 'right' },
          {
            title: '复核材料',
            key: 'pack',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" icon={<FileExcelOutlined />} loading={busy === `x${r.clinicId}`} onClick={() => exportPack(r)}>
                  导出 Excel
                </Button>
                <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting({ half, clinicId: r.clinicId })}>
                  打印督导表
                </Button>
                {may('write') && r.pickedHow === 'random' && (
                  <Tooltip title="随机抽取的村卫生室不能移出：抽取结果须如实保留，供县级复核核对">
                    <Button size="small" type="link" disabled data-testid={`recheck-remove-${r.clinicId}`}>
                      移出
                    </Button>
                  </Tooltip>
                )}
                {may('write') && r.pickedHow === 'hand' && (
                  <Popconfirm
                    title="从复核名单中移出？（操作记录中保留）"
                    okText="移出"
                    cancelText="取消"
                    onConfirm={() => void call('rechecks.remove', { half, clinicId: r.clinicId }).then(done, failed)}
                  >
                    <Button size="small" type="link" danger data-testid={`recheck-remove-${r.clinicId}`}>
                      移出
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {printing && (
        <HalfSheetsPrint
          request={printing}
          onClose={() => {
            setPrinting(null);
            if (fromRoute) props.go({ page: 'recheck' });
          }}
        />
      )}
    </>
  );
}
