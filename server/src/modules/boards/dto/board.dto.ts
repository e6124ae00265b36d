import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../../common/validation/optional';

/** ?week=2026-W48 (default: the last completed week); the service answers BOARD.INVALID_WEEK for a bad one. */
export class BoardQueryDto {
  @ApiPropertyOptional({ example: '2026-W48', description: 'ISO week; default the last completed week' })
  @Optional()
  @IsString()
  @MaxLength(16)
  week?: string;

  /** json: the board's data instead of the PDF (the same as board.json). */
  @ApiPropertyOptional({ enum: ['pdf', 'json'] })
  @Optional()
  @IsIn(['pdf', 'json'])
  format?: 'pdf' | 'json';
}

/** board.json takes the week only. */
export class BoardJsonQueryDto {
  @ApiPropertyOptional({ example: '2026-W48', description: 'ISO week; default the last completed week' })
  @Optional()
  @IsString()
  @MaxLength(16)
  week?: string;
}
