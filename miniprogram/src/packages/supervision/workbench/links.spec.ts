import { describe, expect, it } from '@jest/globals';

import { idParam, parseFindingsLink, supervisionUrls } from './links';

describe('supervision links', () => {
  it('puts the filters of a count in the findings URL, and reads them back', () => {
    const url = supervisionUrls.findings({
      unitId: 20,
      unitName: '东关社区',
      kind: 'late',
      date: '2026-12-09',
    });
    expect(url).toBe(
      '/packages/supervision/findings/index?unitId=20&unitName=%E4%B8%9C%E5%85%B3%E7%A4%BE%E5%8C%BA&kind=late&date=2026-12-09',
    );
    const params = Object.fromEntries(new URLSearchParams(url.split('?')[1]).entries());
    // Taro hands the page its query still encoded on weapp: both readings give the same filter.
    expect(parseFindingsLink(params)).toEqual({
      unitId: 20,
      unitName: '东关社区',
      kind: 'late',
      state: undefined,
      date: '2026-12-09',
    });
    expect(
      parseFindingsLink({ unitId: '20', unitName: '%E4%B8%9C%E5%85%B3%E7%A4%BE%E5%8C%BA' }).unitName,
    ).toBe('东关社区');
  });

  it('drops what it does not know: a made-up kind or state, a malformed date or id', () => {
    expect(parseFindingsLink({ kind: 'nonsense', state: 'gone', date: '12/09', unitId: '-3' })).toEqual({
      unitId: undefined,
      unitName: undefined,
      kind: undefined,
      state: undefined,
      date: undefined,
    });
    expect(idParam('12')).toBe(12);
    expect(idParam('abc')).toBeNull();
    expect(idParam(undefined)).toBeNull();
  });

  it('opens a finding and the workbench of a unit by their page paths', () => {
    expect(supervisionUrls.finding(7)).toBe('/packages/supervision/finding/index?id=7');
    expect(supervisionUrls.workbench()).toBe('/packages/supervision/workbench/index');
  });
});
