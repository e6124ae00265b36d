import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleBoard } from '../../../test/factories/board.factory';
import { compact, itWithPdfFont, pdfText } from '../../../test/helpers/pdf-text';
import { PdfDocument, resolvePdfFont } from '../../common/pdf';
import { boardFilename, boardTitle, renderBoard } from './board-pdf';

const font = resolvePdfFont(process.env.PDF_FONT_FILE);
const withFont = itWithPdfFont(font !== null);

/** Renders a board; BOARD_PDF_OUT=<dir> keeps the file to look at (pdftoppm -png). */
async function render(board: ReturnType<typeof sampleBoard>, name: string) {
  const started = performance.now();
  const sut = new PdfDocument(font!, { title: boardTitle(board) });
  renderBoard(sut, board);
  const file = await sut.toBuffer();
  const ms = performance.now() - started;
  if (process.env.BOARD_PDF_OUT) {
    mkdirSync(process.env.BOARD_PDF_OUT, { recursive: true });
    writeFileSync(join(process.env.BOARD_PDF_OUT, `${name}.pdf`), file);
    process.stdout.write(`${name}: ${file.length} bytes in ${ms.toFixed(0)} ms\n`);
  }
  return { file, ms, text: await pdfText(file) };
}

describe('the printed board', () => {
  withFont('prints a unit of 15 on one A4 page with its head, people, marks and figures', async () => {
    const board = sampleBoard(15);
    board.officials[0]!.days[2] = { date: board.days[2]!.date, status: 'missing', lines: [] };
    const { text } = await render(board, 'board-15');
    expect(text.pages).toHaveLength(1);
    const page = compact(text.text);
    for (const expected of [
      '实绩公示栏',
      '城关镇',
      '2026年第48周',
      '本周办结工单12件',
      '公示干部15人',
      '红旗',
      '干部甲1',
      '党委书记',
      '未报送',
      '请假',
      '下周',
      '推进魏庄村道路硬化工程',
      '小程序pages/unit/index?id=7',
      '第1页/共1页',
    ])
      expect(page).toContain(expected);
    expect(text.info.Title).toBe('实绩公示栏 · 城关镇 · 2026年第48周');
  });

  withFont('continues a unit of 50 on a second page, naming the board again', async () => {
    const { text } = await render(sampleBoard(50), 'board-50');
    expect(text.pages.length).toBeGreaterThanOrEqual(2);
    expect(compact(text.pages[1]!)).toContain('实绩公示栏（续）城关镇2026年第48周');
    expect(compact(text.text)).toContain('干部癸50');
  });

  withFont('prints a yellow flag as words, and no QR code without a public address', async () => {
    const board = sampleBoard(3, {
      flag: { color: 'yellow', period: 'week', from: '2026-11-16', to: '2026-11-22', awardedAt: '' },
      qr: { h5Url: null, weappPath: null },
    });
    const page = compact((await render(board, 'board-3-yellow')).text.text);
    expect(page).toContain('黄旗');
    expect(page).not.toContain('扫码');
  });

  it('names the file after the unit and the week', () => {
    expect(boardFilename({ unit: { id: 1, name: '城关镇 人民政府' }, week: '2026-W48' })).toBe(
      '实绩公示栏-城关镇人民政府-2026年第48周.pdf',
    );
  });
});
