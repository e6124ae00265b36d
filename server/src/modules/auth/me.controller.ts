import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BindPhoneResponse, MeResponse } from '@jinri/shared';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { BindPhoneDto, RedeemInviteDto } from './dto/auth.dto';
import { InviteService } from './invite.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly auth: AuthService,
    private readonly invites: InviteService,
  ) {}

  @Get()
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }

  @Post('invites/redeem')
  @HttpCode(200)
  redeem(@CurrentUser() user: AuthUser, @Body() body: RedeemInviteDto): Promise<MeResponse> {
    return this.invites.redeem(user, body.code);
  }

  @Post('phone')
  @HttpCode(200)
  phone(@CurrentUser() user: AuthUser, @Body() body: BindPhoneDto): Promise<BindPhoneResponse> {
    return this.auth.bindPhone(user, body.code);
  }
}
