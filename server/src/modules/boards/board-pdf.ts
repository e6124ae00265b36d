import type { CurrentFlag, UnitBoard } from '@jinri/shared';
import type { PdfDocument } from '../../common/pdf';
import {
  BODY_BOTTOM,
  CONTINUED_HEAD_HEIGHT,
  COLUMN_GAP,
  fitText,
  HEAD_HEIGHT,
  layoutBoard,
  type LaidBlock,
  MARGIN,
  type Measure,
  PAGE,
} from './board-layout';
import { qrMatrix } from './board-qr';
import { weekTitle } from './board-week';

/**
 * Draws the weekly board (board-layout.ts decides what goes where) on A4 portrait, black on white:
 * weight, size and rules for emphasis; the 红旗 is a filled box, the 黄旗 an outlined one, each
 * labelled in words. The QR code is drawn as vector squares, so it prints sharp at any size.
 */

/** The full-width space between parts of a Chinese line. */
const IDEOGRAPHIC_SPACE = '\u3000';
const BLACK = '#000000';
const WHITE = '#ffffff';
const RULE = '#808080';
const QR_SIZE = 84;
const FLAG = { width: 66, height: 44 } as const;

/** The file's title: metadata, and the footer the document writes on every page. */
export function boardTitle(board: Pick<UnitBoard, 'unit' | 'week'>): string {
  return `实绩公示栏 · ${board.unit.name} · ${weekTitle(board.week)}`;
}

/** "实绩公示栏-城关镇-2026年第48周.pdf" */
export function boardFilename(board: Pick<UnitBoard, 'unit' | 'week'>): string {
  const unit = board.unit.name.replace(/[\\/:*?"<>|\s]+/g, '');
  return `实绩公示栏-${unit}-${weekTitle(board.week)}.pdf`;
}

const shortDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const PERIOD_WORDS: Record<CurrentFlag['period'], string> = { week: '周', month: '月度', quarter: '季度' };

/**
 * Widths as the sum of each character's advance, cached per face and character: the layout cuts
 * lines by binary search, and pdfkit's widthOfString shapes the whole string on every call.
 */
function charWidths(raw: PDFKit.PDFDocument, face: { regular: string; bold: string }): Measure {
  const cache = new Map<string, number>();
  return (text, size, bold) => {
    const name = bold ? face.bold : face.regular;
    let width = 0;
    for (const char of text) {
      const key = `${name}|${char}`;
      let unit = cache.get(key);
      if (unit === undefined) {
        unit = raw.font(name).fontSize(1).widthOfString(char);
        cache.set(key, unit);
      }
      width += unit;
    }
    return width * size;
  };
}

export function renderBoard(pdf: PdfDocument, board: UnitBoard): void {
  const raw = pdf.raw;
  const face = pdf.faces;
  const measure = charWidths(raw, face);
  const text: TextFn = (value, x, y, size, bold, extra = {}, color = BLACK) =>
    raw
      .font(bold ? face.bold : face.regular)
      .fontSize(size)
      .fillColor(color)
      .text(value, x, y, { lineBreak: false, ...extra })
      .fillColor(BLACK);
  const margins = { top: MARGIN, bottom: PAGE.height - BODY_BOTTOM, left: MARGIN, right: MARGIN };

  const layout = layoutBoard(board, measure);
  layout.pages.forEach((columns, pageIndex) => {
    if (pageIndex === 0) raw.page.margins = { ...margins };
    else raw.addPage({ size: 'A4', margins });
    const top =
      pageIndex === 0 ? drawHead(raw, board, text, measure) : drawContinuedHead(board, text, measure, raw);
    columns.forEach((blocks, columnIndex) => {
      const x = MARGIN + columnIndex * (layout.columnWidth + COLUMN_GAP);
      if (columnIndex > 0) {
        const ruleX = x - COLUMN_GAP / 2;
        raw.moveTo(ruleX, top).lineTo(ruleX, BODY_BOTTOM).lineWidth(0.5).strokeColor(RULE).stroke();
      }
      let y = top;
      for (const block of blocks) {
        drawBlock(raw, block, x, y, layout.columnWidth, text);
        y += block.height;
      }
    });
  });
}

type TextFn = (
  value: string,
  x: number,
  y: number,
  size: number,
  bold: boolean,
  extra?: PDFKit.Mixins.TextOptions,
  color?: string,
) => PDFKit.PDFDocument;

function drawBlock(
  raw: PDFKit.PDFDocument,
  block: LaidBlock,
  x: number,
  y: number,
  width: number,
  text: TextFn,
): void {
  for (const line of block.lines) {
    if (line.align === 'right')
      text(line.text, x + line.dx, y + line.dy, line.size, line.bold, { width: line.width, align: 'right' });
    else text(line.text, x + line.dx, y + line.dy, line.size, line.bold);
  }
  const ruleY = y + block.height - 3.5;
  raw
    .moveTo(x, ruleY)
    .lineTo(x + width, ruleY)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
}

/** The first page's head; returns where the body starts. */
function drawHead(raw: PDFKit.PDFDocument, board: UnitBoard, text: TextFn, measure: Measure): number {
  const right = PAGE.width - MARGIN;
  let reserved = right;
  if (board.qr.h5Url) {
    const qrX = right - QR_SIZE;
    drawQr(raw, board.qr.h5Url, qrX, MARGIN, QR_SIZE);
    text('扫码看本单位今日工作', qrX - 10, MARGIN + QR_SIZE + 2, 7, false, {
      width: QR_SIZE + 20,
      align: 'center',
    });
    if (board.qr.weappPath)
      text(`小程序 ${board.qr.weappPath}`, qrX - 16, MARGIN + QR_SIZE + 12, 6, false, {
        width: QR_SIZE + 32,
        align: 'center',
      });
    reserved = qrX - 20;
  }
  if (board.flag) {
    const flagX = reserved - FLAG.width;
    drawFlag(raw, board.flag, flagX, MARGIN + 4, text);
    reserved = flagX - 14;
  }
  const width = reserved - MARGIN;
  text('实绩公示栏', MARGIN, MARGIN, 24, true);
  text(fitText(board.unit.name, width, 17, true, measure), MARGIN, MARGIN + 32, 17, true);
  text(
    `${weekTitle(board.week)}（${shortDate(board.from)}至${shortDate(board.to)}）`,
    MARGIN,
    MARGIN + 56,
    10.5,
    false,
  );
  text(
    `本周办结工单 ${board.resolvedTickets} 件${IDEOGRAPHIC_SPACE}公示干部 ${board.officials.length} 人`,
    MARGIN,
    MARGIN + 72,
    10.5,
    true,
  );
  text(
    fitText(
      '只公示已公开的日程；“请假”为已批准的请假，“未报送”为工作日未公示日程。',
      width,
      7.5,
      false,
      measure,
    ),
    MARGIN,
    MARGIN + 88,
    7.5,
    false,
  );
  const ruleY = MARGIN + HEAD_HEIGHT - 10;
  raw.moveTo(MARGIN, ruleY).lineTo(right, ruleY).lineWidth(1.5).strokeColor(BLACK).stroke();
  return MARGIN + HEAD_HEIGHT;
}

function drawContinuedHead(
  board: UnitBoard,
  text: TextFn,
  measure: Measure,
  raw: PDFKit.PDFDocument,
): number {
  const line = `实绩公示栏（续）${IDEOGRAPHIC_SPACE}${board.unit.name}${IDEOGRAPHIC_SPACE}${weekTitle(board.week)}`;
  text(fitText(line, PAGE.width - 2 * MARGIN, 11, true, measure), MARGIN, MARGIN, 11, true);
  const ruleY = MARGIN + CONTINUED_HEAD_HEIGHT - 10;
  raw
    .moveTo(MARGIN, ruleY)
    .lineTo(PAGE.width - MARGIN, ruleY)
    .lineWidth(1)
    .strokeColor(BLACK)
    .stroke();
  return MARGIN + CONTINUED_HEAD_HEIGHT;
}

/** 红旗: a filled black box with the word in white; 黄旗: an outlined box. Both say which in words. */
function drawFlag(raw: PDFKit.PDFDocument, flag: CurrentFlag, x: number, y: number, text: TextFn): void {
  const label = flag.color === 'red' ? '红旗' : '黄旗';
  if (flag.color === 'red') raw.rect(x, y, FLAG.width, FLAG.height).fill(BLACK);
  else
    raw
      .rect(x + 1, y + 1, FLAG.width - 2, FLAG.height - 2)
      .lineWidth(2)
      .strokeColor(BLACK)
      .stroke();
  text(
    label,
    x,
    y + 10,
    20,
    true,
    { width: FLAG.width, align: 'center' },
    flag.color === 'red' ? WHITE : BLACK,
  );
  text(
    `${PERIOD_WORDS[flag.period]}${IDEOGRAPHIC_SPACE}${shortDate(flag.from)}至${shortDate(flag.to)}`,
    x - 12,
    y + FLAG.height + 3,
    6.5,
    false,
    { width: FLAG.width + 24, align: 'center' },
  );
}

/** The QR code as filled squares with its quiet zone (4 modules) inside `size`. */
function drawQr(raw: PDFKit.PDFDocument, payload: string, x: number, y: number, size: number): void {
  const matrix = qrMatrix(payload);
  const cell = size / (matrix.size + 8);
  raw.fillColor(BLACK);
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      if (matrix.dark(row, column))
        raw.rect(x + (column + 4) * cell, y + (row + 4) * cell, cell + 0.05, cell + 0.05);
    }
  }
  raw.fill(BLACK);
}
