import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MatterPinView } from '@jinri/shared';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { IdParamDto } from '../../auth/dto/auth.dto';
import { MatterPinDto } from './popular-matters.dto';
import { PopularMattersService } from './popular-matters.service';

@ApiTags('admin: directory')
@ApiBearerAuth()
@Controller('admin')
export class PopularMattersController {
  constructor(private readonly popular: PopularMattersService) {}

  @Put('matters/:id/pin')
  pin(
    @CurrentUser() user: AuthUser,
    @Param() params: IdParamDto,
    @Body() body: MatterPinDto,
  ): Promise<MatterPinView> {
    return this.popular.pin(user, params.id, body.rank);
  }
}
