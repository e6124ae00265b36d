import {
  PLAN_KIND_MAX_LENGTH,
  PLAN_MAX_ENTRIES,
  PLAN_MEETING_NAME_MAX_LENGTH,
  PLAN_PLACE_MAX_LENGTH,
  PLAN_WHAT_MAX_LENGTH,
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
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable, Optional } from '../../../common/validation/optional';
import { PhotoIds } from '../../../common/validation/photo-ids';
import { VisibleText } from '../../../common/validation/visible-text';
import type { DayPeriod, EntryUpdateKind, LeaveStatus } from '@jinri/shared';
import { PositiveInt } from '../../../common/validation/positive-int';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_MESSAGE = { message: 'must be a date like 2026-11-23' };
const TIME_MESSAGE = { message: 'must be a time like 08:30' };

export class PlanEntryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  id?: number;

  @ApiPropertyOptional({ type: String, example: '08:30', nullable: true })
  @Nullable()
  @Matches(TIME, TIME_MESSAGE)
  startTime?: string | null;

  @ApiPropertyOptional({ type: String, example: '11:30', nullable: true })
  @Nullable()
  @Matches(TIME, TIME_MESSAGE)
  endTime?: string | null;

  @ApiPropertyOptional({ enum: ['am', 'pm', 'allday'], nullable: true })
  @Nullable()
  @IsIn(['am', 'pm', 'allday'])
  period?: DayPeriod | null;

  @ApiPropertyOptional({ maxLength: PLAN_PLACE_MAX_LENGTH, nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(PLAN_PLACE_MAX_LENGTH)
  place?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @PositiveInt()
  placeUnitId?: number | null;

  @ApiProperty({ maxLength: PLAN_WHAT_MAX_LENGTH, example: '到魏庄村调度拆迁工作' })
  @VisibleText({ min: 1, max: PLAN_WHAT_MAX_LENGTH })
  what: string;

  @ApiProperty({ example: '下村/实地' })
  @IsString()
  @MaxLength(PLAN_KIND_MAX_LENGTH)
  kind: string;

  @ApiPropertyOptional({ maxLength: PLAN_MEETING_NAME_MAX_LENGTH, nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(PLAN_MEETING_NAME_MAX_LENGTH)
  meetingName?: string | null;

  @ApiPropertyOptional({ type: [Number] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  matterIds?: number[];
}

export class SavePlanDto {
  @ApiProperty({ type: [PlanEntryDto] })
  @IsArray()
  @ArrayMaxSize(PLAN_MAX_ENTRIES)
  @IsObject({ each: true }) // ValidateNested lets a nested array through unvalidated
  @ValidateNested({ each: true })
  @Type(() => PlanEntryDto)
  entries: PlanEntryDto[];

  @ApiPropertyOptional({ description: 'The version read (optimistic lock)' })
  @PositiveInt({ optional: true })
  version?: number;
}

export class PlanParamsDto {
  @PositiveInt({ fromText: true })
  officialId: number;

  @Matches(DATE, DATE_MESSAGE)
  date: string;
}

export class CheckEntryDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PLAN_WHAT_MAX_LENGTH)
  what: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(PLAN_PLACE_MAX_LENGTH)
  place?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(PLAN_KIND_MAX_LENGTH)
  kind?: string | null;
}

export class PlanCheckDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  officialId?: number;

  @ApiPropertyOptional()
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  date?: string;

  @ApiProperty({ type: [CheckEntryDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true }) // ValidateNested lets a nested array through unvalidated
  @ValidateNested({ each: true })
  @Type(() => CheckEntryDto)
  entries: CheckEntryDto[];
}

export class TodayQueryDto {
  @ApiProperty()
  @PositiveInt({ fromText: true })
  unitId: number;

  @ApiPropertyOptional()
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  date?: string;
}

export class RangeQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  from?: string;

  @ApiPropertyOptional()
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  to?: string;
}

export class LocationDto {
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude: number;

  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude: number;
}

export class EntryUpdateDto {
  @ApiProperty({ enum: ['progress', 'result'] })
  @IsIn(['progress', 'result'])
  kind: EntryUpdateKind;

  @ApiProperty({ maxLength: 500 })
  @VisibleText({ min: 1, max: 500 })
  text: string;

  @PhotoIds(9)
  photoIds?: string[];

  @ApiPropertyOptional({ type: LocationDto, nullable: true })
  @Nullable()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;
}

export class LeaveDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  officialId?: number;

  @ApiProperty()
  @Matches(DATE, DATE_MESSAGE)
  startDate: string;

  @ApiProperty()
  @Matches(DATE, DATE_MESSAGE)
  endDate: string;

  @ApiProperty({ maxLength: 500 })
  @VisibleText({ min: 2, max: 500 })
  reason: string;
}

export class LeaveQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected', 'cancelled'] })
  @Optional()
  @IsIn(['pending', 'approved', 'rejected', 'cancelled'])
  status?: LeaveStatus;
}

export class WeeklyParamsDto {
  @PositiveInt({ fromText: true })
  officialId: number;

  @Matches(DATE, DATE_MESSAGE)
  weekStart: string;
}

export class WeeklyReportDto {
  @ApiProperty({ maxLength: 5000 })
  @VisibleText({ min: 2, max: 5000 })
  results: string;

  @ApiProperty({ maxLength: 5000 })
  @VisibleText({ min: 2, max: 5000 })
  nextWeekPlan: string;
}

export class JournalRulesDto {
  @Matches(TIME, TIME_MESSAGE)
  planDueTime: string;

  @Matches(TIME, TIME_MESSAGE)
  publicationTime: string;

  @PositiveInt()
  @Max(7)
  weeklyReportDueWeekday: number;

  @Matches(TIME, TIME_MESSAGE)
  weeklyReportDueTime: string;

  @Matches(TIME, TIME_MESSAGE)
  reminderTime: string;

  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(PLAN_KIND_MAX_LENGTH, { each: true })
  entryKinds: string[];

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(PLAN_MEETING_NAME_MAX_LENGTH, { each: true })
  meetingNames: string[];
}

export class UnitParamDto {
  @PositiveInt({ fromText: true })
  unitId: number;
}

export class DateQueryDto {
  @ApiProperty()
  @Matches(DATE, DATE_MESSAGE)
  date: string;
}

export class DemoPublishDto {
  @ApiProperty()
  @Matches(DATE, DATE_MESSAGE)
  date: string;
}

export class BatchPlanDto {
  @PositiveInt()
  officialId: number;

  @IsArray()
  @ArrayMaxSize(PLAN_MAX_ENTRIES)
  @IsObject({ each: true }) // ValidateNested lets a nested array through unvalidated
  @ValidateNested({ each: true })
  @Type(() => PlanEntryDto)
  entries: PlanEntryDto[];

  @PositiveInt({ optional: true })
  version?: number;
}

export class BatchPlansDto {
  @ApiProperty()
  @Matches(DATE, DATE_MESSAGE)
  date: string;

  @ApiProperty({ type: [BatchPlanDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true }) // ValidateNested lets a nested array through unvalidated
  @ValidateNested({ each: true })
  @Type(() => BatchPlanDto)
  plans: BatchPlanDto[];
}
