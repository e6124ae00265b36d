import { inAppText, maskDigits } from './in-app-text';

describe('inAppText', () => {
  it('titles a reply by its phrase and keeps the sentence as the body', () => {
    const sut = inAppText('ticketReply', {
      thing1: '干部已答复您的留言',
      phrase2: '已答复',
      time3: '2026-11-16 10:00',
    });
    expect(sut).toEqual({ title: '留言已答复', body: '干部已答复您的留言' });
  });

  it('never carries a phone number from a comment into a new-ticket message', () => {
    const sut = inAppText('ticketNew', {
      thing1: '路灯坏了，请联系我 138 1234 5678 或 0371-62345678',
      character_string3: 'ABCD2345',
    });
    expect(sut.title).toBe('新的群众留言');
    expect(sut.body).not.toMatch(/\d{4}/);
    expect(sut.body).toContain('***');
  });

  it('keeps the deadline of a reminder readable', () => {
    const sut = inAppText('ticketDue', { thing1: '工单明天到期，请及时办理', time2: '2026-11-17 17:30' });
    expect(sut.body).toBe('工单明天到期，请及时办理（办理期限 2026-11-17 17:30）');
  });

  it('titles a plan reminder 日程提醒 and tells a clerk how many plans are missing before when', () => {
    const sut = inAppText('planReminder', {
      thing1: '本单位3人明日计划未提交',
      time2: '11月25日',
      thing3: '请在18:00前提交，按时公示',
    });
    expect(sut).toEqual({ title: '日程提醒', body: '本单位3人明日计划未提交，请在18:00前提交，按时公示' });
  });

  it('cuts a long comment to a short body', () => {
    const sut = inAppText('ticketNew', { thing1: '很长'.repeat(200) });
    expect(Array.from(sut.body).length).toBeLessThanOrEqual(120);
  });

  it('gives an unknown purpose a generic title', () => {
    expect(inAppText('somethingNew', { thing1: '内容' })).toEqual({ title: '通知', body: '内容' });
  });
});

describe('maskDigits', () => {
  it('masks mobiles with separators and long digit runs but not dates and times', () => {
    expect(maskDigits('+86 138-1234-5678')).toBe('***');
    expect(maskDigits('电话12345678')).toBe('电话***');
    expect(maskDigits('2026-11-17 17:30')).toBe('2026-11-17 17:30');
  });
});
