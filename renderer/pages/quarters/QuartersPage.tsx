/**
 * 季度考核 (P6, P5, P7): each clinic's months (未督导 where no visit was completed), the
 * quarter's score rounded half up to one decimal, grade and pass by the settings; the doctors
 * with two failed quarters this year (P5 → S11 exit trigger); the pool shared by score.
 */
import { Alert, Button, Card, DatePicker, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { chineseDate, todayIso } from '../../../shared/format';
import { monthLabel, parseQuarter, quarterKey, quarterLabel, quarterOf } from '../../../shared/rules/quarter';
import { formatTenths } from '../../../shared/rules/scoring';
import type { CorrectionRow } from '../../../shared/schemas/corrections';
import type { AllocationResultOut, QuarterResults, QuarterRow } from '../../../shared/schemas/visits';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import type { Route } from '../../router';
import { AllocationPanel } from './AllocationPanel';
import { CorrectionsList } from '../visits/CorrectionsList';
import { AllocationPrint } from './AllocationPrint';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';

const gradeColor: Record<string, string> = { 优秀: 'green', 良好: 'blue', 合格: 'cyan', 不合格: 'red' };
const passedLabels: Record<string, string> = { yes: '合格', no: '不合格', none: '未考核' };
const passedKey = (r: QuarterRow) => (r.passed === true ? 'yes' : r.passed === false ? 'no' : 'none');

/** The quarter's results on paper (issue 12 item 4): a column per month as on screen. */
function printColumns(months: readonly string[]): PrintColumn<QuarterRow>[] {
  return [
    { header: '机构编码', width: 11, value: (r) => r.clinicCode },
    { header: '村卫生室', width: 16, value: (r) => r.clinicName },
    ...months.map((m, i): PrintColumn<QuarterRow> => ({
      header: monthLabel(m).slice(7),
      width: 8,
      value: (r) => {
        const c = r.months[i];
        if (!c || c.totalTenths === null) return '未督导';
        return c.vetoed ? '否决 0' : formatTenths(c.totalTenths);
      },
    })),
    { header: '季度得分', width: 8, value: (r) => (r.scoreTenths === null ? '未考核' : formatTenths(r.scoreTenths)) },
    { header: '等级', width: 6, value: (r) => r.grade ?? '' },
    { header: '是否合格', width: 8, kind: 'enum', labels: passedLabels, value: passedKey },
  ];
}

export function QuartersPage(props: { go: (r: Route) => void }) {
  const [quarter, setQuarter] = useState(() => {
    // The last finished quarter is the one the clerk usually assesses.
    const q = quarterOf(todayIso());
    return q.q === 1 ? `${q.year - 1}Q4` : `${q.year}Q${q.q - 1}`;
  });
  const [data, setData] = useState<QuarterResults | null>(null);
  const [error, setError] = useState('');
  const [search, setSearch] = useState('');
  // The table's 是否合格 filter, kept so the printed list is the rows on screen.
  const [passedFilter, setPassedFilter] = useState<string[]>([]);
  const [printing, setPrinting] = useState<AllocationResultOut | null>(null);
  const may = useMay();
  // P4: a locked quarter's corrections, counted beside the lock and listed on demand.
  const [corrections, setCorrections] = useState<CorrectionRow[] | null>(null);
  const [showCorrections, setShowCorrections] = useState(false);
  const locked = data?.lock != null;
  useEffect(() => {
    setCorrections(null);
    if (!locked) return;
    call('visits.corrections', { quarter }).then(setCorrections, (e: unknown) => setError(errorMessage(e)));
  }, [quarter, locked]);
  const lock = () =>
    call('quarters.lock', { quarter, note: '' }).then(
      (d) => {
        setData(d);
        setError('');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  useEffect(() => {
    call('quarters.results', { quarter }).then(
      (d) => {
        setData(d);
        setError('');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [quarter]);
  const q = parseQuarter(quarter);
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => !search || r.clinicName.includes(search)), [data, search]);
  const listed = passedFilter.length ? rows.filter((r) => passedFilter.includes(passedKey(r))) : rows;
  const printNote = [
    search ? `搜索“${search}”` : '',
    passedFilter.length ? `是否合格：${passedFilter.map((v) => passedLabels[v] ?? v).join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  const months = data?.months;
  const columnsOnPaper = useMemo(() => printColumns(months ?? []), [months]);
  const failed = data?.rows.filter((r) => r.passed === false).length ?? 0;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span className="inline-field">
          <label>季度</label>
          <DatePicker
            picker="quarter"
            allowClear={false}
            value={q ? dayjs(`${q.year}-${String((q.q - 1) * 3 + 1).padStart(2, '0')}-01`) : null}
            format={(d) => quarterLabel(quarterOf(d.format('YYYY-MM')))}
            onChange={(d) => d && setQuarter(quarterKey(quarterOf(d.format('YYYY-MM'))))}
            // Wide enough for “2026 年第三季度” in full.
            style={{ width: 170 }}
          />
        </span>
        <Input.Search placeholder="搜索卫生室" allowClear style={{ width: 200 }} onChange={(e) => setSearch(e.target.value)} />
        {data?.lock ? (
          <Tag color="blue" data-testid="quarter-locked">
            已锁定（{chineseDate(todayIso(new Date(data.lock.at)))}，{data.lock.by}）：修改须经更正（P4）
          </Tag>
        ) : (
          may('approve') && (
            <Popconfirm
              title="锁定后本季度的督导记录不能再直接修改（P4），确定锁定？"
              okText="锁定"
              cancelText="取消"
              onConfirm={() => void lock()}
            >
              <Button>锁定本季度</Button>
            </Popconfirm>
          )
        )}
        {data?.lock && corrections && (
          <Button size="small" onClick={() => setShowCorrections(true)} data-testid="quarter-corrections">
            更正记录（{corrections.length} 处）
          </Button>
        )}
        <PrintRowsButton
          title={`${quarterLabel(q ?? { year: 0, q: 1 })}村卫生室考核结果`}
          columns={columnsOnPaper}
          rows={data ? listed : null}
          note={printNote}
          testId="quarter-print"
        />
        {data && (
          <span className="hint">
            合格线 {data.rule.passLine} 分（含），优秀 ≥ {data.rule.gradeExcellent}，良好 ≥ {data.rule.gradeGood}
            ；季度得分为已督导月份的平均分，四舍五入保留一位小数，未督导月份不计入。
          </span>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {data && data.p5.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="p5-flags"
          title={`${data.p5[0]?.year ?? ''} 年两次考核不合格（P5，应退出 S11）`}
          description={
            <ul style={{ margin: 0 }}>
              {data.p5.map((f) => (
                <li key={f.personId}>
                  <a onClick={() => props.go({ page: 'alerts', filter: { id: 'kind', value: 'assessment_exit' } })}>{f.name}</a>（
                  {f.clinics}）：
                  {f.failedQuarters.map((x) => quarterLabel(parseQuarter(x) ?? { year: 0, q: 1 })).join('、')}不合格
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<QuarterRow>
        size="small"
        rowKey="clinicId"
        pagination={false}
        dataSource={rows}
        data-testid="quarter-table"
        onChange={(_p, filters) => setPassedFilter((filters.passed ?? []).map(String))}
        title={() => (data ? `${quarterLabel(q ?? { year: 0, q: 1 })}：${data.rows.length} 个村卫生室，不合格 ${failed} 个` : '')}
        columns={[
          { title: '机构编码', dataIndex: 'clinicCode', width: 90, sorter: (a, b) => a.clinicCode.localeCompare(b.clinicCode) },
          { title: '村卫生室', dataIndex: 'clinicName', sorter: (a, b) => a.clinicName.localeCompare(b.clinicName, 'zh') },
          ...(data?.months ?? []).map((m, i) => ({
            title: monthLabel(m).slice(7),
            key: m,
            width: 90,
            align: 'right' as const,
            render: (_: unknown, r: QuarterRow) => {
              const c = r.months[i];
              if (!c || c.totalTenths === null) return <Tag>未督导</Tag>;
              return c.vetoed ? <Tag color="red">否决 0</Tag> : formatTenths(c.totalTenths);
            },
          })),
          {
            title: '季度得分',
            dataIndex: 'scoreTenths',
            width: 100,
            align: 'right',
            sorter: (a, b) => (a.scoreTenths ?? -1) - (b.scoreTenths ?? -1),
            render: (v: number | null) => (v === null ? '未考核' : <b>{formatTenths(v)}</b>),
          },
          { title: '等级', dataIndex: 'grade', width: 90, render: (g: string | null) => (g ? <Tag color={gradeColor[g]}>{g}</Tag> : '') },
          {
            title: '是否合格',
            dataIndex: 'passed',
            width: 90,
            filters: [
              { value: 'yes', text: '合格' },
              { value: 'no', text: '不合格' },
              { value: 'none', text: '未考核' },
            ],
            onFilter: (v, r) => (v === 'yes' ? r.passed === true : v === 'no' ? r.passed === false : r.passed === null),
            render: (p: boolean | null) => (p === null ? '未考核' : p ? '合格' : <Tag color="red">不合格</Tag>),
          },
        ]}
      />
      <Card title="绩效考核资金分配（P7）" size="small" style={{ marginTop: 16 }}>
        <AllocationPanel quarter={quarter} onPrint={setPrinting} />
      </Card>
      <Modal
        open={showCorrections}
        title={`${quarterLabel(q ?? { year: 0, q: 1 })}锁定后的更正记录`}
        width={1100}
        footer={null}
        onCancel={() => setShowCorrections(false)}
      >
        <CorrectionsList rows={corrections ?? []} withVisit />
      </Modal>
      {printing && <AllocationPrint allocation={printing} onClose={() => setPrinting(null)} />}
    </>
  );
}
