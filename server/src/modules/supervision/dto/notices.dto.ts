import {
  NOTICE_STATES,
  type NoticeState,
  SELF_EXAM_STATES,
  type SelfExamState,
  SUPERVISION_LIMITS,
} from '@jinri/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { PhotoIds } from '../../../common/validation/photo-ids';
import { PageNumber, PositiveInt } from '../../../common/validation/positive-int';
import { VisibleText } from '../../../common/validation/visible-text';
import { commaList, DATE, DATE_MESSAGE } from './findings.dto';

export class DraftNoticeDto {
  @ApiProperty()
  @PositiveInt()
  unitId: number;

  @ApiProperty({ example: '2026-11-23' })
  @Matches(DATE, DATE_MESSAGE)
  from: string;

  @ApiProperty({ example: '2026-12-04' })
  @Matches(DATE, DATE_MESSAGE)
  to: string;

  @ApiPropertyOptional({ type: [Number] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUPERVISION_LIMITS.noticeFindingsMax)
  @Min(1, { each: true })
  @IsInt({ each: true })
  findingIds?: number[];
}

export class UpdateNoticeDto {
  @ApiProperty()
  @PositiveInt()
  version: number;

  @ApiPropertyOptional({ maxLength: SUPERVISION_LIMITS.titleMax })
  @Optional()
  @VisibleText({ min: 2, max: SUPERVISION_LIMITS.titleMax }, { min: '请填写标题' })
  title?: string;

  @ApiPropertyOptional({ maxLength: SUPERVISION_LIMITS.prefaceMax })
  @Optional()
  @VisibleText({ min: 2, max: SUPERVISION_LIMITS.prefaceMax }, { min: '请填写导语' })
  preface?: string;

  @ApiPropertyOptional({ maxLength: SUPERVISION_LIMITS.requirementMax })
  @Optional()
  @VisibleText({ min: 2, max: SUPERVISION_LIMITS.requirementMax }, { min: '请填写要求' })
  requirement?: string;

  @ApiPropertyOptional({ maxLength: SUPERVISION_LIMITS.issuerMax })
  @Optional()
  @VisibleText({ min: 2, max: SUPERVISION_LIMITS.issuerMax }, { min: '请填写落款' })
  issuer?: string;

  @ApiPropertyOptional({ type: [Number] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUPERVISION_LIMITS.noticeFindingsMax)
  @Min(1, { each: true })
  @IsInt({ each: true })
  findingIds?: number[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @Optional()
  @Max(10)
  @Min(0)
  @IsInt()
  selfExamWorkingDays?: number;
}

export class IssueNoticeDto {
  @ApiProperty()
  @PositiveInt()
  version: number;
}

export class NoticesQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ enum: NOTICE_STATES })
  @Optional()
  @IsIn(NOTICE_STATES)
  state?: NoticeState;

  @ApiPropertyOptional()
  @PageNumber()
  page?: number;
}

export class SelfExamsQueryDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional({ description: 'one state or several, comma separated', example: 'submitted' })
  @Optional()
  @Transform(commaList)
  @IsIn(SELF_EXAM_STATES, { each: true })
  state?: SelfExamState[];

  @ApiPropertyOptional()
  @PageNumber()
  page?: number;
}

export class SubmitSelfExamDto {
  @ApiProperty({ maxLength: SUPERVISION_LIMITS.selfExamMax })
  @VisibleText({ min: 10, max: SUPERVISION_LIMITS.selfExamMax }, { min: '书面检查至少写 10 个字' })
  text: string;

  @PhotoIds(SUPERVISION_LIMITS.photosMax)
  photoIds?: string[];
}

export class DecideSelfExamDto {
  @ApiProperty()
  @PositiveInt()
  version: number;

  @ApiPropertyOptional({ maxLength: SUPERVISION_LIMITS.noteMax })
  @Optional()
  @VisibleText({ max: SUPERVISION_LIMITS.noteMax })
  note?: string;
}
