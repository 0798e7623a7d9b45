import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { PreviewResult } from './importApi';

type Planned = PreviewResult['create'][number] & { action: '新增' | '更新' };

/** What an import would do: counts, the bad rows with their reasons, the rows to create or update, the columns. */
export function PreviewView({ preview }: { preview: PreviewResult }) {
  const planned: Planned[] = [
    ...preview.create.map((r) => ({ ...r, action: '新增' as const })),
    ...preview.update.map((r) => ({ ...r, action: '更新' as const })),
  ].sort((a, b) => a.row - b.row);
  const anyNotes = planned.some((r) => r.notes && r.notes.length > 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        工作表“{preview.sheetName}”，表头在第 {preview.headerRow} 行
        {preview.skippedRows > 0 && `，跳过空行或合计行 ${preview.skippedRows} 行`}
      </Typography.Text>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="新增" value={preview.create.length} data-testid="import-count-create" />
        </Col>
        <Col span={6}>
          <Statistic title="更新" value={preview.update.length} data-testid="import-count-update" />
        </Col>
        <Col span={6}>
          <Tooltip title="表中这些行对应的记录已经在系统里，内容相同，导入时不会改动">
            <Statistic title="已存在（无变化）" value={preview.unchanged.length} data-testid="import-count-unchanged" />
          </Tooltip>
        </Col>
        <Col span={6}>
          <Statistic
            title="错误行"
            value={preview.errors.length}
            styles={preview.errors.length ? { content: { color: '#cf1322' } } : undefined}
            data-testid="import-count-errors"
          />
        </Col>
      </Row>
      {preview.notices.map((n) => (
        <Alert key={n} type="warning" showIcon title={n} data-testid="import-notice" />
      ))}
      {preview.unknownColumns.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="以下列没有识别，已忽略"
          description={preview.unknownColumns.map((c) => (
            <Tag key={c.column}>
              {c.column}列：{c.header}
            </Tag>
          ))}
        />
      )}
      {preview.errors.length > 0 && (
        <Card size="small" title={<span style={{ color: '#cf1322' }}>有错误的行（改正表格后重新选择文件；有错误时不能导入）</span>}>
          <Table
            data-testid="import-errors"
            size="small"
            rowKey="row"
            dataSource={preview.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '原因', dataIndex: 'message', render: (m: string) => m.replace(/^第 \d+ 行：/, '') },
            ]}
          />
        </Card>
      )}
      {planned.length > 0 && (
        <Card size="small" title="将新增或更新的行">
          <Table
            data-testid="import-planned"
            size="small"
            rowKey="row"
            dataSource={planned}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              {
                title: '操作',
                dataIndex: 'action',
                width: 80,
                render: (a: Planned['action']) => <Tag color={a === '新增' ? 'green' : 'blue'}>{a}</Tag>,
              },
              { title: '内容', dataIndex: 'label' },
              { title: '改动', dataIndex: 'changes', render: (c: string[]) => c.join('；') },
              // How cells not written as expected were read (乡聘村用（编外） → 乡聘村用，编制 编外).
              ...(anyNotes
                ? [
                    {
                      title: '说明',
                      dataIndex: 'notes',
                      render: (n: string[] | undefined) =>
                        n?.map((line) => (
                          <Typography.Text key={line} type="secondary" style={{ display: 'block', fontSize: 12 }}>
                            {line}
                          </Typography.Text>
                        )),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <div data-testid="import-columns">
        <Typography.Text type="secondary">识别的列：</Typography.Text>
        {preview.columns.map((c) =>
          c.note ? (
            // Read as a field it does not name outright, or one of two: the choice made is shown.
            <Tooltip key={c.column} title={c.note}>
              <Tag color={c.alternatives?.length ? 'orange' : 'blue'}>
                {c.column}列：{c.header} → {c.label}
                {c.alternatives?.length ? `（也可能是${c.alternatives.join('或')}）` : ''}
              </Tag>
            </Tooltip>
          ) : (
            <Tag key={c.column}>
              {c.column}列：{c.header}
            </Tag>
          ),
        )}
      </div>
    </Space>
  );
}
