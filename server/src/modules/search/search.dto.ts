import { SEARCH_QUERY_MAX_LENGTH } from '@jinri/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PositiveInt } from '../../common/validation/positive-int';

export class SearchQueryDto {
  @ApiProperty({ example: 'dibao', maxLength: 50 })
  @IsString()
  @MaxLength(SEARCH_QUERY_MAX_LENGTH)
  q: string;

  @ApiPropertyOptional({ description: "The resident's village or town" })
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;
}

export class MatterQueryDto {
  @ApiPropertyOptional({ description: "The resident's village or town" })
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;
}

export class PopularHandlersQueryDto {
  @ApiProperty({ description: "The resident's village or town" })
  @PositiveInt({ fromText: true })
  unitId: number;
}
