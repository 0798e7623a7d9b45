import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { QR_OPTIONS } from './qrOptions';

/**
 * An SVG QR code per asset code. The code holds the asset code only: USB scanners type ASCII
 * reliably but garble Chinese, and the stocktake's scan box needs nothing more.
 */
export function useQrCodes(codes: readonly string[]): { svgs: Map<string, string>; ready: boolean; error: string } {
  const [svgs, setSvgs] = useState<Map<string, string>>(new Map());
  const [ready, setReady] = useState(false);
  const [error, setError] = useState('');
  const key = codes.join('\n');
  useEffect(() => {
    let live = true;
    setReady(false);
    const list = key ? key.split('\n') : [];
    Promise.all(list.map(async (c) => [c, await QRCode.toString(c, QR_OPTIONS)] as const)).then(
      (pairs) => {
        if (!live) return;
        setSvgs(new Map(pairs));
        setReady(true);
      },
      (e: unknown) => live && setError(`二维码生成失败：${String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return { svgs, ready, error };
}
