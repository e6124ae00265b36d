export { PDF_CONTENT_TYPE, PdfDocument, type PdfDocumentOptions, type PdfTableColumn } from './pdf-document';
export { type PdfFont, type PdfFontFace, resolvePdfFont, SYSTEM_FONT_CANDIDATES } from './pdf-font';
export { PdfModule } from './pdf.module';
export { PdfService } from './pdf.service';
export { attachmentDisposition } from './content-disposition';
