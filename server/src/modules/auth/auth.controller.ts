import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthTokens, DemoPersona } from '@jinri/shared';
import { AuthService } from './auth.service';
import { DemoLoginDto, RefreshDto, WechatLoginDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/wechat')
  @HttpCode(200)
  wechat(@Body() body: WechatLoginDto): Promise<AuthTokens> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('auth/demo')
  @HttpCode(200)
  demo(@Body() body: DemoLoginDto): Promise<AuthTokens> {
    return this.auth.loginDemo(body.role, body.officialId, body.deviceKey);
  }

  @Get('demo/personas')
  personas(): Promise<DemoPersona[]> {
    return this.auth.demoPersonas();
  }

  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }
}
