import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  AdminMatterView,
  AdminOfficialView,
  MembershipView,
  PostDeputyView,
  SavedDutyView,
} from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import { AdminDirectoryService } from './admin-directory.service';
import { toAdminMatterView, toAdminOfficialView, toMembershipView } from './admin-directory.views';
import { DeputyDto, DutyDto, HandoverDto, MatterDto, OfficialCreateDto } from './dto/admin-directory.dto';

@ApiTags('admin: directory')
@ApiBearerAuth()
@Controller('admin')
export class AdminDirectoryController {
  constructor(private readonly admin: AdminDirectoryService) {}

  @Post('matters')
  createMatter(@CurrentUser() user: AuthUser, @Body() body: MatterDto): Promise<AdminMatterView> {
    return this.admin.saveMatter(user, null, body).then(toAdminMatterView);
  }

  @Put('matters/:id')
  updateMatter(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: MatterDto,
  ): Promise<AdminMatterView> {
    return this.admin.saveMatter(user, params.id, body).then(toAdminMatterView);
  }

  @Post('officials')
  createOfficial(@CurrentUser() user: AuthUser, @Body() body: OfficialCreateDto): Promise<AdminOfficialView> {
    return this.admin.createOfficial(user, body).then(toAdminOfficialView);
  }

  @Post('posts/:id/handover')
  handover(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: HandoverDto,
  ): Promise<MembershipView> {
    return this.admin.handover(user, params.id, body).then(toMembershipView);
  }

  @Put('posts/:id/deputy')
  setDeputy(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: DeputyDto,
  ): Promise<PostDeputyView> {
    return this.admin.setDeputy(user, params.id, body);
  }

  @Put('duties')
  saveDuty(@CurrentUser() user: AuthUser, @Body() body: DutyDto): Promise<SavedDutyView> {
    return this.admin.saveDuty(user, body);
  }
}
