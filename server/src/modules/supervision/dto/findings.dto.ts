import {
  FINDING_KINDS,
  FINDING_STATES,
  type FindingKind,
  type FindingState,
  SUPERVISION_LIMITS,
} from '@jinri/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, Matches } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { PhotoIds } from '../../../common/validation/photo-ids';
import { PageNumber, PositiveInt } from '../../../common/validation/positive-int';
import { VisibleText } from '../../../common/validation/visible-text';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = { message: 'must be a date like 2026-11-23' };

/** "a,b" or ?x=a&x=b → ['a', 'b']; empty → absent. */
export const commaList = ({ value }: { value: unknown }): string[] | undefined => {
  const parts = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v ?? '').split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.length ? parts : undefined;
};

export class FindingsQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ example: '2026-11-23' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-04' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  to?: string;

  @ApiPropertyOptional({ description: 'one kind or several, comma separated', example: 'missing,late' })
  @Optional()
  @Transform(commaList)
  @IsIn(FINDING_KINDS, { each: true })
  kind?: FindingKind[];

  @ApiPropertyOptional({ description: 'one state or several, comma separated', example: 'open,explained' })
  @Optional()
  @Transform(commaList)
  @IsIn(FINDING_STATES, { each: true })
  state?: FindingState[];

  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  officialId?: number;

  @ApiPropertyOptional()
  @PageNumber()
  page?: number;
}

export class ExplainFindingDto {
  @ApiProperty({ maxLength: SUPERVISION_LIMITS.explanationMax })
  @VisibleText({ min: 2, max: SUPERVISION_LIMITS.explanationMax }, { min: '请写明申辩理由' })
  text: string;

  @PhotoIds(SUPERVISION_LIMITS.photosMax)
  photoIds?: string[];
}

export class DecideFindingDto {
  @ApiProperty()
  @PositiveInt()
  version: number;

  @ApiPropertyOptional({ maxLength: SUPERVISION_LIMITS.noteMax })
  @Optional()
  @VisibleText({ max: SUPERVISION_LIMITS.noteMax })
  note?: string;
}
