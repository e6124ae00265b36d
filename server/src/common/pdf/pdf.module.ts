import { Module } from '@nestjs/common';
import { PdfService } from './pdf.service';

/** Import in a feature module to inject PdfService (APP_CONFIG comes from the global config module). */
@Module({ providers: [PdfService], exports: [PdfService] })
export class PdfModule {}
