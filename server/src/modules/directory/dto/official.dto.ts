import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

export class UpdateOfficialDto {
  @ApiPropertyOptional({
    nullable: true,
    description: 'An uploaded photo (/uploads/…) or an https URL; null removes it',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @MaxLength(255)
  @Matches(/^(\/uploads\/[\w./-]+|https:\/\/\S+)$/, { message: 'must be /uploads/… or an https URL' })
  photoUrl?: string | null;
}

export class UnitsQueryDto {
  @ApiPropertyOptional({ description: 'Omit for the root' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  parentId?: number;
}
