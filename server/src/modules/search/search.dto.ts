import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class SearchQueryDto {
  @ApiProperty({ example: 'dibao', maxLength: 50 })
  @IsString()
  @MaxLength(50)
  q: string;

  @ApiPropertyOptional({ description: "The resident's village or town" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}

export class MatterQueryDto {
  @ApiPropertyOptional({ description: "The resident's village or town" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;
}
