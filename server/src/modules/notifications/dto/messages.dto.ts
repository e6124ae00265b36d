import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, Max, Min } from 'class-validator';
import { MESSAGE_LIMITS, type MarkMessagesReadRequest } from '@jinri/shared';
import { Optional } from '../../../common/validation/optional';

export class MessagesQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
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
