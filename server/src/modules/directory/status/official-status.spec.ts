import { minutesOf } from '../../../common/time/local-time';
import { WorkCalendar } from '../../calendar/work-calendar';
import {
  officialStatus,
  type OfficialDays,
  parseOfficeHours,
  statusAt,
  type StatusEntry,
  type StatusInput,
  upcomingWorkdays,
} from './official-status';

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
  upcoming: [{ label: '明天', onLeave: false, entries: null }],
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
    const sut = officialStatus(at('18:10', { upcoming: [{ label: '周一', onLeave: false, entries: null }] }));
    expect(sut).toEqual({
      kind: 'off_hours',
      text: '今天已下班',
      nextInOffice: '周一按办公时间，通常 08:30 起在办公室（日程未公示）',
    });
  });

  it('on approved leave says so and nothing more', () => {
    expect(officialStatus(at('10:00', { onLeave: true }))).toEqual({
      kind: 'on_leave',
      text: '今日请假',
      nextInOffice: '明天按办公时间，通常 08:30 起在办公室（日程未公示）',
    });
  });

  it('without a published plan says it was not published', () => {
    expect(officialStatus(at('10:00', { entries: null })).text).toBe('今日未公示，可能在办公室');
    expect(officialStatus(at('07:00', { entries: null }))).toEqual({
      kind: 'no_plan',
      text: '今日未公示',
      nextInOffice: '今天按办公时间，通常 08:30 起在办公室（日程未公示）',
    });
  });

  it('on a weekend or holiday without a plan says they rest', () => {
    const sut = officialStatus(
      at('10:00', {
        isWorkday: false,
        entries: null,
        upcoming: [{ label: '周一', onLeave: false, entries: null }],
      }),
    );
    expect(sut).toEqual({
      kind: 'off_hours',
      text: '今天休息（周末或节假日）',
      nextInOffice: '周一按办公时间，通常 08:30 起在办公室（日程未公示）',
    });
  });

  it('still follows a plan published for a weekend (值班)', () => {
    const sut = officialStatus(at('10:00', { isWorkday: false }));
    expect(sut.kind).toBe('out');
  });

  it('maps 上午/下午/全天 entries onto the office hours', () => {
    const allDay: StatusEntry = { ...field, startTime: null, endTime: null, period: 'allday' };
    const sut = officialStatus(at('16:00', { entries: [allDay] }));
    expect([sut.kind, sut.until, sut.nextInOffice]).toEqual([
      'out',
      '17:30',
      '明天按办公时间，通常 08:30 起在办公室（日程未公示）',
    ]);
  });

  it('falls back to standard office hours for a malformed value', () => {
    expect(parseOfficeHours('whenever')).toEqual(parseOfficeHours('08:30-12:00,14:30-17:30'));
    expect(parseOfficeHours('8:00-11:30')).toEqual([[480, 690]]);
  });

  describe('on the county calendar, with a fixed clock', () => {
    const calendar = new WorkCalendar();
    const hours = (time: string) => minutesOf(time);
    const nobody: OfficialDays = { officeHours: office, leaves: [], published: new Map() };
    const on = (today: string, time: string, official = nobody) =>
      statusAt(calendar, today, hours(time), upcomingWorkdays(calendar, today), official);

    it('on a Sunday says she rests (周末) and that Monday is only office hours', () => {
      expect(on('2026-12-06', '10:00')).toEqual({
        kind: 'off_hours',
        text: '今天休息（周末）',
        nextInOffice: '明天按办公时间，通常 08:30 起在办公室（日程未公示）',
      });
    });

    it('on National Day names the holiday and skips to the first working day after it', () => {
      const sut = on('2026-10-01', '10:00');
      expect(sut.text).toBe('今天休息（国庆节）');
      expect(sut.nextInOffice).toBe('10月8日（周四）按办公时间，通常 08:30 起在办公室（日程未公示）');
    });

    it('on a make-up Saturday (调休上班) treats the day as a working day, and the Friday before points to it', () => {
      expect(on('2026-02-14', '10:00').text).toBe('今日未公示，可能在办公室');
      expect(on('2026-02-13', '18:00').nextInOffice).toBe(
        '明天按办公时间，通常 08:30 起在办公室（日程未公示）',
      );
    });

    it('on a Friday evening skips Monday’s leave and Tuesday out all day by the published plan', () => {
      const sut = on('2026-12-11', '18:00', {
        ...nobody,
        leaves: [{ startDate: '2026-12-14', endDate: '2026-12-14' }],
        published: new Map([
          [
            '2026-12-15',
            [
              { ...meeting, startTime: '08:30', endTime: '10:00' },
              { ...field, startTime: '10:00', endTime: '17:30' },
            ],
          ],
        ]),
      });
      expect(sut.nextInOffice).toBe(
        '周一请假，周二全天外出（已公示日程），周三按办公时间，通常 08:30 起在办公室（日程未公示）',
      );
    });

    it('the day before a leave day never promises tomorrow’s office, and follows the plan after it', () => {
      const sut = on('2026-12-10', '18:00', {
        ...nobody,
        leaves: [{ startDate: '2026-12-11', endDate: '2026-12-11' }],
        published: new Map([
          [
            '2026-12-14',
            [
              { ...meeting, startTime: '08:30', endTime: '10:00' },
              { ...field, startTime: '10:30', endTime: '12:00' },
            ],
          ],
        ]),
      });
      expect(sut.nextInOffice).toBe('明天请假，周一上午 10:00 起在办公室（据已公示日程）');
    });

    it('a plan published for a rest day (值班) still shows where she is', () => {
      const sut = on('2026-12-06', '10:00', { ...nobody, published: new Map([['2026-12-06', [field]]]) });
      expect(sut.kind).toBe('out');
      expect(sut.text).toBe('在魏庄村 调度拆迁工作（至 11:30）');
    });

    it('after a fortnight of leave says there is no time in the office soon', () => {
      const sut = on('2026-12-07', '10:00', {
        ...nobody,
        leaves: [{ startDate: '2026-12-07', endDate: '2026-12-31' }],
      });
      expect(sut).toEqual({
        kind: 'on_leave',
        text: '今日请假',
        nextInOffice: '明天至12月21日（周一）请假，近期暂无在办公室的安排，建议先电话联系',
      });
    });
  });
});
