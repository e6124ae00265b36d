import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreatedInvite, InviteView, RoleGrantView } from '@jinri/shared';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { CreateInviteDto, IdParamDto } from './dto/auth.dto';
import { InviteService } from './invite.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(private readonly invites: InviteService) {}

  @Get('invites')
  list(@CurrentUser() user: AuthUser): Promise<InviteView[]> {
    return this.invites.list(user);
  }

  @Post('invites')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateInviteDto): Promise<CreatedInvite> {
    return this.invites.create(user, body);
  }

  @Delete('invites/:id')
  revoke(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<InviteView> {
    return this.invites.revoke(user, params.id);
  }

  @Get('grants')
  grants(@CurrentUser() user: AuthUser): Promise<RoleGrantView[]> {
    return this.invites.listGrants(user);
  }

  @Delete('grants/:id')
  @HttpCode(204)
  revokeGrant(@CurrentUser() user: AuthUser, @Param() params: IdParamDto): Promise<void> {
    return this.invites.revokeGrant(user, params.id);
  }
}
