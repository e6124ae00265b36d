import { ApiProperty } from '@nestjs/swagger';
import { Max, ValidateIf } from 'class-validator';
import { PositiveInt } from '../../../common/validation/positive-int';

export class MatterPinDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 8,
    description: "The matter's place at the top of its county's popular matters (1 first); null: unpinned",
  })
  @ValidateIf((_o, value) => value !== null)
  @PositiveInt()
  @Max(8)
  rank: number | null;
}
