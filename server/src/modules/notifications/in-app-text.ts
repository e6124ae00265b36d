/**
 * The message-centre title and body of an outbox message, derived from the values already written for
 * WeChat (one copy of the texts). Long digit runs (phone numbers, ids) are masked: a message text
 * never carries a phone number.
 */
export interface InAppText {
  title: string;
  body: string;
}

const TITLE_MAX = 40;
const BODY_MAX = 120;

const TITLES: Record<string, string> = {
  ticketNew: '新的群众留言',
  ticketDue: '工单提醒',
  ticketDigest: '待办留言汇总',
  planReminder: '日程提醒',
  supervision: '督查通知',
};

function cut(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** Mobile and landline numbers (spaces or dashes allowed inside) and any run of 7+ digits become "***". */
export function maskDigits(value: string): string {
  return value
    .replace(/(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g, '***')
    .replace(/(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, '***')
    .replace(/\d{7,}/g, '***');
}

function clean(value: string | undefined, max: number): string {
  return cut(maskDigits((value ?? '').replace(/\s+/g, ' ').trim()), max);
}

export function inAppText(purpose: string, values: Record<string, string>): InAppText {
  let title: string;
  let body: string;
  switch (purpose) {
    case 'ticketReply':
      title = values.phrase2 ? `留言${values.phrase2}` : '留言有新进展';
      body = values.thing1 ?? '';
      break;
    case 'ticketDue':
      title = TITLES.ticketDue!;
      body = values.time2 ? `${values.thing1 ?? ''}（办理期限 ${values.time2}）` : (values.thing1 ?? '');
      break;
    case 'ticketDigest':
      title = TITLES.ticketDigest!;
      body = `${values.thing1 ?? '您有待办的群众留言'}：待办 ${values.number2 ?? '0'} 件，超期 ${values.number3 ?? '0'} 件`;
      break;
    case 'planReminder':
      // thing1 names who is missing (the official himself, or N people of a clerk's unit), thing3 the deadline.
      title = TITLES.planReminder!;
      body = `${values.thing1 ?? '明日工作计划尚未提交'}，${values.thing3 ?? '请按时提交'}`;
      break;
    case 'supervision':
      // thing1 says what happened (认定 / 通报 / 退回), thing3 what to do next.
      title = TITLES.supervision!;
      body = values.thing3 ? `${values.thing1 ?? ''}，${values.thing3}` : (values.thing1 ?? '');
      break;
    default:
      title = TITLES[purpose] ?? '通知';
      body = values.thing1 ?? Object.values(values).join(' ');
  }
  return { title: clean(title, TITLE_MAX), body: clean(body, BODY_MAX) || title };
}
