/** Matter details in words a resident reads at a glance. Pure functions. */

const SPAN_RE = /^\s*(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})\s*$/;

/**
 * "08:30-12:00,14:30-17:30" → "工作日 上午 8:30–12:00，下午 14:30–17:30". Anything else is
 * returned as written.
 */
export function formatOfficeHours(raw: string): string {
  const parts = raw.split(/[,，;；]/).filter((p) => p.trim() !== '');
  const spans: string[] = [];
  for (const part of parts) {
    const m = SPAN_RE.exec(part);
    if (!m) return raw.trim();
    const startHour = Number(m[1]);
    const label = startHour < 12 ? '上午' : startHour < 18 ? '下午' : '晚上';
    spans.push(`${label} ${startHour}:${m[2]}–${Number(m[3])}:${m[4]}`);
  }
  return spans.length ? `工作日 ${spans.join('，')}` : raw.trim();
}

/** "村…初审；乡镇…窗口；县…窗口" → one place per line. */
export function splitPlaces(whereToGo: string): string[] {
  return whereToGo
    .split(/[；;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A number the phone can dial, or null (masked numbers such as "138****5678" cannot be). */
export function dialable(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const compact = phone.replace(/[\s-]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : null;
}
