import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdParamDto } from '../auth/dto/auth.dto';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OptionalUser } from '../auth/current-user.decorator';
import { DirectoryService, type OfficialProfile, type UnitMemberView } from './directory.service';
import { UpdateOfficialDto } from './dto/official.dto';

@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

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
