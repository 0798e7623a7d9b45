import { ScanOutlined } from '@ant-design/icons';
import { Alert, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { call, errorMessage } from '../../api';

type MarkResult = Output<'stocktakes.mark'>;

/**
 * 扫码盘点: a USB scanner types the label's code and Enter (or the clerk types it); the asset is
 * marked 账实相符. The box keeps focus and clears itself for the next scan; a code that is not
 * in this stocktake is refused with the core's Chinese explanation and left selected.
 */
export function ScanBox(props: { stocktakeId: number; onMarked: (r: MarkResult) => void }) {
  const input = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => input.current?.focus(), []);

  async function scan() {
    const written = code.trim();
    if (!written || busy) return;
    setBusy(true);
    try {
      const r = await call('stocktakes.mark', { stocktakeId: props.stocktakeId, code: written, result: 'found' });
      setFeedback({ ok: true, text: `${r.item.code} ${r.item.name}（${r.item.holderName}）：账实相符` });
      setCode('');
      props.onMarked(r);
    } catch (e) {
      setFeedback({ ok: false, text: errorMessage(e) });
      requestAnimationFrame(() => input.current?.select());
    } finally {
      setBusy(false);
      requestAnimationFrame(() => input.current?.focus());
    }
  }

  return (
    <div className="scan-box">
      <label htmlFor="scan-code" className="scan-label">
        扫码或输入资产编号，按回车确认“相符”
      </label>
      <Input
        id="scan-code"
        ref={input}
        size="large"
        prefix={<ScanOutlined />}
        placeholder="用扫码枪扫描标签上的二维码，或手工输入编号后按回车"
        value={code}
        autoComplete="off"
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={() => void scan()}
        style={{ maxWidth: 520 }}
      />
      <div className="scan-feedback" role="status" aria-live="polite">
        {feedback && (
          <Alert
            type={feedback.ok ? 'success' : 'error'}
            showIcon
            title={feedback.text}
            data-testid={feedback.ok ? 'scan-ok' : 'scan-error'}
          />
        )}
      </div>
    </div>
  );
}
