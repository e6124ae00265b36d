import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, Max, Min } from 'class-validator';
import { MESSAGE_LIMITS, type MarkMessagesReadRequest } from '@jinri/shared';
import { Optional } from '../../../common/validation/optional';
import { PageNumber } from '../../../common/validation/positive-int';

export class MessagesQueryDto {
  @ApiPropertyOptional()
  @PageNumber()
  page: number = 1;
}

export class MarkMessagesReadDto implements MarkMessagesReadRequest {
  @ApiPropertyOptional({ type: [Number] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MESSAGE_LIMITS.idsMax)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2_147_483_647, { each: true })
  ids?: number[];

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  all?: boolean;
}
