import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageNumber, PositiveInt } from '../../../common/validation/positive-int';

export class LotteriesQueryDto {
  @ApiPropertyOptional({ description: 'a county; all counties when omitted' })
  @PositiveInt({ optional: true, fromText: true })
  unitId?: number;

  @ApiPropertyOptional()
  @PageNumber()
  page?: number;
}
