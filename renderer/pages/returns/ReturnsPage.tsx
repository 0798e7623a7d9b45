import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, message, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { stocktakeStatusLabels } from '../../../shared/schemas/stocktakes';
import { call, errorMessage } from '../../api';
import { ReturnPrint } from '../../components/print/ReturnPrint';
import { saveFile } from '../../download';
import { initialParams, paramsFor, ReturnParams, type Option, type ParamState } from './ReturnParams';
import { chineseDate } from '../../../shared/format';

type ReturnItem = Output<'returns.list'>[number];
type ReportData = Output<'returns.data'>;

/**
 * The county's Excel returns, each exported as a ready-to-print workbook or previewed and
 * printed on A4 (打印预览: the same data the workbook is written from); a return that is
 * taken as of a day, over a period, for one unit or for one stocktake shows those inputs.
 */
export function ReturnsPage() {
  const [list, setList] = useState<Output<'returns.list'>>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [preview, setPreview] = useState<ReportData | null>(null);
  const [params, setParams] = useState<Partial<Record<ReturnItem['name'], ParamState>>>({});
  const [clinics, setClinics] = useState<Option<number>[]>([]);
  const [stocktakes, setStocktakes] = useState<Option<number>[]>([]);
  useEffect(() => {
    call('returns.list', {}).then(setList, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const needs = (kind: ReturnItem['params'][number]) => list.some((r) => r.params.includes(kind));
  const wantsClinics = needs('clinic');
  const wantsStocktakes = needs('stocktake');
  useEffect(() => {
    if (!wantsClinics) return;
    call('clinics.options', {}).then(
      (c) => setClinics(c.map((x) => ({ value: x.id, label: x.status === 'open' ? x.name : `${x.name}（已撤销）` }))),
      () => undefined,
    );
  }, [wantsClinics]);
  useEffect(() => {
    if (!wantsStocktakes) return;
    call('stocktakes.list', {}).then(
      (rows) =>
        setStocktakes(
          rows.map((s) => ({
            value: s.id,
            label: `${s.title}（${s.clinicName}，${chineseDate(s.startedOn)}，${stocktakeStatusLabels[s.status]}）`,
          })),
        ),
      () => undefined,
    );
  }, [wantsStocktakes]);

  const paramsOf = (r: ReturnItem): ParamState => {
    const p = params[r.name] ?? initialParams();
    // The latest stocktake unless another is chosen.
    return r.params.includes('stocktake') && p.stocktakeId === null && stocktakes[0] ? { ...p, stocktakeId: stocktakes[0].value } : p;
  };

  async function exportOne(r: ReturnItem) {
    setBusy(r.name);
    try {
      const file = await call('returns.export', { name: r.name, ...paramsFor(r.params, paramsOf(r)) });
      saveFile(file);
      void message.success(`已导出：${file.fileName}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy('');
    }
  }
  /** Paper: the return as data, with the parameters the export would use; the view opens once it has arrived. */
  async function previewOne(r: ReturnItem) {
    setBusy(`print:${r.name}`);
    try {
      setPreview(await call('returns.data', { name: r.name, ...paramsFor(r.params, paramsOf(r)) }));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy('');
    }
  }
  return (
    <Card title="上报报表">
      {preview && <ReturnPrint report={preview} onClose={() => setPreview(null)} />}
      {error && <Alert type="error" showIcon title={error} />}
      <List
        dataSource={list}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Space key="x">
                <Button icon={<PrinterOutlined />} loading={busy === `print:${r.name}`} onClick={() => void previewOne(r)}>
                  打印预览
                </Button>
                <Button type="primary" icon={<FileExcelOutlined />} loading={busy === r.name} onClick={() => void exportOne(r)}>
                  导出 Excel
                </Button>
              </Space>,
            ]}
          >
            <List.Item.Meta
              title={r.title}
              description={
                <>
                  <div>{r.description}</div>
                  <ReturnParams
                    name={r.name}
                    kinds={r.params}
                    value={paramsOf(r)}
                    onChange={(v) => setParams((all) => ({ ...all, [r.name]: v }))}
                    clinics={clinics}
                    stocktakes={stocktakes}
                  />
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
