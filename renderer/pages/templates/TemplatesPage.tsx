import { FileExcelOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Empty, Input, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TemplateDetail, TemplateRow } from '../../../shared/schemas/supervision';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';
import { saveFile } from '../../download';
import { pts } from './points';
import { PrintRowsButton, type PrintColumn } from '../../components/print/RowsPrint';
import { lines, TemplateTree, type Line } from './TemplateTree';
import { TemplateUpload } from './TemplateUpload';
import './templates.css';

const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** The tree on paper (issue 12 item 4): 考核项目 rows, then their items indented, tagged 奖励 / 一票否决. */
const printColumns: PrintColumn<Line>[] = [
  { header: '编号', width: 6, value: (l) => l.seq },
  {
    header: '考核项目 / 考核内容',
    width: 30,
    value: (l) => (l.group ? l.content : `\u3000${l.content}${l.isBonus ? '【奖励】' : ''}${l.isVeto ? '【一票否决】' : ''}`),
  },
  { header: '分值', width: 18, value: (l) => (l.mismatch ? `${l.points} 不符` : l.points) },
  { header: '考核方法', width: 18, value: (l) => l.method },
  { header: '评分标准', width: 30, value: (l) => l.standard },
  { header: '依据', width: 6, value: (l) => l.ruleRef },
];

/**
 * 考核细则 (P6): the versions, newest first, with the month each comes into force, whether one
 * is in force now and whether visits use it (then it is never edited — a change is a new
 * version); the selected version's tree; the county's own template imported with a preview.
 */
export function TemplatesPage() {
  const may = useMay();
  const [rows, setRows] = useState<TemplateRow[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<TemplateDetail | null>(null);
  const [importing, setImporting] = useState(false);
  const [search, setSearch] = useState('');
  const [error, setError] = useState('');

  const reload = useCallback(async (pick?: number) => {
    try {
      const list = await call('templates.list', {});
      setRows(list);
      setSelected((s) => pick ?? s ?? list.find((r) => r.current)?.id ?? list[0]?.id ?? null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (selected === null) return setDetail(null);
    call('templates.get', { id: selected }).then(setDetail, (e: unknown) => setError(errorMessage(e)));
  }, [selected]);

  async function loadDefault() {
    try {
      const t = await call('templates.loadDefault', {});
      void message.success(`已载入${t.name}`);
      await reload(t.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function remove(id: number) {
    try {
      const list = await call('templates.remove', { id });
      void message.success('已删除');
      setRows(list);
      setSelected(list.find((r) => r.current)?.id ?? list[0]?.id ?? null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function exportTemplate(id: number) {
    try {
      const file = await call('templates.export', { id });
      saveFile(file);
      void message.success(`已导出 ${file.rowCount} 项：${file.fileName}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const q = search.trim();
  const groups = detail
    ? detail.groups
        .map((g) =>
          q && !g.content.includes(q) ? { ...g, items: g.items.filter((i) => `${i.content}${i.standard}${i.method}`.includes(q)) } : g,
        )
        .filter((g) => !q || g.content.includes(q) || g.items.length > 0)
    : [];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          考核细则
        </Typography.Title>
        {may('write') && (
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="template-import">
            导入县里的考核细则
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError('')} />}
      {rows !== null && rows.length === 0 && (
        <Empty description="还没有考核细则：可载入程序内置的默认细则（基础分 100 分，奖励分最多 10 分，3 项一票否决），或导入县里下发的细则">
          {may('write') && <Button onClick={() => void loadDefault()}>载入默认细则</Button>}
        </Empty>
      )}
      {rows !== null && rows.length > 0 && (
        <Table<TemplateRow>
          data-testid="template-versions"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selected === null ? [] : [selected],
            onChange: (keys) => setSelected(Number(keys[0])),
          }}
          onRow={(r) => ({ onClick: () => setSelected(r.id) })}
          columns={[
            {
              title: '版本',
              dataIndex: 'version',
              width: 70,
              render: (v: number) => `第 ${v} 版`,
              sorter: (a, b) => a.version - b.version,
            },
            { title: '名称', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
            {
              title: '起执行月份',
              dataIndex: 'effectiveFrom',
              width: 120,
              render: monthText,
              sorter: (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom),
            },
            { title: '基础分', dataIndex: 'baseTenths', width: 80, render: pts },
            { title: '奖励分上限', dataIndex: 'bonusCapTenths', width: 100, render: pts },
            { title: '项数', dataIndex: 'items', width: 70 },
            { title: '否决项', dataIndex: 'vetoItems', width: 70 },
            {
              title: '状态',
              width: 200,
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.current && <Tag color="green">本月执行</Tag>}
                  {r.inUse ? <Tag color="blue">已用于 {r.visits} 次督导（不能修改）</Tag> : <Tag>未使用</Tag>}
                </Space>
              ),
            },
            { title: '来源', dataIndex: 'source', width: 160, ellipsis: true },
            {
              title: '',
              width: 70,
              render: (_: unknown, r) =>
                may('write') &&
                !r.inUse && (
                  <Popconfirm
                    title={`删除第 ${r.version} 版“${r.name}”？`}
                    description="只有还没用于督导评分的版本可以删除（如导错了文件或月份）"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => void remove(r.id)}
                  >
                    <Button size="small" danger onClick={(e) => e.stopPropagation()}>
                      删除
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      {detail && (
        <Card
          size="small"
          title={`第 ${detail.version} 版 ${detail.name}（${monthText(detail.effectiveFrom)}起执行，基础分 ${pts(detail.baseTenths)} 分${detail.bonusCapTenths > 0 ? `，奖励分最多 ${pts(detail.bonusCapTenths)} 分` : ''}）`}
          extra={
            <Space>
              <Input.Search
                allowClear
                placeholder="查找项目、内容、标准"
                onChange={(e) => setSearch(e.target.value)}
                style={{ width: 240 }}
              />
              <PrintRowsButton
                title={`${detail.name}（第 ${detail.version} 版）`}
                columns={printColumns}
                rows={lines(groups)}
                note={q ? `搜索“${q}”` : ''}
                isSummary={(l) => l.group}
                testId="template-print"
              />
              <Button icon={<FileExcelOutlined />} onClick={() => void exportTemplate(detail.id)}>
                导出到 Excel
              </Button>
            </Space>
          }
        >
          {detail.note && <Typography.Paragraph type="secondary">{detail.note}</Typography.Paragraph>}
          <TemplateTree groups={groups} />
        </Card>
      )}
      <Drawer title="导入县里的考核细则" open={importing} onClose={() => setImporting(false)} size={1100} destroyOnHidden>
        <TemplateUpload
          onLoaded={(id) => {
            setImporting(false);
            void reload(id);
          }}
        />
      </Drawer>
    </Space>
  );
}
