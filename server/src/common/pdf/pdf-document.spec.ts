import { compact, itWithPdfFont, pdfText } from '../../../test/helpers/pdf-text';
import { PdfDocument } from './pdf-document';
import { parseFontSetting, resolvePdfFont } from './pdf-font';

const font = resolvePdfFont(process.env.PDF_FONT_FILE);
const withFont = itWithPdfFont(font !== null);

describe('PdfDocument', () => {
  withFont('writes Chinese text that a PDF reader extracts again', async () => {
    const sut = new PdfDocument(font!, { title: '立体像测试' });
    sut.heading('干部立体像', 1).paragraph('2026年9月1日至11月30日，共计十三周。');
    sut.heading('日程计划', 2).list(['走访东坡村低保户', '召开安全生产会议']);
    sut.table(
      [
        { header: '日期', width: 1 },
        { header: '内容', width: 3 },
      ],
      [
        ['2026-09-01', '到东坡村查看防汛物资'],
        ['2026-09-02', '整理台账'],
      ],
    );

    const extracted = await pdfText(await sut.toBuffer());

    const text = compact(extracted.text);
    expect(text).toContain('干部立体像');
    expect(text).toContain('2026年9月1日至11月30日，共计十三周。');
    expect(text).toContain('走访东坡村低保户');
    expect(text).toContain('到东坡村查看防汛物资');
    expect(text).toContain('第1页/共1页');
    expect(extracted.info.Title).toBe('立体像测试');
  });

  withFont('repeats the table header and numbers every page of a long table', async () => {
    const sut = new PdfDocument(font!, { title: '长表' });
    const rows = Array.from({ length: 120 }, (_, i) => [
      `${i + 1}`,
      `第${i + 1}条日程：入户走访并记录群众诉求`,
    ]);
    sut.table([{ header: '序号' }, { header: '日程内容', width: 5 }], rows);

    const extracted = await pdfText(await sut.toBuffer());

    expect(extracted.pages.length).toBeGreaterThan(1);
    for (const [i, page] of extracted.pages.entries()) {
      expect(compact(page)).toContain('日程内容');
      expect(compact(page)).toContain(`第${i + 1}页/共${extracted.pages.length}页`);
    }
    expect(compact(extracted.text)).toContain('第120条日程');
  });

  it('reads a collection face named after # in PDF_FONT_FILE', () => {
    expect(parseFontSetting('/fonts/a.ttc#NotoSansCJKsc-Regular')).toEqual({
      file: '/fonts/a.ttc',
      postscriptName: 'NotoSansCJKsc-Regular',
    });
    expect(parseFontSetting('/fonts/a.ttf')).toEqual({ file: '/fonts/a.ttf' });
  });

  it('finds no font when the configured file is missing rather than falling back', () => {
    expect(resolvePdfFont('/nonexistent/font.ttf')).toBeNull();
  });

  it('finds no font when no candidate exists', () => {
    expect(
      resolvePdfFont(undefined, [{ regular: { file: '/nonexistent/a.ttc', postscriptName: 'A' } }]),
    ).toBeNull();
  });
});
