import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export class MatterPinDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 8,
    description: "The matter's place at the top of its county's popular matters (1 first); null: unpinned",
  })
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(8)
  rank: number | null;
}
