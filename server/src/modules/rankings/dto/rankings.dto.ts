import {
  DEFAULT_FLAG_COUNT,
  DEFAULT_RANKING_MIN_SAMPLE,
  RANKING_LEVELS,
  RANKING_PERIODS,
  RANKING_SETTINGS_LIMITS,
  type RankingLevel,
  type RankingPeriod,
} from '@jinri/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { PositiveInt } from '../../../common/validation/positive-int';
import { VisibleText } from '../../../common/validation/visible-text';
import { DATE, DATE_MESSAGE } from '../../supervision/dto/findings.dto';

/** Bounds of the admin's settings and of a flag award's reason. */
export const RANKING_LIMITS = {
  ...RANKING_SETTINGS_LIMITS,
  reasonMin: 4,
  reasonMax: 500,
  /** A custom period spans at most a year. */
  customDaysMax: 366,
  trendPeriods: 12,
} as const;

export class RankingsQueryDto {
  @ApiPropertyOptional({
    description: 'the unit whose towns, departments or officials are ranked; default the root',
  })
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ enum: RANKING_LEVELS, default: 'town' })
  @Optional()
  @IsIn(RANKING_LEVELS)
  level?: RankingLevel;

  @ApiPropertyOptional({
    enum: RANKING_PERIODS,
    description: 'default week, or custom when from and to are given',
  })
  @Optional()
  @IsIn(RANKING_PERIODS)
  period?: RankingPeriod;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'custom: the first day; else any day of the period (default today)',
  })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-06', description: 'custom only: the last day' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  to?: string;
}

const FIXED_PERIODS = ['week', 'month', 'quarter'] as const;

export class RankingTrendQueryDto {
  @ApiProperty()
  @PositiveInt({ fromText: true })
  unitId: number;

  @ApiPropertyOptional({ enum: FIXED_PERIODS, default: 'week' })
  @Optional()
  @IsIn(FIXED_PERIODS)
  period?: (typeof FIXED_PERIODS)[number];
}

export class JurisdictionQueryDto {
  @ApiPropertyOptional({ description: 'a county (jurisdiction); default the root' })
  @PositiveInt({ optional: true, fromText: true })
  jurisdictionId?: number;
}

function Weight(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minimum: 0, maximum: RANKING_LIMITS.weightMax })(target, key);
    Max(RANKING_LIMITS.weightMax)(target, key);
    Min(0)(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
  };
}

export class RankingWeightsDto {
  @Weight() submission: number;
  @Weight() onTime: number;
  @Weight() quality: number;
  @Weight() weeklyOnTime: number;
  @Weight() response: number;
  @Weight() resolution: number;
  @Weight() satisfaction: number;
}

export class RankingSettingsDto {
  @ApiProperty({ type: RankingWeightsDto })
  @ValidateNested()
  @Type(() => RankingWeightsDto)
  @IsObject()
  weights: RankingWeightsDto;

  @ApiProperty({
    minimum: RANKING_LIMITS.minSampleMin,
    maximum: RANKING_LIMITS.minSampleMax,
    default: DEFAULT_RANKING_MIN_SAMPLE,
  })
  @Max(RANKING_LIMITS.minSampleMax)
  @Min(RANKING_LIMITS.minSampleMin)
  @IsInt()
  minSample: number;

  @ApiProperty({
    minimum: RANKING_LIMITS.flagCountMin,
    maximum: RANKING_LIMITS.flagCountMax,
    default: DEFAULT_FLAG_COUNT,
  })
  @Max(RANKING_LIMITS.flagCountMax)
  @Min(RANKING_LIMITS.flagCountMin)
  @IsInt()
  flagCount: number;
}

const FLAG_LEVELS = ['town', 'department'] as const;

export class FlagProposalQueryDto {
  @ApiPropertyOptional({ description: 'a county; default the root' })
  @PositiveInt({ optional: true, fromText: true })
  jurisdictionId?: number;

  @ApiPropertyOptional({ enum: FLAG_LEVELS, default: 'town' })
  @Optional()
  @IsIn(FLAG_LEVELS)
  level?: (typeof FLAG_LEVELS)[number];

  @ApiPropertyOptional({ enum: FIXED_PERIODS, default: 'week' })
  @Optional()
  @IsIn(FIXED_PERIODS)
  period?: (typeof FIXED_PERIODS)[number];

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'any day of the period; default the last completed one',
  })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  from?: string;
}

export class AwardFlagsDto {
  @ApiProperty()
  @PositiveInt()
  jurisdictionId: number;

  @ApiProperty({ enum: FLAG_LEVELS })
  @IsIn(FLAG_LEVELS)
  level: (typeof FLAG_LEVELS)[number];

  @ApiProperty({ enum: FIXED_PERIODS })
  @IsIn(FIXED_PERIODS)
  period: (typeof FIXED_PERIODS)[number];

  @ApiProperty({ example: '2026-11-30', description: 'the first day of the period' })
  @Matches(DATE, DATE_MESSAGE)
  from: string;

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(RANKING_LIMITS.flagCountMax)
  @Min(1, { each: true })
  @IsInt({ each: true })
  red: number[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(RANKING_LIMITS.flagCountMax)
  @Min(1, { each: true })
  @IsInt({ each: true })
  yellow: number[];

  @ApiPropertyOptional({ maxLength: RANKING_LIMITS.reasonMax })
  @Optional()
  @VisibleText({ max: RANKING_LIMITS.reasonMax })
  reason?: string;
}

export class FlagsQueryDto {
  @ApiPropertyOptional({ description: 'default the root' })
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;
}
