import { SEARCH_QUERY_MAX_LENGTH } from '@jinri/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/validation/optional';

export class SearchQueryDto {
  @ApiProperty({ example: 'dibao', maxLength: 50 })
  @IsString()
  @MaxLength(SEARCH_QUERY_MAX_LENGTH)
  q: string;

  @ApiPropertyOptional({ description: "The resident's village or town" })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}

export class MatterQueryDto {
  @ApiPropertyOptional({ description: "The resident's village or town" })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}
