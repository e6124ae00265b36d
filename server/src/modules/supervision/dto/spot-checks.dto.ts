import { SUPERVISION_LIMITS, SUPERVISION_RULES } from '@jinri/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsISO8601,
  IsNumber,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional } from '../../../common/validation/optional';
import { PhotoIds } from '../../../common/validation/photo-ids';
import { PageNumber, PositiveInt } from '../../../common/validation/positive-int';
import { VisibleText } from '../../../common/validation/visible-text';
import { DATE, DATE_MESSAGE } from './findings.dto';

/** A seed as stored (spot_check_samples.seed): 1 to 64 printable ASCII characters, no spaces. */
const SEED = /^[\x21-\x7e]{1,64}$/;

export class SpotCheckCandidatesQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ description: 'entries whose place unit lies in this unit’s subtree' })
  @PositiveInt({ optional: true, fromText: true })
  placeUnitId?: number;

  @ApiPropertyOptional({ description: 'text in the place or the work', maxLength: 50 })
  @Optional()
  @VisibleText({ max: 50 })
  q?: string;
}

export class SpotCheckSampleDto {
  @ApiProperty()
  @PositiveInt()
  unitId: number;

  @ApiProperty({ minimum: 1, maximum: SUPERVISION_RULES.sampleMax })
  @Max(SUPERVISION_RULES.sampleMax)
  @PositiveInt()
  size: number;

  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  placeUnitId?: number;

  @ApiPropertyOptional({ description: '1–64 printable characters; left out, the server picks one' })
  @Optional()
  @Matches(SEED, { message: 'must be 1 to 64 printable characters without spaces' })
  seed?: string;
}

export class GeoPointDto {
  @ApiProperty()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude: number;

  @ApiProperty()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude: number;
}

export class SpotCheckDto {
  @ApiProperty()
  @PositiveInt()
  entryId: number;

  @ApiProperty({ example: '2026-11-16T02:30:00.000Z' })
  @MaxLength(40)
  @IsISO8601({ strict: true, strictSeparator: true })
  visitedAt: string;

  @ApiProperty()
  @IsBoolean()
  found: boolean;

  @ApiProperty({ maxLength: SUPERVISION_LIMITS.noteMax })
  @VisibleText({ min: 1, max: SUPERVISION_LIMITS.noteMax }, { min: '请写明到访情况' })
  note: string;

  @PhotoIds(SUPERVISION_LIMITS.photosMax)
  photoIds?: string[];

  @ApiPropertyOptional({ type: GeoPointDto, nullable: true })
  @Nullable()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto | null;

  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  sampleId?: number;
}

export class SpotChecksQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ example: '2026-11-16' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-16' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  to?: string;

  @ApiPropertyOptional()
  @PageNumber()
  page?: number;
}
