import type { NoticeView } from '@jinri/shared';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { fullDate } from './notice-facts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The usual fonts of an official document: 仿宋 for the body, 宋体 (bold) for the title, 黑体 for headings. */
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: '仿宋' };
const TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: '宋体' };
const HEADING = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: '黑体' };
/** Sizes in half-points: 三号 (16 pt) for the body, 二号 (22 pt) for the title. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
/** Two characters of 三号 (twips): the first-line indent of a paragraph. */
const INDENT = 640;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The addressees of a county-wide notice. */
export const ADDRESSEES = '各乡镇、县直各单位：';

/**
 * The notice as a Word document: (征求意见稿 on a draft), the number, the title, the addressees, the
 * preface, the facts by unit (一、二、…) and person, the requirement, and the issuer and date
 * right-aligned. The fonts are named for East Asian text, so Word shows 仿宋 / 宋体 / 黑体.
 */
export async function noticeDocx(notice: NoticeView): Promise<Buffer> {
  const draft = notice.state === 'draft';
  const body = (text: string, options: { indent?: boolean; bold?: boolean } = {}) =>
    new Paragraph({
      indent: options.indent === false ? undefined : { firstLine: INDENT },
      spacing: { line: 560 },
      children: [new TextRun({ text, font: BODY, size: BODY_SIZE, bold: options.bold })],
    });
  const right = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { line: 560 },
      indent: { right: INDENT },
      children: [new TextRun({ text, font: BODY, size: BODY_SIZE })],
    });
  const children: Paragraph[] = [];
  if (draft)
    children.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text: '征求意见稿（草稿）', font: HEADING, size: BODY_SIZE })],
      }),
    );
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [new TextRun({ text: notice.number ?? '（印发时编号）', font: BODY, size: BODY_SIZE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480, line: 700 },
      children: [new TextRun({ text: notice.title, font: TITLE, size: TITLE_SIZE, bold: true })],
    }),
    body(ADDRESSEES, { indent: false }),
    ...paragraphs(notice.preface).map((p) => body(p)),
  );
  notice.facts.forEach((unit, index) => {
    children.push(
      new Paragraph({
        indent: { firstLine: INDENT },
        spacing: { line: 560 },
        children: [
          new TextRun({ text: `${numeral(index)}、${unit.unit.name}`, font: HEADING, size: BODY_SIZE }),
        ],
      }),
    );
    for (const person of unit.people) {
      const who = person.official.post
        ? `${person.official.name}（${person.official.post}）`
        : person.official.name;
      children.push(body(`${who}：${person.findings.map((f) => f.text).join('；')}。`));
    }
  });
  children.push(...paragraphs(notice.requirement).map((p) => body(p)));
  children.push(new Paragraph({ children: [] }), right(notice.issuer), right(fullDate(notice.issueDate)));
  const document = new Document({
    creator: notice.issuer,
    title: notice.title,
    styles: { default: { document: { run: { font: BODY, size: BODY_SIZE } } } },
    sections: [
      {
        // A4 with the margins of an official document (37 mm top, 28 mm left, 26 mm right, 35 mm bottom).
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The file name of the export: "督通字〔2026〕1号 关于….docx", or "（草稿）关于….docx". */
export function noticeFilename(notice: Pick<NoticeView, 'number' | 'title'>): string {
  const name = `${notice.number ? `${notice.number} ` : '（草稿）'}${notice.title}`.replace(
    /[\\/:*?"<>|]/g,
    '',
  );
  return `${name}.docx`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** 0 → 一, 9 → 十, 10 → 十一, 20 → 二十一 (the heading numbers of an official document). */
export function numeral(index: number): string {
  const n = index + 1;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens - 1]!}十`;
  return `${head}${ones ? NUMERALS[ones - 1]! : ''}`;
}
