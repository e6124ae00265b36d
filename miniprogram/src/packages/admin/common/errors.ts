/** Turning a refused save (400 with `details: [{ field, reasons }]`) into Chinese words per field. */
import { fieldProblems } from '@/api/error-details';

/** The server's reasons are class-validator's English; say the common ones in Chinese. */
function reasonText(reason: string): string {
  let m = /longer than or equal to (\d+)/.exec(reason);
  if (m) return `至少 ${m[1]} 个字`;
  m = /shorter than or equal to (\d+)/.exec(reason);
  if (m) return `最多 ${m[1]} 个字`;
  m = /no more than (\d+) elements/.exec(reason);
  if (m) return `最多 ${m[1]} 项`;
  if (/not be less than|must not be greater|must be an integer/.test(reason)) return '数值不对';
  if (/empty|must be a string/.test(reason)) return '请填写';
  if (/date/.test(reason)) return '日期格式不对';
  return '填写有误';
}

/** field (first path segment: "synonyms.2" → "synonyms") → one message. */
export function fieldMessages(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fieldProblems(error)) {
    const field = p.field.split('.')[0];
    const text = p.reasons.length ? [...new Set(p.reasons.map(reasonText))].join('，') : '填写有误';
    out[field] = out[field] ? `${out[field]}，${text}` : text;
  }
  return out;
}
