import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  HttpException,
  Param,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/validation/optional';
import { VisibleText } from '../../common/validation/visible-text';
import { TICKET_LIMITS } from '@jinri/shared';
import { AppException, withRetryAfter } from '../../common/errors/app.exception';
import { ClientAddressHash } from '../../common/http/client-address';
import { OptionalIdempotencyKey } from '../../common/http/idempotency-key';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { type GeoRequest, type GeoService, Open311Service } from './open311.service';

export class Open311CreateDto {
  @IsString()
  @MaxLength(64)
  service_code: string;

  @VisibleText({ min: TICKET_LIMITS.contentMin, max: TICKET_LIMITS.contentMax })
  description: string;
}

export class Open311QueryDto {
  @Optional()
  @Matches(/^\d+(,\d+)*$/)
  service_request_id?: string;

  @Optional()
  @IsString()
  @MaxLength(64)
  service_code?: string;

  @Optional()
  @IsString()
  @MaxLength(40)
  start_date?: string;

  @Optional()
  @IsString()
  @MaxLength(40)
  end_date?: string;

  @Optional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class Open311CodeParam {
  @Matches(/^[\w-]{1,64}$/)
  code: string;
}

export class Open311IdParam {
  @Matches(/^\d{1,10}$/)
  id: string;
}

/** GeoReport v2 errors are an array of { code, description }. */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const status =
      exception instanceof AppException || exception instanceof HttpException ? exception.getStatus() : 500;
    const description =
      exception instanceof AppException
        ? exception.message
        : exception instanceof HttpException
          ? exception.message
          : 'Internal error';
    const headers = withRetryAfter(status, exception instanceof AppException ? exception.headers : undefined);
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.status(status).json([{ code: status, description }]);
  }
}

/** Open311 GeoReport v2 (JSON only) at /open311/v2/: matters as services, public tickets as requests. */
@ApiTags('open311')
@Controller('open311/v2')
@UseFilters(Open311ExceptionFilter)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('services.json')
  services(): Promise<GeoService[]> {
    return this.open311.services();
  }

  @Get('services/:code.json')
  definition(@Param() params: Open311CodeParam): Promise<{ service_code: string; attributes: [] }> {
    return this.open311.definition(params.code);
  }

  @Post('requests.json')
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: Open311CreateDto,
    @OptionalIdempotencyKey() key: string | undefined,
    @ClientAddressHash() ipHash: string | null,
  ) {
    return this.open311.create(user, body, key, ipHash);
  }

  @Get('requests.json')
  requests(@Query() query: Open311QueryDto): Promise<GeoRequest[]> {
    return this.open311.requests(query);
  }

  @Get('requests/:id.json')
  async request(@Param() params: Open311IdParam): Promise<GeoRequest[]> {
    return [await this.open311.request(params.id)];
  }
}
