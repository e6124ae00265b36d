import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class PopoloJurisdictionParamDto {
  @ApiProperty({
    description: "The county's code: the jurisdiction_id of Open311 (GET /open311/v2/discovery.json)",
    example: 'county',
  })
  @Matches(/^[\w.-]{1,64}$/, { message: 'must be a jurisdiction code (letters, digits, _ . -; at most 64)' })
  jurisdiction: string;
}
