import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IdParamDto } from '../auth/dto/auth.dto';
import { AdminDirectoryService } from './admin-directory.service';
import { DutyDto, HandoverDto, MatterDto, OfficialCreateDto } from './dto/admin-directory.dto';
import type { Matter } from './matter.entity';
import type { Membership } from './membership.entity';
import type { Official } from './official.entity';

@ApiTags('admin: directory')
@ApiBearerAuth()
@Controller('admin')
export class AdminDirectoryController {
  constructor(private readonly admin: AdminDirectoryService) {}

  @Post('matters')
  createMatter(@CurrentUser() user: AuthUser, @Body() body: MatterDto): Promise<Matter> {
    return this.admin.saveMatter(user, null, body);
  }

  @Put('matters/:id')
  updateMatter(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: MatterDto,
  ): Promise<Matter> {
    return this.admin.saveMatter(user, params.id, body);
  }

  @Post('officials')
  createOfficial(@CurrentUser() user: AuthUser, @Body() body: OfficialCreateDto): Promise<Official> {
    return this.admin.createOfficial(user, body);
  }

  @Post('posts/:id/handover')
  handover(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: HandoverDto,
  ): Promise<Membership> {
    return this.admin.handover(user, params.id, body);
  }

  @Put('duties')
  saveDuty(
    @CurrentUser() user: AuthUser,
    @Body() body: DutyDto,
  ): Promise<{ id: number; coveredUnitIds: number[] }> {
    return this.admin.saveDuty(user, body);
  }
}
