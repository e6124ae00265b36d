/**
 * Reading spreadsheet cells (exceljs values) the same way in every import: the clerk's plan sheet
 * and the admin's directory workbook.
 */

export type Scalar = string | number | boolean | Date | null;

/** An Excel error value (#N/A …) or a formula without a stored result. */
export interface CellError {
  error: string;
}

/** The error of a formula whose file holds no computed result (saved by a tool that does not calculate). */
export const NO_RESULT = '#NO_RESULT';

/**
 * A cell's value reduced to a scalar: formulas give their result, rich text and hyperlinks their text.
 * A formula without a stored result is blank, or with `strict` the NO_RESULT error.
 */
export function unwrap(value: unknown, strict = false, depth = 0): Scalar | CellError {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object' || depth > 3) return null;
  const object = value as Record<string, unknown>;
  if (typeof object.error === 'string') return { error: object.error };
  if (Array.isArray(object.richText)) {
    return object.richText
      .map((part: unknown) => {
        const text = part && typeof part === 'object' ? (part as Record<string, unknown>).text : undefined;
        return typeof text === 'string' ? text : '';
      })
      .join('');
  }
  if ('formula' in object || 'sharedFormula' in object) {
    return object.result === undefined && strict
      ? { error: NO_RESULT }
      : unwrap(object.result, strict, depth + 1);
  }
  if ('text' in object) return unwrap(object.text, strict, depth + 1);
  return null;
}

export function isCellError(value: Scalar | CellError): value is CellError {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

export function toText(value: Scalar): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

export function isBlank(value: Scalar | CellError): boolean {
  return !isCellError(value) && cleanText(toText(value)) === '';
}

/** Free text: unified line breaks, no zero-width characters, trimmed (full-width spaces included). */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim();
}

/** For matching against a list: full-width folded to half-width, no whitespace at all. */
export function compact(text: string): string {
  return cleanText(text).normalize('NFKC').replace(/\s+/g, '');
}

/** Characters, not UTF-16 units. */
export function length(text: string): number {
  return Array.from(text).length;
}

export function positiveInteger(value: Scalar | CellError): number | null {
  if (isCellError(value) || value === null || value instanceof Date || typeof value === 'boolean') {
    return null;
  }
  const number =
    typeof value === 'number' ? value : /^\d{1,15}$/.test(compact(value)) ? Number(compact(value)) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** Header text compared loosely: no spaces, no required-markers, no parenthesised hints. */
export function headerKey(text: string): string {
  return compact(text)
    .replace(/[*]/g, '')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '');
}

/** A reason when the bytes cannot be an .xlsx (a zip), else null; the wording names what to upload. */
export function xlsxProblem(file: Buffer, wording: { empty: string; wrongType: string }): string | null {
  if (file.length === 0) return wording.empty;
  if (file.length >= 4 && file.readUInt32BE(0) === 0xd0cf11e0) {
    return '这是旧版 Excel（.xls）文件或设置了密码的文件，请另存为 .xlsx（并取消密码）后上传。';
  }
  if (file.length < 4 || file.readUInt32BE(0) !== 0x504b0304) return wording.wrongType;
  return null;
}
