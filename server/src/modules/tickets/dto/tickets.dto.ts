import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Matches,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { PhotoIds } from '../../../common/validation/photo-ids';
import { VisibleText } from '../../../common/validation/visible-text';
import {
  TICKET_LIMITS,
  TICKET_REPORT_REASONS,
  type InboxFilter,
  type TicketReportReason,
  type TicketReportTarget,
} from '@jinri/shared';
import { PageNumber, PositiveInt } from '../../../common/validation/positive-int';

export class TicketCreateDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  planEntryId?: number;

  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  officialId?: number;

  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  matterId?: number;

  @ApiPropertyOptional({ description: "The resident's village or unit" })
  @PositiveInt({ optional: true })
  unitId?: number;

  @ApiProperty({ minLength: TICKET_LIMITS.contentMin, maxLength: TICKET_LIMITS.contentMax })
  @VisibleText(
    { min: TICKET_LIMITS.contentMin, max: TICKET_LIMITS.contentMax },
    {
      min: `留言太短了，请至少写 ${TICKET_LIMITS.contentMin} 个字`,
      max: `这条留言太长了，请删到 ${TICKET_LIMITS.contentMax} 字以内`,
    },
  )
  content: string;

  @PhotoIds(TICKET_LIMITS.photosMax)
  photoIds?: string[];

  @ApiProperty()
  @IsBoolean()
  publicAllowed: boolean;

  @ApiPropertyOptional({ example: '13812345678' })
  @Optional()
  @Matches(/^1[3-9]\d{9}$/, { message: '请填写 11 位手机号' })
  contactPhone?: string;

  @ApiPropertyOptional({ example: '王', description: 'Shown masked: 王**' })
  @Optional()
  @VisibleText({ max: 20 })
  authorName?: string;
}

export class TargetQueryDto {
  @PositiveInt({ optional: true, fromText: true })
  planEntryId?: number;

  @PositiveInt({ optional: true, fromText: true })
  officialId?: number;

  @PositiveInt({ optional: true, fromText: true })
  matterId?: number;
}

export class SimilarQueryDto extends TargetQueryDto {
  @IsString()
  @MinLength(1)
  @MaxLength(TICKET_LIMITS.contentMax)
  content: string;
}

export class PageQueryDto {
  @PageNumber()
  page: number = 1;
}

export class PublicQueryDto extends TargetQueryDto {
  @PageNumber()
  page: number = 1;
}

export class InboxQueryDto extends PageQueryDto {
  @Optional()
  @IsIn(['open', 'overdue', 'held', 'extensions', 'done'])
  filter: InboxFilter = 'open';
}

export class QueryCodeParamDto {
  @Matches(/^[0-9A-Za-z]{6,12}$/, { message: '查询码为 8 位字母或数字' })
  queryCode: string;
}

export class VersionDto {
  @ApiProperty()
  @PositiveInt()
  version: number;
}

export class ReplyDto extends VersionDto {
  @ApiProperty()
  @VisibleText({ min: 2, max: TICKET_LIMITS.replyMax }, { min: '答复至少 2 个字' })
  content: string;
}

export class ResolveDto extends VersionDto {
  @ApiProperty()
  @VisibleText({ min: 2, max: TICKET_LIMITS.replyMax }, { min: '办理结果至少 2 个字' })
  note: string;

  @PhotoIds(TICKET_LIMITS.photosMax)
  photoIds?: string[];
}

export class TransferDto extends VersionDto {
  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  officialId?: number;

  @ApiPropertyOptional()
  @PositiveInt({ optional: true })
  unitId?: number;

  @ApiProperty()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  reason: string;
}

export class AssignDto extends VersionDto {
  @ApiProperty()
  @PositiveInt()
  officialId: number;

  @ApiPropertyOptional()
  @Optional()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  note?: string;
}

export class ExtensionDto extends VersionDto {
  @ApiProperty()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  reason: string;

  @ApiProperty({ minimum: 1, maximum: TICKET_LIMITS.extensionDaysMax })
  @PositiveInt()
  @Max(TICKET_LIMITS.extensionDaysMax)
  days: number;
}

export class ExtensionDecisionDto extends VersionDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional()
  @Optional()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  note?: string;
}

export class RateDto extends VersionDto {
  @ApiProperty()
  @IsBoolean()
  satisfied: boolean;

  @ApiPropertyOptional()
  @Optional()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  reason?: string;
}

export class WithdrawDto extends VersionDto {
  @ApiPropertyOptional()
  @Optional()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  reason?: string;
}

export class ModerateDto extends VersionDto {
  @ApiProperty({ enum: ['approve', 'hide'] })
  @IsIn(['approve', 'hide'])
  decision: 'approve' | 'hide';

  @ApiPropertyOptional()
  @Optional()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  note?: string;
}

export class ReportDto {
  @ApiProperty({ enum: ['comment', 'reply'] })
  @IsIn(['comment', 'reply'])
  target: TicketReportTarget;

  @ApiProperty({ enum: TICKET_REPORT_REASONS })
  @IsIn([...TICKET_REPORT_REASONS])
  reason: TicketReportReason;

  @ApiPropertyOptional()
  @Optional()
  @VisibleText({ max: TICKET_LIMITS.reasonMax })
  note?: string;
}

export class SensitiveWordsDto {
  @ApiProperty()
  @PositiveInt()
  unitId: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  words: string[];
}
