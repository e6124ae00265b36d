import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from './dto/official.dto';
import { PopoloJurisdictionParamDto } from './dto/popolo.dto';
import {
  type PopoloDocument,
  type PopoloMembership,
  type PopoloOrganization,
  type PopoloPage,
  type PopoloPerson,
  type PopoloPost,
  PopoloService,
} from './popolo.service';

@ApiTags('open data (Popolo)')
@Controller('popolo')
export class PopoloController {
  constructor(private readonly popolo: PopoloService) {}

  /**
   * The whole directory of a jurisdiction as one Popolo document (persons, organizations, posts and
   * memberships together; membership dates from handovers): what a standard Popolo loader reads.
   */
  @Get('jurisdictions/:jurisdiction')
  document(@Param() params: PopoloJurisdictionParamDto): Promise<PopoloDocument> {
    return this.popolo.document(params.jurisdiction);
  }

  @Get('persons')
  persons(@Query() q: PageQueryDto): Promise<PopoloPage<PopoloPerson>> {
    return this.popolo.persons(q.offset ?? 0, q.limit ?? 1000);
  }

  @Get('organizations')
  organizations(@Query() q: PageQueryDto): Promise<PopoloPage<PopoloOrganization>> {
    return this.popolo.organizations(q.offset ?? 0, q.limit ?? 1000);
  }

  @Get('posts')
  posts(@Query() q: PageQueryDto): Promise<PopoloPage<PopoloPost>> {
    return this.popolo.posts(q.offset ?? 0, q.limit ?? 1000);
  }

  @Get('memberships')
  memberships(@Query() q: PageQueryDto): Promise<PopoloPage<PopoloMembership>> {
    return this.popolo.memberships(q.offset ?? 0, q.limit ?? 1000);
  }
}
