import { BOARD_DAY_MARKS, type BoardOfficial, type UnitBoard } from '@jinri/shared';
import { TRUNCATION_MARK } from './board-content';

/**
 * THE layout of the printed board (pure): which text goes where on A4 portrait pages. The renderer
 * (board-pdf.ts) only draws what this returns. Each official is a block that never splits: a name
 * line, one line per entry of each day (a mark such as 请假 / 未报送 when there is none), and next
 * week's plan. The densest layout that still fits one page wins; beyond the densest, blocks continue
 * on further pages. Black on white: emphasis is weight and rules, never colour.
 */

/** Width of a text in points, in the regular or bold face (pdfkit's widthOfString in print). */
export type Measure = (text: string, size: number, bold: boolean) => number;

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 36;
/** The first page's head: title, unit, week, flag, QR code, the week's figures. */
export const HEAD_HEIGHT = 116;
/** A continuation page's head: one line naming the board. */
export const CONTINUED_HEAD_HEIGHT = 34;
/** The body ends above the page footer the PDF document writes (56 pt from the bottom edge). */
export const BODY_BOTTOM = PAGE.height - 62;
export const COLUMN_GAP = 18;
/** Space under each block, where its rule is drawn. */
export const BLOCK_GAP = 6;

/** One density: font size, columns and how many lines a day and next week may take. */
export interface Density {
  columns: 1 | 2;
  size: number;
  linesPerDay: number;
  nextWeekLines: number;
}

/** From the roomiest to the densest; the first that fits on one page is used. */
export const DENSITIES: readonly Density[] = [
  { columns: 1, size: 10, linesPerDay: 3, nextWeekLines: 3 },
  { columns: 2, size: 9, linesPerDay: 3, nextWeekLines: 3 },
  { columns: 2, size: 8.5, linesPerDay: 2, nextWeekLines: 2 },
  { columns: 2, size: 8, linesPerDay: 1, nextWeekLines: 2 },
  { columns: 2, size: 7.5, linesPerDay: 1, nextWeekLines: 1 },
];

export interface LaidLine {
  /** Offsets from the block's top left. */
  dx: number;
  dy: number;
  text: string;
  size: number;
  bold: boolean;
  /** Right-aligned within `width` from dx (the resolved count on the name line). */
  align?: 'right';
  width?: number;
}

export interface LaidBlock {
  officialId: number;
  height: number;
  lines: LaidLine[];
}

export interface BoardLayout {
  density: Density;
  columnWidth: number;
  /** pages[p][c]: the blocks of column c on page p, top to bottom. */
  pages: LaidBlock[][][];
}

/** The text cut to `width` points, ending in the truncation mark when it had to be cut. */
export function fitText(text: string, width: number, size: number, bold: boolean, measure: Measure): string {
  if (measure(text, size, bold) <= width) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('')}${TRUNCATION_MARK}`, size, bold) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('')}${TRUNCATION_MARK}`;
}

export function lineHeight(size: number): number {
  return Math.round(size * 1.3 * 10) / 10;
}

/** The block of one official at a density and column width. */
export function officialBlock(
  official: BoardOfficial,
  board: Pick<UnitBoard, 'days'>,
  density: Density,
  width: number,
  measure: Measure,
): LaidBlock {
  const { size } = density;
  const step = lineHeight(size);
  const labelWidth = measure('周一', size, true) + size * 0.6;
  const textWidth = width - labelWidth;
  const lines: LaidLine[] = [];
  let dy = 0;

  // Name (bold, larger) and post; the resolved tickets right-aligned.
  const nameSize = size + 1;
  const count = `办结工单 ${official.resolvedTickets} 件`;
  const countWidth = measure(count, size, false);
  const name = fitText(official.name, width - countWidth - size, nameSize, true, measure);
  const nameWidth = measure(name, nameSize, true);
  lines.push({ dx: 0, dy, text: name, size: nameSize, bold: true });
  const title = fitText(official.title, width - nameWidth - countWidth - 2 * size, size, false, measure);
  if (title)
    lines.push({
      dx: nameWidth + size * 0.5,
      dy: dy + (nameSize - size) * 0.8,
      text: title,
      size,
      bold: false,
    });
  lines.push({
    dx: 0,
    dy: dy + (nameSize - size) * 0.8,
    text: count,
    size,
    bold: false,
    align: 'right',
    width,
  });
  dy += lineHeight(nameSize) + 1;

  const labelled = (label: string, texts: Shown[], boldTexts: boolean) => {
    lines.push({ dx: 0, dy, text: label, size, bold: true });
    for (const { text, more } of texts) {
      // "（另2项）" is kept whole: the entry is cut to make room for it.
      const room = textWidth - (more ? measure(more, size, boldTexts) : 0);
      const fitted = `${fitText(text, room, size, boldTexts, measure)}${more}`;
      lines.push({ dx: labelWidth, dy, text: fitted, size, bold: boldTexts });
      dy += step;
    }
  };

  official.days.forEach((day, i) => {
    const label = board.days[i]?.label ?? '';
    if (day.status !== 'published') {
      // 未报送 stands out by weight, and 请假 reads as what it is: no colour carries meaning.
      labelled(label, [{ text: BOARD_DAY_MARKS[day.status], more: '' }], day.status === 'missing');
      return;
    }
    labelled(label, withMore(day.lines, density.linesPerDay), false);
  });

  const next = official.nextWeek.lines;
  const nextTexts = next.length === 0 ? [{ text: '暂无', more: '' }] : withMore(next, density.nextWeekLines);
  labelled('下周', nextTexts, false);
  return { officialId: official.id, height: dy + BLOCK_GAP, lines };
}

/** A printed line and what follows it whole ("（另2项）" on the last one when lines were left out). */
interface Shown {
  text: string;
  more: string;
}

/** The first `max` lines, the last of them followed by "（另N项）" when more were left out. */
export function withMore(lines: readonly string[], max: number): Shown[] {
  const kept = lines.slice(0, max).map((text) => ({ text, more: '' }));
  if (lines.length > max) kept[max - 1]!.more = `（另${lines.length - max}项）`;
  return kept;
}

/** Blocks into columns of pages: a column takes blocks while they fit, never splitting one. */
function paginate(
  blocks: LaidBlock[],
  columns: number,
  firstHeight: number,
  nextHeight: number,
): LaidBlock[][][] {
  const pages: LaidBlock[][][] = [];
  let page: LaidBlock[][] = [[]];
  let used = 0;
  let room = firstHeight;
  for (const block of blocks) {
    const column = page[page.length - 1]!;
    if (column.length > 0 && used + block.height > room) {
      if (page.length < columns) page.push([]);
      else {
        pages.push(page);
        page = [[]];
        room = nextHeight;
      }
      used = 0;
    }
    page[page.length - 1]!.push(block);
    used += block.height;
  }
  pages.push(page);
  return pages;
}

export function columnWidth(columns: number): number {
  return (PAGE.width - 2 * MARGIN - (columns - 1) * COLUMN_GAP) / columns;
}

/** The layout of a board: the roomiest density that fits one page, else the densest over several. */
export function layoutBoard(
  board: UnitBoard,
  measure: Measure,
  densities: readonly Density[] = DENSITIES,
): BoardLayout {
  const firstHeight = BODY_BOTTOM - (MARGIN + HEAD_HEIGHT);
  const nextHeight = BODY_BOTTOM - (MARGIN + CONTINUED_HEAD_HEIGHT);
  let layout: BoardLayout | null = null;
  for (const density of densities) {
    const width = columnWidth(density.columns);
    const blocks = board.officials.map((o) => officialBlock(o, board, density, width, measure));
    const pages = paginate(blocks, density.columns, firstHeight, nextHeight);
    layout = { density, columnWidth: width, pages };
    if (pages.length === 1) return layout;
  }
  return layout!;
}
