import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type BindPhoneResponse, DEVICE_ID_HEADER, DEVICE_ID_PATTERN, type MeResponse } from '@jinri/shared';
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
  redeem(
    @CurrentUser() user: AuthUser,
    @Body() body: RedeemInviteDto,
    @Req() request: Request,
  ): Promise<MeResponse> {
    const device = request.header(DEVICE_ID_HEADER);
    return this.invites.redeem(user, body.code, {
      ip: request.ip,
      // A malformed id counts as none: the user and the address are still counted.
      deviceId: device && DEVICE_ID_PATTERN.test(device) ? device : undefined,
    });
  }

  @Post('phone')
  @HttpCode(200)
  phone(@CurrentUser() user: AuthUser, @Body() body: BindPhoneDto): Promise<BindPhoneResponse> {
    return this.auth.bindPhone(user, body.code);
  }
}
