import type { Output } from '../../../shared/contract';

export type Label = Output<'assets.labels'>[number];

/** Labels per A4 sheet: 3 across, 8 down (a common 70 × 37 mm label paper). */
const COLUMNS = 3;
const ROWS = 8;
export const PER_SHEET = COLUMNS * ROWS;

export function sheetsOf<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PER_SHEET) out.push(items.slice(i, i + PER_SHEET));
  return out;
}

/** One A4 sheet of labels: the QR code (asset code only) and the code, name, holder and model in print. */
export function LabelSheet(props: { labels: Label[]; svgs: Map<string, string>; centerName: string }) {
  return (
    <div className="label-sheet">
      {props.labels.map((l) => (
        <div className="asset-label" key={l.id} data-code={l.code}>
          <div className="asset-label-qr" dangerouslySetInnerHTML={{ __html: props.svgs.get(l.code) ?? '' }} />
          <div className="asset-label-text">
            <div className="asset-label-owner">{props.centerName || '固定资产'}</div>
            <div className="asset-label-code">{l.code}</div>
            <div className="asset-label-name">{l.name}</div>
            <div className="asset-label-line">{l.holderName}</div>
            {l.model && <div className="asset-label-line">{l.model}</div>}
          </div>
        </div>
      ))}
    </div>
  );
}
