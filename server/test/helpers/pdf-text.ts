// pdfjs-dist 3.x: the last major with a CommonJS build (legacy/), which jest loads without ESM flags.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.js');

let pdfjs: PdfJs | undefined;

/**
 * pdf.js, loaded once. On load it tries its optional `canvas` dependency (for rendering, which text
 * extraction does not need) and logs a warning when that native module is not built: kept quiet here.
 */
function loadPdfJs(): PdfJs {
  if (!pdfjs) {
    const quiet = jest.spyOn(global.console, 'log').mockImplementation(() => undefined);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;
    } finally {
      quiet.mockRestore();
    }
  }
  return pdfjs;
}

/** One page's text as a reader would copy it: the text items joined, a line break where pdf.js sees one. */
export interface PdfText {
  pages: string[];
  /** All pages, joined with a blank line. */
  text: string;
  info: Record<string, unknown>;
}

/** Extracts the text of a PDF with pdf.js (the reader Firefox uses), to check what a PDF says. */
export async function pdfText(buffer: Buffer): Promise<PdfText> {
  const document = await loadPdfJs().getDocument({
    data: new Uint8Array(buffer),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    const metadata = await document.getMetadata();
    return { pages, text: pages.join('\n\n'), info: (metadata.info ?? {}) as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** The text with all whitespace removed: pdf.js may split a line into items at any glyph run. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * `it` when a Chinese font is installed (or PDF_FONT_FILE names one), else `it.skip` with a warning;
 * with REQUIRE_PDF_FONT=1 (CI) a missing font fails the test instead.
 */
export function itWithPdfFont(available: boolean): jest.It {
  if (available || process.env.REQUIRE_PDF_FONT === '1') return it;
  process.stderr.write(
    'No Chinese font for the PDF specs: install fonts-noto-cjk or set PDF_FONT_FILE (skipped)\n',
  );
  return it.skip;
}
