import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OfficialCreateDto } from './dto/admin-directory.dto';
import { isOfficialName, normalizeOfficialName } from './official-name';

describe('one rule for official names', () => {
  const names = [
    '123',
    'Li Lei',
    '李',
    '王5',
    '李四',
    '李 四',
    '阿依古丽·买买提',
    '阿依古丽.买买提',
    '一二三四五六七八九十一',
  ];

  it.each(names)('the DTO accepts "%s" exactly when the spreadsheet import does', (name) => {
    const sut = plainToInstance(OfficialCreateDto, { name });
    const dtoAccepts = validateSync(sut).length === 0;
    expect(dtoAccepts).toBe(isOfficialName(normalizeOfficialName(name)));
  });

  it('stores the name the import would read', () => {
    const sut = plainToInstance(OfficialCreateDto, { name: ' 阿依古丽．买买提 ' });
    expect(sut.name).toBe('阿依古丽·买买提');
  });

  it('refuses digits, Latin letters and one-character names', () => {
    for (const name of ['123', 'Li Lei', '李', '王5'])
      expect(isOfficialName(normalizeOfficialName(name))).toBe(false);
  });
});
