import { create } from 'qrcode';

/** The unit page of the mini-program (its route in miniprogram/src/app.config.ts). */
const UNIT_PAGE = 'pages/unit/index';

/**
 * THE payload of the board's QR code: the H5 unit page (the H5 build routes by hash), e.g.
 * https://jinri.example.gov.cn/#/pages/unit/index?id=12. Null without a public H5 address.
 */
export function unitPageUrl(h5BaseUrl: string | null, unitId: number): string | null {
  return h5BaseUrl ? `${h5BaseUrl.replace(/\/+$/, '')}/#/${UNIT_PAGE}?id=${unitId}` : null;
}

/** The mini-program path printed under the QR code (only when a WeChat AppID is configured). */
export function unitWeappPath(weapp: boolean, unitId: number): string | null {
  return weapp ? `${UNIT_PAGE}?id=${unitId}` : null;
}

/** The QR code's dark modules, row by row (error correction M: survives a crease or a stain). */
export function qrMatrix(payload: string): { size: number; dark: (row: number, column: number) => boolean } {
  const { modules } = create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, column) => modules.get(row, column) === 1 };
}
