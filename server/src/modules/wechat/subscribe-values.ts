/**
 * WeChat subscribe-message values must fit their field type, or the whole send fails with 47003.
 * Limits from the subscribeMessage.send documentation.
 */
const chars = (value: string): string[] => Array.from(value);

function cut(value: string, max: number, ellipsis: boolean): string {
  const list = chars(value);
  if (list.length <= max) return value;
  return ellipsis ? `${list.slice(0, max - 1).join('')}…` : list.slice(0, max).join('');
}

/** Fits one value to its field type (thing1 → thing, character_string3 → character_string …). */
export function fitSubscribeValue(type: string, raw: string): string {
  const value = raw.replace(/\s+/g, ' ').trim();
  switch (type) {
    case 'thing':
      return cut(value, 20, true);
    case 'name':
      // 10 characters for Chinese names, 20 for Latin ones.
      return /^[\x20-\x7e]*$/.test(value) ? cut(value, 20, false) : cut(value, 10, false);
    case 'phrase':
      return cut(value.replace(/[^\u4e00-\u9fa5]/g, ''), 5, false);
    case 'character_string':
      return cut(value.replace(/[^\x21-\x7e]/g, ''), 32, false);
    case 'number':
      return cut(value.replace(/[^\d.]/g, ''), 32, false);
    case 'letter':
      return cut(value.replace(/[^A-Za-z]/g, ''), 32, false);
    case 'symbol':
      return cut(value, 5, false);
    case 'phone_number':
      return cut(value.replace(/[^\d+\-()]/g, ''), 17, false);
    case 'car_number':
      return cut(value, 8, false);
    default:
      // time, date, amount: formatted by the caller; keep within a generous bound.
      return cut(value, 32, false);
  }
}

/** The field type named by a template key: "thing1" → "thing", "character_string3" → "character_string". */
export function fieldType(key: string): string {
  return key.replace(/\d+$/, '');
}
