import { minutesOf } from '../../../common/time/local-time';
import { officialStatus, parseOfficeHours, type StatusEntry, type StatusInput } from './official-status';

const office = parseOfficeHours('08:30-12:00,14:30-17:30');
const field: StatusEntry = {
  startTime: '09:00',
  endTime: '11:30',
  period: null,
  place: '魏庄村',
  what: '调度拆迁工作',
  kind: '下村/实地',
};
const meeting: StatusEntry = {
  startTime: '14:30',
  endTime: '16:00',
  period: null,
  place: '镇政府三楼会议室',
  what: '参加党委会',
  kind: '会议',
};
const desk: StatusEntry = {
  startTime: null,
  endTime: null,
  period: 'pm',
  place: '镇便民服务中心',
  what: '接待来访群众',
  kind: '接访/接待',
};

const at = (time: string, over: Partial<StatusInput> = {}): StatusInput => ({
  minute: minutesOf(time),
  isWorkday: true,
  onLeave: false,
  entries: [field, meeting],
  officeHours: office,
  nextWorkdayLabel: '明天',
  ...over,
});

describe('officialStatus', () => {
  it('before 08:00 says they are not at work yet and where they will be first', () => {
    const sut = officialStatus(at('07:30'));
    expect(sut.kind).toBe('off_hours');
    expect(sut.text).toBe('还未上班，今天 09:00 起在魏庄村 调度拆迁工作');
    expect(sut.nextInOffice).toBe('上午 08:30 起在办公室');
  });

  it('inside an entry away from the office gives the place and until when', () => {
    const sut = officialStatus(at('10:15'));
    expect(sut).toEqual({
      kind: 'out',
      text: '在魏庄村 调度拆迁工作（至 11:30）',
      place: '魏庄村',
      until: '11:30',
      nextInOffice: '上午 11:30 起在办公室',
    });
  });

  it('in a meeting says meeting, and that the office is free only after it', () => {
    const sut = officialStatus(at('15:00'));
    expect(sut.kind).toBe('meeting');
    expect(sut.until).toBe('16:00');
    expect(sut.nextInOffice).toBe('下午 16:00 起在办公室');
  });

  it('between entries within office hours says in the office, with what comes next', () => {
    const sut = officialStatus(at('08:40'));
    expect(sut.kind).toBe('in_office');
    expect(sut.text).toBe('在办公室，09:00 起在魏庄村 调度拆迁工作');
    expect(sut.nextInOffice).toBeUndefined();
  });

  it('over lunch points to the afternoon, skipping a meeting that starts it', () => {
    const sut = officialStatus(at('12:30'));
    expect(sut.kind).toBe('off_hours');
    expect(sut.text).toBe('午休时间');
    expect(sut.nextInOffice).toBe('下午 16:00 起在办公室');
  });

  it('counts receiving visitors as being at a desk a resident can find', () => {
    const sut = officialStatus(at('15:00', { entries: [desk] }));
    expect(sut.kind).toBe('in_office');
    expect(sut.text).toBe('在镇便民服务中心 接待来访群众（至 17:30）');
    expect(sut.nextInOffice).toBeUndefined();
  });

  it('after office hours points to the next working day', () => {
    const sut = officialStatus(at('18:10', { nextWorkdayLabel: '周一' }));
    expect(sut).toEqual({ kind: 'off_hours', text: '今天已下班', nextInOffice: '周一 08:30 起在办公室' });
  });

  it('on approved leave says so and nothing more', () => {
    expect(officialStatus(at('10:00', { onLeave: true }))).toEqual({
      kind: 'on_leave',
      text: '今日请假',
      nextInOffice: '明天 08:30 起在办公室',
    });
  });

  it('without a published plan says it was not published', () => {
    expect(officialStatus(at('10:00', { entries: null })).text).toBe('今日未公示，可能在办公室');
    expect(officialStatus(at('07:00', { entries: null }))).toEqual({
      kind: 'no_plan',
      text: '今日未公示',
      nextInOffice: '上午 08:30 起在办公室',
    });
  });

  it('on a weekend or holiday without a plan says they rest', () => {
    const sut = officialStatus(at('10:00', { isWorkday: false, entries: null, nextWorkdayLabel: '周一' }));
    expect(sut).toEqual({
      kind: 'off_hours',
      text: '今天休息（周末或节假日）',
      nextInOffice: '周一 08:30 起在办公室',
    });
  });

  it('still follows a plan published for a weekend (值班)', () => {
    const sut = officialStatus(at('10:00', { isWorkday: false }));
    expect(sut.kind).toBe('out');
  });

  it('maps 上午/下午/全天 entries onto the office hours', () => {
    const allDay: StatusEntry = { ...field, startTime: null, endTime: null, period: 'allday' };
    const sut = officialStatus(at('16:00', { entries: [allDay] }));
    expect([sut.kind, sut.until, sut.nextInOffice]).toEqual(['out', '17:30', '明天 08:30 起在办公室']);
  });

  it('falls back to standard office hours for a malformed value', () => {
    expect(parseOfficeHours('whenever')).toEqual(parseOfficeHours('08:30-12:00,14:30-17:30'));
    expect(parseOfficeHours('8:00-11:30')).toEqual([[480, 690]]);
  });
});
