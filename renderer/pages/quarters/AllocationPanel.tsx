/**
 * P7, M2, M3: a quarter's pool shared by score. The clerk types the fund's name, its purpose and
 * the amount in 元; the app refuses the essential-drug subsidy (M3) with the reason, shows each
 * clinic's amount to the 分 (summing to the pool), saves the allocation and prints the table.
 */
import { Alert, Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { yuanText } from '../../../shared/format';
import { formatTenths } from '../../../shared/rules/scoring';
import type { AllocationResultOut } from '../../../shared/schemas/visits';
import { useMay } from '../../access';
import { call, errorMessage } from '../../api';

export function AllocationPanel(props: { quarter: string; onPrint: (a: AllocationResultOut) => void }) {
  const may = useMay();
  const [fundName, setFundName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [poolYuan, setPoolYuan] = useState('');
  const [result, setResult] = useState<AllocationResultOut | null>(null);
  const [error, setError] = useState('');
  const input = { quarter: props.quarter, fundName, purpose, poolYuan };
  const run = (op: 'allocations.preview' | 'allocations.save') => {
    setError('');
    call(op, input).then(setResult, (e: unknown) => {
      setResult(null);
      setError(errorMessage(e));
    });
  };
  return (
    <div data-testid="allocation">
      <Space wrap style={{ marginBottom: 8 }}>
        <Input
          aria-label="资金名称"
          placeholder="资金名称，如 第三季度绩效考核资金"
          style={{ width: 260 }}
          value={fundName}
          onChange={(e) => setFundName(e.target.value)}
        />
        <Input
          aria-label="资金用途"
          placeholder="用途（如 公共卫生服务绩效）"
          style={{ width: 220 }}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
        />
        <Input
          aria-label="资金总额"
          placeholder="总额"
          suffix="元"
          style={{ width: 160 }}
          value={poolYuan}
          onChange={(e) => setPoolYuan(e.target.value)}
        />
        <Button onClick={() => run('allocations.preview')}>计算分配</Button>
        {may('write') && (
          <Button type="primary" onClick={() => run('allocations.save')} disabled={!result || result.problem !== null}>
            保存分配
          </Button>
        )}
        <Button disabled={!result} onClick={() => result && props.onPrint(result)}>
          打印分配表
        </Button>
      </Space>
      <div className="hint">
        不得把基本药物制度补助作为绩效资金分配（M3）；考核不合格或未考核的村卫生室不参与分配，金额按最大余数法精确到分、合计等于总额（P7）。
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} data-testid="allocation-error" />}
      {result && (
        <>
          {result.problem && <Alert type="warning" showIcon title={result.problem} style={{ margin: '8px 0' }} />}
          <div style={{ margin: '8px 0' }}>
            权重：季度得分 × {result.basisLabel}；总额 {yuanText(result.poolFen)}，已分配 {yuanText(result.allocatedFen)}
            {result.id !== null && '（已保存）'}
          </div>
          <Table
            size="small"
            rowKey="clinicId"
            pagination={false}
            dataSource={result.lines}
            columns={[
              { title: '村卫生室', dataIndex: 'clinicName' },
              {
                title: '季度得分',
                dataIndex: 'scoreTenths',
                align: 'right',
                render: (v: number | null) => (v === null ? '未考核' : formatTenths(v)),
              },
              { title: '等级', dataIndex: 'grade', render: (v: string | null) => v ?? '' },
              { title: result.basisLabel, dataIndex: 'base', align: 'right' },
              { title: '分配金额', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuanText(v) },
            ]}
          />
        </>
      )}
    </div>
  );
}
