import type { SvgOptions } from 'qrcode';

/**
 * How every label's QR code is drawn: a 2-module quiet zone inside its box (the label's padding
 * adds more) and medium error correction. The e2e test redraws one the same way to compare.
 */
export const QR_OPTIONS: SvgOptions = { type: 'svg', margin: 2, errorCorrectionLevel: 'M' };
