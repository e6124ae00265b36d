import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** One face of a font: its file and, for a collection (.ttc), the PostScript name inside it. */
export interface PdfFontFace {
  file: string;
  postscriptName?: string;
}

/** The Chinese font a PDF is written in: regular always, bold when the system has one. */
export interface PdfFont {
  regular: PdfFontFace;
  bold?: PdfFontFace;
}

/** Where Linux distributions install CJK fonts, best first (Simplified Chinese faces of the collections). */
export const SYSTEM_FONT_CANDIDATES: readonly PdfFont[] = [
  // Debian/Ubuntu fonts-noto-cjk
  {
    regular: {
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      postscriptName: 'NotoSansCJKsc-Regular',
    },
    bold: {
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      postscriptName: 'NotoSansCJKsc-Bold',
    },
  },
  {
    regular: {
      file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
      postscriptName: 'NotoSerifCJKsc-Regular',
    },
    bold: {
      file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
      postscriptName: 'NotoSerifCJKsc-Bold',
    },
  },
  // Fedora google-noto-sans-cjk-fonts, Arch noto-fonts-cjk
  {
    regular: {
      file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
      postscriptName: 'NotoSansCJKsc-Regular',
    },
    bold: {
      file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
      postscriptName: 'NotoSansCJKsc-Bold',
    },
  },
  {
    regular: {
      file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
      postscriptName: 'NotoSansCJKsc-Regular',
    },
    bold: { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
  },
  // Debian fonts-wqy-microhei / fonts-wqy-zenhei
  {
    regular: { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
  },
  { regular: { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', postscriptName: 'WenQuanYiZenHei' } },
];

/**
 * PDF_FONT_FILE as configured: a .ttf/.otf file, or a collection with the face named after a `#`
 * (`/fonts/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular`).
 */
export function parseFontSetting(value: string): PdfFontFace {
  const hash = value.lastIndexOf('#');
  return hash > 0 && hash < value.length - 1
    ? { file: value.slice(0, hash), postscriptName: value.slice(hash + 1) }
    : { file: value };
}

/** True when pdfkit can open the face (file readable, format supported, named face present). */
export function canOpen(face: PdfFontFace): boolean {
  if (!existsSync(face.file)) return false;
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    if (face.postscriptName) doc.font(face.file, face.postscriptName);
    else doc.font(face.file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The font to write PDFs in: the configured file when it opens, else the first system candidate that
 * does; null when there is none (the caller answers EXPORT.FONT_MISSING). A configured file that does
 * not open is not silently replaced: the export is refused so the setting gets fixed.
 */
export function resolvePdfFont(
  configured: string | undefined,
  candidates: readonly PdfFont[] = SYSTEM_FONT_CANDIDATES,
): PdfFont | null {
  if (configured) {
    const face = parseFontSetting(configured);
    return canOpen(face) ? { regular: face } : null;
  }
  for (const candidate of candidates) {
    if (!canOpen(candidate.regular)) continue;
    return candidate.bold && canOpen(candidate.bold)
      ? { regular: candidate.regular, bold: candidate.bold }
      : { regular: candidate.regular };
  }
  return null;
}
