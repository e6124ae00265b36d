import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import type { UnitChildrenResponse } from '@jinri/shared';
import { ApiTags } from '@nestjs/swagger';
import { IdParamDto } from '../auth/dto/auth.dto';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { DirectoryService, type OfficialProfile, type UnitMemberView } from './directory.service';
import { UnitsQueryDto, UpdateOfficialDto } from './dto/official.dto';

@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('units')
  units(@Query() query: UnitsQueryDto): Promise<UnitChildrenResponse> {
    return this.directory.unitChildren(query.parentId);
  }

  @Get('officials/:id')
  official(@Param() params: IdParamDto, @OptionalUser() viewer?: AuthUser): Promise<OfficialProfile> {
    return this.directory.officialProfile(params.id, viewer);
  }

  @Patch('officials/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: UpdateOfficialDto,
  ): Promise<OfficialProfile> {
    return this.directory.updateOfficial(user, params.id, body);
  }

  @Get('units/:id/members')
  members(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<UnitMemberView[]> {
    return this.directory.unitMembers(user, params.id);
  }
}
