import { describe, expect, it } from '@jest/globals';

import {
  chineseNumeral,
  factCounts,
  lastWeekRange,
  numberLine,
  paperDate,
  periodText,
  personLine,
  selfExamSentence,
  unitHeading,
  withoutFinding,
} from './format';
import { noticeFixture } from './fixtures';

describe('notice format', () => {
  it('writes dates the way a document does', () => {
    expect(paperDate('2026-12-07')).toBe('2026年12月7日');
    expect(periodText('2026-11-30', '2026-12-04')).toBe('11月30日至12月4日');
    expect(periodText('2025-12-29', '2026-01-02')).toBe('2025年12月29日至2026年1月2日');
    expect(periodText('2026-12-01', '2026-12-01')).toBe('2026年12月1日');
  });

  it('numbers sections in Chinese', () => {
    expect([1, 9, 10, 11, 19, 20, 23].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十三',
    ]);
  });

  it('says each person once with their findings by day', () => {
    const [unit] = noticeFixture().facts;
    expect(unitHeading(0, unit)).toBe('一、城关镇');
    expect(personLine(unit.people[0])).toBe(
      '张三（副镇长）：12月1日 日程迟报（晚1小时10分）；12月2日 日程内容笼统（“下村”）。',
    );
  });

  it('counts the people and findings cited', () => {
    expect(factCounts(noticeFixture().facts)).toEqual({ findings: 3, people: 2 });
  });

  it('leaves a draft without a number until it is issued', () => {
    expect(numberLine(noticeFixture({ state: 'draft', number: null }))).toBe('（印发时编号）');
    expect(numberLine(noticeFixture())).toBe('督通字〔2026〕3号');
  });

  it('asks for a self-examination only when days are set', () => {
    expect(selfExamSentence(0)).toBe('');
    expect(selfExamSentence(3)).toContain('3个工作日内');
  });

  it('removes one cited finding and keeps the others in order', () => {
    expect(withoutFinding([101, 102, 103], 102)).toEqual([101, 103]);
  });

  it('proposes last week, Monday to Friday, as the period', () => {
    // 2026-12-06 is a Sunday; 2026-12-07 a Monday.
    expect(lastWeekRange('2026-12-05')).toEqual({ from: '2026-11-30', to: '2026-12-04' });
    expect(lastWeekRange('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-04' });
    expect(lastWeekRange('2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-04' });
  });
});
