import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Nullable, Optional } from '../../../common/validation/optional';
import { UPLOAD_URL } from '../../uploads/upload-url';
import { PositiveInt } from '../../../common/validation/positive-int';

export class UpdateOfficialDto {
  @ApiPropertyOptional({
    nullable: true,
    description: 'A photo uploaded here (the url POST /uploads returned: /uploads/…); null removes it',
  })
  @Nullable()
  @ValidateIf((_o, value) => value !== null)
  @MaxLength(255)
  @Matches(UPLOAD_URL, { message: 'must be a photo uploaded here (the url POST /uploads returned)' })
  photoUrl?: string | null;
}

export class UnitsQueryDto {
  @ApiPropertyOptional({ description: 'Omit for the root' })
  @PositiveInt({ optional: true, fromText: true })
  parentId?: number;
}

export class PageQueryDto {
  // Bounded: an integer such as 1e308 passes IsInt but is no SQL number (it used to give 500).
  @ApiPropertyOptional({ default: 0, maximum: 2_147_483_647 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  offset?: number;

  @ApiPropertyOptional({ default: 1000, maximum: 5000 })
  @PositiveInt({ optional: true, fromText: true })
  @Max(5000)
  limit?: number;
}
