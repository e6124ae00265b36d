import { IsString } from 'class-validator';
import { createValidationPipe } from '../validation.pipe';
import { cleanText, VisibleText, visibleLength } from './visible-text';

class SampleDto {
  @VisibleText({ min: 5, max: 10 }, { min: '至少 5 个字' })
  content: string;

  @IsString()
  other = '';
}

describe('visible text', () => {
  it('counts no zero-width space, NUL, BOM, joiner or blank as visible', () => {
    expect(visibleLength('\u200B'.repeat(20))).toBe(0);
    expect(visibleLength('\u0000'.repeat(5))).toBe(0);
    expect(visibleLength('\uFEFF\u200D\u2060\u3000 \u3164\u2800\t\n')).toBe(0);
    expect(visibleLength('路灯坏了。')).toBe(5);
    expect(visibleLength('👍🏽')).toBe(2);
  });

  it('removes control characters but keeps the line breaks, made \\n', () => {
    expect(cleanText('第一行\r\n第二\u0000行\u001B\r第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('trims invisible characters from both ends but keeps joiners inside', () => {
    expect(cleanText('\u200B\uFEFF 路灯\u200D坏了 \u200B\n')).toBe('路灯\u200D坏了');
  });

  describe('the VisibleText decorator through the validation pipe', () => {
    const sut = createValidationPipe();
    const metadata = { type: 'body' as const, metatype: SampleDto };

    it('refuses 20 zero-width spaces and 5 NUL bytes with the field named', async () => {
      for (const content of ['\u200B'.repeat(20), '\u0000'.repeat(5), '路灯\u200B\u200B\u200B坏']) {
        await expect(sut.transform({ content }, metadata)).rejects.toMatchObject({
          details: [{ field: 'content', reasons: ['至少 5 个字'] }],
        });
      }
    });

    it('passes cleaned text on to the service', async () => {
      const result = (await sut.transform({ content: '\u0000路灯坏了三天\u0007 ' }, metadata)) as SampleDto;
      expect(result.content).toBe('路灯坏了三天');
    });
  });
});
