import { sampleBoard } from '../../../test/factories/board.factory';
import { fitText, layoutBoard, type Measure, officialBlock, DENSITIES, withMore } from './board-layout';

/** Full-width characters take 1 em, the rest half: close to the CJK font's metrics. */
const measure: Measure = (text, size) =>
  [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e7f ? 1 : 0.5), 0) * size;
const texts = (block: ReturnType<typeof officialBlock>) => block.lines.map((l) => l.text);

describe('the layout of the printed board', () => {
  it('cuts a line to its column with a mark, keeping what fits', () => {
    expect(fitText('调度秋粮收购', 100, 10, false, measure)).toBe('调度秋粮收购');
    const cut = fitText('调'.repeat(30), 100, 10, false, measure);
    expect(cut).toBe(`${'调'.repeat(9)}…`);
    expect(measure(cut, 10, false)).toBeLessThanOrEqual(100);
  });

  it('gives each day its lines, 请假 and 未报送 marks (未报送 in bold), and next week’s plan', () => {
    const board = sampleBoard(1);
    board.officials[0]!.days[1] = { date: board.days[1]!.date, status: 'on_leave', lines: [] };
    board.officials[0]!.days[2] = { date: board.days[2]!.date, status: 'missing', lines: [] };
    const sut = officialBlock(board.officials[0]!, board, DENSITIES[0]!, 500, measure);
    const lines = texts(sut);
    expect(lines.slice(0, 3)).toEqual(['干部甲1', '党委书记', '办结工单 0 件']);
    expect(lines).toContain('请假');
    expect(sut.lines.find((l) => l.text === '未报送')?.bold).toBe(true);
    expect(sut.lines.find((l) => l.text === '请假')?.bold).toBe(false);
    expect(lines).toContain('下周');
    expect(lines).toContain('推进魏庄村道路硬化工程');
    expect(lines).toContain('周一');
  });

  it('truncates long lines to the column and says how many entries a day left out', () => {
    const board = sampleBoard(1);
    const dense = { columns: 2 as const, size: 8, linesPerDay: 1, nextWeekLines: 1 };
    const sut = officialBlock(board.officials[0]!, board, dense, 150, measure);
    const monday = sut.lines.find((l) => l.text.startsWith('09:00'))!;
    expect(monday.text).toMatch(/…（另2项）$/);
    expect(measure(monday.text, 8, false) + monday.dx).toBeLessThanOrEqual(150);
    expect(texts(sut).some((t) => t.startsWith('推进魏庄村') && t.endsWith('（另2项）'))).toBe(true);
  });

  it('keeps every line of the block inside its column', () => {
    const board = sampleBoard(3);
    for (const density of DENSITIES) {
      const width = density.columns === 1 ? 523 : 252;
      const sut = officialBlock(board.officials[2]!, board, density, width, measure);
      for (const line of sut.lines) {
        if (line.align === 'right') continue;
        expect(line.dx + measure(line.text, line.size, line.bold)).toBeLessThanOrEqual(width + 0.01);
      }
    }
  });

  it('fits a unit of 15 officials on one page, and continues a unit of 50 on further pages', () => {
    const fifteen = layoutBoard(sampleBoard(15), measure);
    expect(fifteen.pages).toHaveLength(1);
    expect(fifteen.pages[0]!.flat()).toHaveLength(15);
    const few = layoutBoard(sampleBoard(3), measure);
    expect(few.density).toBe(DENSITIES[0]);
    const fifty = layoutBoard(sampleBoard(50), measure);
    expect(fifty.pages.length).toBeGreaterThan(1);
    expect(fifty.density).toBe(DENSITIES[DENSITIES.length - 1]);
    expect(fifty.pages.flat(2).map((b) => b.officialId)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('adds “（另N项）” only when lines were left out', () => {
    expect(withMore(['a', 'b'], 2)).toEqual([
      { text: 'a', more: '' },
      { text: 'b', more: '' },
    ]);
    expect(withMore(['a', 'b', 'c'], 2)[1]).toEqual({ text: 'b', more: '（另1项）' });
  });
});
