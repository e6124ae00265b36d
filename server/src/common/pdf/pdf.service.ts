import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppException } from '../errors/app.exception';
import { PdfDocument, type PdfDocumentOptions } from './pdf-document';
import { type PdfFont, resolvePdfFont } from './pdf-font';

/**
 * Makes PDF documents in the configured (PDF_FONT_FILE) or installed Chinese font. The font is looked
 * up once, on the first export; without one every export answers 503 EXPORT.FONT_MISSING.
 */
@Injectable()
export class PdfService {
  private readonly logger = new Logger(PdfService.name);
  private font: PdfFont | null | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A new A4 document with the font registered; throws EXPORT.FONT_MISSING when there is none. */
  create(options: PdfDocumentOptions): PdfDocument {
    const font = this.resolveFont();
    if (!font) throw new AppException('EXPORT.FONT_MISSING');
    return new PdfDocument(font, options);
  }

  /** Whether PDFs can be made (e.g. for a client to hide its export button). */
  available(): boolean {
    return this.resolveFont() !== null;
  }

  private resolveFont(): PdfFont | null {
    if (this.font === undefined) {
      this.font = resolvePdfFont(this.config.pdf.fontFile);
      if (this.font) this.logger.log(`PDF font: ${this.font.regular.file}`);
      else
        this.logger.warn(
          this.config.pdf.fontFile
            ? `PDF_FONT_FILE cannot be opened as a font: ${this.config.pdf.fontFile}`
            : 'No Chinese font found for PDF exports: install fonts-noto-cjk or set PDF_FONT_FILE',
        );
    }
    return this.font;
  }
}
