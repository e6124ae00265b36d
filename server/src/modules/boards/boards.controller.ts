import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { UnitBoard } from '@jinri/shared';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientIp } from '../../common/http/client-address';
import { attachmentDisposition, PDF_CONTENT_TYPE } from '../../common/pdf';
import { IdParamDto } from '../auth/dto/auth.dto';
import { BoardsService } from './boards.service';
import { BoardJsonQueryDto, BoardQueryDto } from './dto/board.dto';

/** 实绩公示栏: public, like the paper board at the market. */
@ApiTags('boards')
@Controller('units/:id')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  /** The printable PDF (A4 portrait), or with ?format=json the data of board.json. */
  @Get('board')
  @ApiProduces(PDF_CONTENT_TYPE, 'application/json')
  async board(
    @Param() params: IdParamDto,
    @Query() query: BoardQueryDto,
    @ClientIp() ip: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UnitBoard | StreamableFile> {
    if (query.format === 'json') return this.boards.board(params.id, query.week);
    const { filename, asciiName, file } = await this.boards.boardPdf(params.id, query.week, ip);
    res.setHeader('Content-Type', PDF_CONTENT_TYPE);
    res.setHeader('Content-Disposition', attachmentDisposition(filename, asciiName));
    res.setHeader('Cache-Control', 'public, max-age=300');
    return new StreamableFile(file);
  }

  @Get('board.json')
  boardJson(@Param() params: IdParamDto, @Query() query: BoardJsonQueryDto): Promise<UnitBoard> {
    return this.boards.board(params.id, query.week);
  }
}
