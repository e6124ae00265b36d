import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Open311KeyCreated, Open311KeyView } from '@jinri/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Open311KeyCreateDto, Open311KeyIdParam } from './dto/open311-keys.dto';
import { Open311KeysService } from './open311-keys.service';

/** Admins: integrators' Open311 API keys for the counties in their scope. */
@ApiTags('open311')
@ApiBearerAuth()
@Controller('admin/open311/keys')
export class Open311KeysController {
  constructor(private readonly keys: Open311KeysService) {}

  @Get()
  list(@CurrentUser() admin: AuthUser): Promise<Open311KeyView[]> {
    return this.keys.list(admin);
  }

  @Post()
  create(@CurrentUser() admin: AuthUser, @Body() body: Open311KeyCreateDto): Promise<Open311KeyCreated> {
    return this.keys.create(admin, body);
  }

  @Post(':keyId/revoke')
  revoke(@CurrentUser() admin: AuthUser, @Param() params: Open311KeyIdParam): Promise<Open311KeyView> {
    return this.keys.revoke(admin, params.keyId);
  }
}
