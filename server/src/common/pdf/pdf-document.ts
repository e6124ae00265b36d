import PDFDocument from 'pdfkit';
import type { PdfFont } from './pdf-font';

export const PDF_CONTENT_TYPE = 'application/pdf';

const REGULAR = 'body';
const BOLD = 'body-bold';
const MARGIN = 56; // 2 cm
const FOOTER_GAP = 24;
const TEXT_COLOR = '#1f1f1f';
const MUTED_COLOR = '#666666';
const RULE_COLOR = '#cccccc';
const HEADER_FILL = '#f0f0f0';
const CELL_PADDING = 4;

export interface PdfDocumentOptions {
  /** Document title (metadata, and the footer's left side). */
  title: string;
  author?: string;
  subject?: string;
}

/** A table column: its heading and its share of the text width (shares are normalized). */
export interface PdfTableColumn {
  header: string;
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * An A4 document written in the embedded Chinese font (a subset: only the glyphs used, with a
 * ToUnicode map so the text can be searched and copied). Build it top to bottom with the helpers,
 * then `toBuffer()` adds the page footers and returns the file.
 */
export class PdfDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly hasBold: boolean;
  private readonly title: string;
  private finished: Promise<Buffer> | null = null;

  constructor(font: PdfFont, options: PdfDocumentOptions) {
    this.title = options.title;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: {
        Title: options.title,
        ...(options.author ? { Author: options.author } : {}),
        ...(options.subject ? { Subject: options.subject } : {}),
        Creator: '今日工作',
      },
      lang: 'zh-CN',
    });
    this.doc.registerFont(REGULAR, font.regular.file, font.regular.postscriptName);
    this.hasBold = font.bold !== undefined;
    if (font.bold) this.doc.registerFont(BOLD, font.bold.file, font.bold.postscriptName);
    this.doc.font(REGULAR).fontSize(10.5).fillColor(TEXT_COLOR);
  }

  /** The underlying pdfkit document, for drawing the helpers do not cover. */
  get raw(): PDFKit.PDFDocument {
    return this.doc;
  }

  /** The registered font names, for drawing on `raw` (bold is the regular face when there is no bold one). */
  get faces(): { regular: string; bold: string } {
    return { regular: REGULAR, bold: this.hasBold ? BOLD : REGULAR };
  }

  /** The width text may take between the margins. */
  get textWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Level 1: the document title (centred); 2: a section; 3: a sub-section. */
  heading(text: string, level: 1 | 2 | 3 = 2): this {
    const size = level === 1 ? 18 : level === 2 ? 14 : 12;
    const before = level === 1 ? 0 : level === 2 ? 10 : 6;
    // Keep a heading with what follows it: never alone at the foot of a page.
    this.ensureSpace(size * 2 + 60);
    if (before > 0 && this.doc.y > this.doc.page.margins.top) this.doc.moveDown(before / 12);
    this.bold()
      .fontSize(size)
      .fillColor(TEXT_COLOR)
      .text(text, this.left, this.doc.y, {
        width: this.textWidth,
        align: level === 1 ? 'center' : 'left',
      });
    this.doc.moveDown(level === 1 ? 0.6 : 0.3);
    this.regular().fontSize(10.5);
    return this;
  }

  /** A wrapped paragraph; `muted` for notes such as "无" or the period line. */
  paragraph(text: string, options: { muted?: boolean; size?: number; align?: 'left' | 'center' } = {}): this {
    this.regular()
      .fontSize(options.size ?? 10.5)
      .fillColor(options.muted ? MUTED_COLOR : TEXT_COLOR)
      .text(text, this.left, this.doc.y, {
        width: this.textWidth,
        align: options.align ?? 'left',
        lineGap: 2,
      });
    this.doc.fillColor(TEXT_COLOR).moveDown(0.3);
    return this;
  }

  /** "label：value" lines, e.g. the summary figures of a section. */
  keyValues(pairs: ReadonlyArray<readonly [string, string]>): this {
    for (const [label, value] of pairs) {
      this.ensureSpace(16);
      this.bold().fontSize(10.5).text(`${label}：`, this.left, this.doc.y, { continued: true, lineGap: 2 });
      this.regular().text(value, { width: this.textWidth, lineGap: 2 });
    }
    this.doc.moveDown(0.3);
    return this;
  }

  /** A bulleted list, one wrapped item a line. */
  list(items: readonly string[]): this {
    this.regular().fontSize(10.5).fillColor(TEXT_COLOR);
    for (const item of items) {
      this.ensureSpace(16);
      this.doc.text(`• ${item}`, this.left + 6, this.doc.y, { width: this.textWidth - 6, lineGap: 2 });
    }
    this.doc.moveDown(0.3);
    return this;
  }

  /**
   * A table with a shaded header row; cells wrap, rows never split across pages, and the header is
   * repeated on each new page.
   */
  table(columns: readonly PdfTableColumn[], rows: ReadonlyArray<readonly string[]>): this {
    const total = columns.reduce((sum, column) => sum + (column.width ?? 1), 0);
    const widths = columns.map((column) => ((column.width ?? 1) / total) * this.textWidth);
    const size = 9.5;
    const drawRow = (cells: readonly string[], header: boolean): void => {
      if (header) this.bold();
      else this.regular();
      this.doc.fontSize(size);
      const heights = cells.map(
        (cell, i) =>
          this.doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * CELL_PADDING }) + 2 * CELL_PADDING,
      );
      const height = Math.max(...heights, size + 2 * CELL_PADDING);
      if (!header && this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawRow(
          columns.map((column) => column.header),
          true,
        );
        this.regular().fontSize(size);
      }
      const top = this.doc.y;
      if (header)
        this.doc.rect(this.left, top, this.textWidth, height).fill(HEADER_FILL).fillColor(TEXT_COLOR);
      let x = this.left;
      cells.forEach((cell, i) => {
        this.doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, {
          width: widths[i]! - 2 * CELL_PADDING,
          align: columns[i]?.align ?? 'left',
        });
        x += widths[i]!;
      });
      this.doc
        .moveTo(this.left, top + height)
        .lineTo(this.left + this.textWidth, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE_COLOR)
        .stroke();
      this.doc.x = this.left;
      this.doc.y = top + height;
    };
    this.ensureSpace(3 * (size + 2 * CELL_PADDING));
    drawRow(
      columns.map((column) => column.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.doc.moveDown(0.6);
    return this;
  }

  /** Starts a new page unless at least `height` points are left on this one. */
  ensureSpace(height: number): this {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
    return this;
  }

  /** The finished file, with "title · 第 n 页 / 共 m 页" at the foot of every page. Call once. */
  toBuffer(): Promise<Buffer> {
    if (this.finished) return this.finished;
    this.finished = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.writeFooters();
      this.doc.end();
    });
    return this.finished;
  }

  private writeFooters(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0; // writing below the margin must not open a new page
      const y = page.height - MARGIN;
      this.regular().fontSize(8.5).fillColor(MUTED_COLOR);
      this.doc.text(this.title, this.left, y, {
        width: this.textWidth / 2,
        lineBreak: false,
        ellipsis: true,
      });
      this.doc.text(
        `第 ${i - range.start + 1} 页 / 共 ${range.count} 页`,
        this.left + this.textWidth / 2,
        y,
        {
          width: this.textWidth / 2,
          align: 'right',
          lineBreak: false,
        },
      );
      page.margins.bottom = bottomMargin;
    }
    this.doc.fillColor(TEXT_COLOR);
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private regular(): PDFKit.PDFDocument {
    return this.doc.font(REGULAR);
  }

  private bold(): PDFKit.PDFDocument {
    return this.doc.font(this.hasBold ? BOLD : REGULAR);
  }
}
