/**
 * The part of the `qrcode` package the label sheet uses (its browser build). Declared here
 * rather than taken from @types/qrcode, which pulls Node's types into the renderer's
 * typecheck (the web tsconfig deliberately has none).
 */
declare module 'qrcode' {
  export interface SvgOptions {
    type: 'svg';
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    margin?: number;
    width?: number;
    color?: { dark?: string; light?: string };
  }
  export function toString(text: string, options: SvgOptions): Promise<string>;
  const QRCode: { toString: typeof toString };
  export default QRCode;
}
