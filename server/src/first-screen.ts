import { DAY_PERIOD_LABELS, type TodayPlan, type TodayResponse } from '@jinri/shared';

/**
 * The resident's first screen as plain HTML, put by the server into index.html (issue #15): the
 * page heading, the ask box (a real GET form to /find, the matter words as links) and the day's
 * published plans of the unit a first-time visitor sees — the same public data as GET /today, drawn
 * before the app's scripts arrive (≈150 KB on 3G). The app removes it when it has drawn its own
 * (miniprogram/src/components/Page/firstScreen.ts). Every text is escaped; nothing personal is in
 * GET /today's answer, and nothing else is used. The marks around it let the service worker keep
 * index.html without it (a copy kept offline must not pass for today's news).
 */
export const FIRST_SCREEN_ID = 'jinri-first-screen';
export const FIRST_SCREEN_START = '<!--jinri-first-screen-->';
export const FIRST_SCREEN_END = '<!--/jinri-first-screen-->';

/** The same words as miniprogram/src/pages/today/popular.ts's DEFAULT_CHIPS (a first visit's chips). */
export const FIRST_SCREEN_CHIPS = ['低保', '医保', '养老', '宅基地', '贷款'] as const;
/** As HomeAsk (HOME_SEARCH_PLACEHOLDER, HOME_SEARCH_LABEL). */
const SEARCH_PLACEHOLDER = '如：低保、盖房子';
const SEARCH_LABEL = '要办的事或干部姓名';
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
const STATUS_LABELS: Record<string, string> = {
  published: '✓ 已公示',
  on_leave: '请假',
  not_published: '未公示',
  rest_day: '休息日',
};

export interface FirstScreenInput {
  today: TodayResponse;
  /** Minutes since local midnight now (before the publication time nothing is published yet). */
  nowMinutes: number;
  /** HH:mm, when plans are published (DEFAULT_RULES.publicationTime). */
  publicationTime: string;
  /** The search box's maxlength (SEARCH_QUERY_MAX_LENGTH). */
  maxQueryLength: number;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text and attribute values: every character HTML gives a meaning escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** "2026-11-24" → "11月24日 星期二" (as the app's formatLocalDate). */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
}

const clock = (time: string | null) => (time ? time.slice(0, 5) : '');
const minutesOf = (time: string) => {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

/** The HTML (a <style> and the markup between the marks), to go before <div id="app">. */
export function renderFirstScreen(input: FirstScreenInput): string {
  const { today } = input;
  const e = escapeHtml;
  const chips = FIRST_SCREEN_CHIPS.map(
    (word) => `<a class="fs-chip" href="/find?q=${encodeURIComponent(word)}">${e(word)}</a>`,
  ).join('');
  return (
    FIRST_SCREEN_START +
    // The style inside the block: removed with it when the app takes over (CSP: style-src allows inline).
    `<div id="${FIRST_SCREEN_ID}" class="fs" data-first-screen="static"><style>${CSS}</style>` +
    `<header><h1 class="fs-title" data-static="heading">今日工作</h1></header>` +
    `<main class="fs-main">` +
    `<section class="fs-ask" role="search" aria-labelledby="fs-ask-title">` +
    `<h2 id="fs-ask-title" class="fs-ask__title">办什么事？找谁办？</h2>` +
    `<form class="fs-form" action="/find" method="get">` +
    `<input class="fs-input" id="fs-q" name="q" type="search" maxlength="${input.maxQueryLength}" ` +
    `placeholder="${e(SEARCH_PLACEHOLDER)}" aria-label="${e(SEARCH_LABEL)}" autocomplete="off">` +
    `<button class="fs-submit" type="submit">查找</button></form>` +
    `<nav class="fs-chips" aria-label="大家常办的事">${chips}</nav></section>` +
    `<h2 class="fs-section">干部日程</h2><p class="fs-date">${e(formatDate(today.date))}</p>` +
    `<div class="fs-list" data-static="today-list" data-unit-id="${e(today.unit.id)}" data-date="${e(today.date)}">` +
    renderDay(input) +
    `</div></main></div>` +
    FIRST_SCREEN_END
  );
}

function renderDay({ today, nowMinutes, publicationTime }: FirstScreenInput): string {
  const e = escapeHtml;
  // 全县领导: the county's own officials (as the app's visiblePlans).
  const plans =
    today.unit.kind === 'county'
      ? today.plans.filter((p) => p.official.unit.id === today.unit.id)
      : today.plans;
  const unitName = today.unit.kind === 'county' ? '全县领导' : today.unit.name;
  if (plans.length === 0) {
    return (
      `<div class="fs-card" data-static="empty"><p class="fs-strong">这里还没有干部信息</p>` +
      `<p class="fs-muted">${e(unitName)}暂未登记干部，请选择其他单位</p></div>`
    );
  }
  const rest = !today.day.isWorkday;
  const published = plans.filter((p) => p.status === 'published').length;
  if (!rest && published === 0 && nowMinutes < minutesOf(publicationTime)) {
    const at = clock(publicationTime);
    return (
      `<div class="fs-card" data-static="not-yet"><p class="fs-strong">今日日程将于早上 ${e(at)} 公示</p>` +
      `<p class="fs-muted">请在 ${e(at)} 以后再来查看，或先看看昨天的安排。</p></div>`
    );
  }
  const counts = { on_leave: 0, not_published: 0, rest_day: 0 } as Record<string, number>;
  for (const p of plans) if (p.status in counts) counts[p.status]! += 1;
  const summary =
    `共 ${plans.length} 人 · 已公示 ${published}` +
    (counts.on_leave ? ` · 请假 ${counts.on_leave}` : '') +
    (counts.not_published ? ` · 未公示 ${counts.not_published}` : '') +
    (counts.rest_day ? ` · 休息 ${counts.rest_day}` : '');
  const restBlock = rest
    ? `<div class="fs-card" data-static="rest-day"><p class="fs-strong">今日休息（${e(today.day.name ?? '休息日')}）</p>` +
      `<p class="fs-muted">下一个工作日：${e(formatDate(today.day.nextWorkday))}。休息日不要求公示日程，在岗值班的干部会照常公示。</p></div>`
    : '';
  const groups = new Map<number, { name: string; plans: TodayPlan[] }>();
  for (const plan of plans) {
    const unit = plan.official.unit;
    const group = groups.get(unit.id) ?? { name: unit.name, plans: [] };
    group.plans.push(plan);
    groups.set(unit.id, group);
  }
  const many = groups.size > 1;
  const body = [...groups.values()]
    .map(
      (group) =>
        `<section class="fs-group">` +
        (many
          ? `<h3 class="fs-group__title">${e(group.name)}<span class="fs-muted">（${group.plans.length} 人）</span></h3>`
          : '') +
        group.plans.map(renderCard).join('') +
        `</section>`,
    )
    .join('');
  return `${restBlock}<p class="fs-summary">${e(summary)}</p>${body}`;
}

function renderCard(plan: TodayPlan): string {
  const e = escapeHtml;
  const { official, status } = plan;
  const note =
    status === 'published' && plan.entries.length === 0
      ? '今日日程已公示，暂无具体安排'
      : status === 'on_leave'
        ? '今日请假'
        : status === 'not_published'
          ? '今日日程未公示'
          : status === 'rest_day'
            ? '今日休息'
            : '';
  const entries =
    status === 'published' && plan.entries.length > 0
      ? `<ul class="fs-entries">${plan.entries
          .map((entry) => {
            const when =
              entry.startTime || entry.endTime
                ? `${clock(entry.startTime)}${entry.endTime ? `–${clock(entry.endTime)}` : ''}`
                : entry.period
                  ? DAY_PERIOD_LABELS[entry.period]
                  : '';
            const where = entry.placeUnit?.name ?? entry.place;
            return (
              `<li><span class="fs-when">${e(when)}</span> ${e(entry.what)}` +
              (where ? `<span class="fs-muted"> · ${e(where)}</span>` : '') +
              `</li>`
            );
          })
          .join('')}</ul>`
      : '';
  return (
    `<a class="fs-card fs-official" href="/#/pages/official/index?id=${Number(official.id)}" ` +
    `data-static="official-card" data-official-id="${Number(official.id)}" data-status="${e(status)}">` +
    `<span class="fs-head"><span class="fs-who"><span class="fs-name">${e(official.name)}</span>` +
    `<span class="fs-post">${e(official.post)}${official.unit.name ? ` · ${e(official.unit.name)}` : ''}</span></span>` +
    (plan.drawn ? `<span class="fs-chip-s fs-chip-s--drawn">抽中</span>` : '') +
    `<span class="fs-chip-s fs-chip-s--${e(status)}">${e(STATUS_LABELS[status] ?? status)}</span></span>` +
    entries +
    (note ? `<span class="fs-note">${e(note)}</span>` : '') +
    `</a>`
  );
}

/** The app's look at 360 px (tokens.css, app.css, Page, today/index.css, OfficialCard), cut to this markup. */
const CSS = [
  'body{margin:0;background:#f5f6f8}.fs{color:#1f2328;font:1rem/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif;-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  '.fs{box-sizing:border-box;min-height:100vh;padding:1rem;background:#f5f6f8}',
  '.fs h1,.fs h2,.fs h3,.fs p,.fs ul{margin:0;padding:0}',
  '.fs-title{margin:.5rem 0 .25rem!important;font-size:1.75rem;font-weight:700;line-height:1.3}',
  '.fs-ask{margin:.5rem 0 1rem;padding:1rem;border-radius:.75rem;border:.125rem solid #1d4ed8;background:#fff}',
  '.fs-ask__title{margin-bottom:.5rem!important;font-size:1.5rem;font-weight:700;line-height:1.3}',
  '.fs-form{display:flex;margin-bottom:.5rem}',
  '.fs-input{box-sizing:border-box;flex:1 1 auto;min-width:0;min-height:2.75rem;padding:0 1rem;margin:0 .5rem 0 0;border-radius:.75rem;border:.125rem solid #4b5563;background:#fff;font:inherit;font-size:1.125rem;color:#1f2328}',
  '.fs-input::placeholder{color:#4b5563}',
  '.fs-submit{flex-shrink:0;min-width:4.5rem;min-height:2.75rem;padding:0 1rem;border:0;border-radius:.75rem;background:#1d4ed8;color:#fff;font:inherit;font-size:1.125rem}',
  '.fs-chips{display:flex;flex-wrap:wrap}',
  '.fs-chip{box-sizing:border-box;display:flex;align-items:center;min-height:2.75rem;padding:0 1rem;margin:0 .5rem .5rem 0;border-radius:1.5rem;border:.125rem solid #1d4ed8;background:#fff;color:#1d4ed8;font-size:1.125rem;font-weight:700;line-height:1.3;text-decoration:none}',
  '.fs-section{padding:0 .25rem;font-size:1.5rem;font-weight:700}',
  '.fs-date{padding:0 .25rem;margin-bottom:1rem!important;font-size:1.125rem;color:#4b5563}',
  '.fs-summary{margin:0 .25rem .5rem!important;color:#1f2328}',
  '.fs-muted{color:#4b5563}',
  '.fs-strong{font-weight:600}',
  '.fs-group+.fs-group{margin-top:1rem}',
  '.fs-group__title{margin:0 .25rem .5rem!important;font-size:1.125rem;font-weight:700}',
  '.fs-group__title .fs-muted{font-weight:400}',
  '.fs-card{box-sizing:border-box;display:block;padding:1rem;margin-bottom:.5rem;border-radius:.75rem;background:#fff;border:1px solid #d0d5dd;color:#1f2328;text-decoration:none}',
  '.fs-head{display:flex;align-items:flex-start}',
  '.fs-who{flex:1 1 auto;min-width:0;margin-right:.5rem}',
  '.fs-name{display:block;font-size:1.5rem;font-weight:700;line-height:1.3}',
  '.fs-post{display:block;line-height:1.4;color:#4b5563}',
  '.fs-chip-s{display:inline-flex;align-items:center;flex-shrink:0;min-height:1.75rem;padding:0 .5rem;margin-left:.25rem;border-radius:.875rem;border:1px solid #d0d5dd;background:#f2f4f7;color:#4b5563;font-size:.875rem;font-weight:700;line-height:1.3;white-space:nowrap}',
  '.fs-chip-s--published{background:#ecfdf3;border-color:#067647;color:#067647}',
  '.fs-chip-s--on_leave,.fs-chip-s--drawn{background:#fffaeb;border-color:#b54708;color:#b54708}',
  '.fs-entries{margin-top:.5rem!important;list-style:none}',
  '.fs-entries li{padding:.25rem 0;border-top:1px solid #eef0f3}',
  '.fs-when{font-weight:700}',
  '.fs-note{display:block;margin-top:.5rem;color:#4b5563}',
].join('');
