import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { PositiveInt } from '../../../common/validation/positive-int';
import { DATE, DATE_MESSAGE } from './findings.dto';

/** The weeks a trend may span (half a year). */
export const TREND_WEEKS = { default: 8, max: 26 } as const;

export class SummaryQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ example: '2026-12-07', description: 'default today' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  date?: string;
}

export class TrendQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: TREND_WEEKS.max, default: TREND_WEEKS.default })
  @Max(TREND_WEEKS.max)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @Optional()
  weeks?: number;
}
