import { Text, View } from '@tarojs/components';
import type { OfficialStatus, OfficialStatusKind } from '@jinri/shared';

import './index.css';

/** Can a resident find them in the office right now? */
export type StatusTone = 'go' | 'away' | 'unknown';

const TONES: Record<OfficialStatusKind, StatusTone> = {
  in_office: 'go',
  out: 'away',
  meeting: 'away',
  on_leave: 'away',
  off_hours: 'away',
  no_plan: 'unknown',
};

/** A mark that says the same as the colour, for colour-blind and low-vision readers. */
const MARKS: Record<StatusTone, string> = { go: '✓', away: '✕', unknown: '?' };

export function statusTone(kind: OfficialStatusKind): StatusTone {
  return TONES[kind] ?? 'unknown';
}

export interface NowAnswer {
  tone: StatusTone;
  /** The answer to "现在去能找到吗？", one sentence. */
  text: string;
  /** What they are doing, when it adds to the answer. */
  detail?: string;
}

/**
 * What they are doing, without the place and end time the answer already gives:
 * "在魏庄村 调度拆迁工作（至 11:30）" → "调度拆迁工作". '' when the text has another shape.
 */
function activity(status: OfficialStatus): string {
  let text = status.text ?? '';
  if (status.until) {
    const suffix = `（至 ${status.until}）`;
    if (!text.endsWith(suffix)) return '';
    text = text.slice(0, -suffix.length);
  }
  if (status.place) {
    const prefix = `在${status.place} `;
    if (!text.startsWith(prefix)) return '';
    text = text.slice(prefix.length);
  }
  return text.trim();
}

/** "现在去能找到吗？" in words a resident can act on. */
export function nowAnswer(status: OfficialStatus): NowAnswer {
  const tone = statusTone(status.kind);
  const next = status.nextInOffice;
  const withNext = (text: string) => (next ? `${text}，${next}` : text);
  switch (status.kind) {
    case 'in_office':
      return {
        tone,
        text: '现在在办公室，可以前往',
        detail: status.text && status.text !== '在办公室' ? status.text : undefined,
      };
    case 'out':
    case 'meeting': {
      const where = [status.place, status.until ? `至 ${status.until}` : ''].filter(Boolean).join('，');
      const doing = activity(status);
      return {
        tone,
        text: withNext(`现在不在办公室${where ? `（${where}）` : ''}`),
        detail: doing ? `正在：${doing}` : status.text || undefined,
      };
    }
    case 'on_leave':
      // "请假中，由 X 代理" when the post names an acting deputy (shown under it).
      return { tone, text: withNext(status.text.includes('代理') ? status.text : '今日请假') };
    case 'no_plan':
      return { tone, text: '今日未公示行程，建议先电话联系', detail: next };
    case 'off_hours':
    default:
      return { tone, text: withNext(status.text || '现在不是办公时间') };
  }
}

interface OfficialStatusLineProps {
  status: OfficialStatus;
}

/**
 * Where an official is now, in one line plus when they are next in the office:
 * "✕ 在魏庄村 调度拆迁工作（至 11:30）" / "下午 14:30 起在办公室". For lists and search results.
 */
export function OfficialStatusLine({ status }: OfficialStatusLineProps) {
  const tone = statusTone(status.kind);
  return (
    <View
      className={`status-line status-line--${tone}`}
      data-testid="status-line"
      data-kind={status.kind}
      data-tone={tone}
    >
      <Text className="status-line__text">
        <Text className="status-line__mark">{MARKS[tone]} </Text>
        {status.text}
      </Text>
      {status.nextInOffice ? <Text className="status-line__next">{status.nextInOffice}</Text> : null}
    </View>
  );
}

interface OfficialNowAnswerProps {
  status: OfficialStatus;
}

/** "现在去能找到吗？" and the answer, big and coloured: whether to make the trip, at a glance. */
export function OfficialNowAnswer({ status }: OfficialNowAnswerProps) {
  const answer = nowAnswer(status);
  return (
    <View
      className={`now-answer now-answer--${answer.tone}`}
      data-testid="now-answer"
      data-kind={status.kind}
      data-tone={answer.tone}
    >
      <Text className="now-answer__question">现在去能找到吗？</Text>
      <Text className="now-answer__text">
        <Text className="now-answer__mark">{MARKS[answer.tone]} </Text>
        {answer.text}
      </Text>
      {answer.detail ? <Text className="now-answer__detail">{answer.detail}</Text> : null}
    </View>
  );
}
