import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { OPEN311_LIMITS, type Open311KeyCreateRequest } from '@jinri/shared';
import { Optional } from '../../../common/validation/optional';
import { PositiveInt } from '../../../common/validation/positive-int';
import { VisibleText } from '../../../common/validation/visible-text';

export class Open311KeyCreateDto implements Open311KeyCreateRequest {
  @ApiProperty({ example: '12345 热线平台' })
  @VisibleText({ min: 1, max: OPEN311_LIMITS.keyNameMax })
  name: string;

  @ApiProperty({ example: 1, description: 'The county (jurisdiction) the key files requests in' })
  @PositiveInt()
  jurisdictionUnitId: number;

  @ApiPropertyOptional({ example: 600, description: 'Requests per rolling hour' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(OPEN311_LIMITS.ratePerHourMax)
  ratePerHour?: number;
}

export class Open311KeyIdParam {
  @PositiveInt({ fromText: true })
  keyId: number;
}
