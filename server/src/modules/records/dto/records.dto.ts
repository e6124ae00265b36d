import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Optional } from '../../../common/validation/optional';
import { PageNumber, PositiveInt } from '../../../common/validation/positive-int';
import { DATE, DATE_MESSAGE } from '../../supervision/dto/findings.dto';

export class OfficialIdParamDto {
  @PositiveInt({ fromText: true })
  officialId: number;
}

/** The period of a record: both ends optional (default: the last three months up to today). */
export class RecordQueryDto {
  @ApiPropertyOptional({ example: '2026-09-01' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @Optional()
  @Matches(DATE, DATE_MESSAGE)
  to?: string;
}

export class RecordViewsQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @PageNumber()
  page?: number;
}
