import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppException } from '../../common/errors/app.exception';
import { ClientAddressHash } from '../../common/http/client-address';
import { OptionalIdempotencyKey } from '../../common/http/idempotency-key';
import type { AuthUser } from '../auth/auth-user';
import { OptionalUser } from '../auth/current-user.decorator';
import { parseOpen311Create } from './dto/open311-create';
import { parseOpen311Query } from './dto/open311-query';
import { type Open311Format, OPEN311_FORMATS, sendOpen311, XML } from './open311-format';
import { Open311ExceptionFilter } from './open311.filter';
import { Open311Service } from './open311.service';

/** `.json` or `.xml`; anything else is not a route of ours. */
function formatOf(params: { format?: string }): Open311Format {
  const format = params.format as Open311Format;
  if (!OPEN311_FORMATS.includes(format)) throw new AppException('COMMON.NOT_FOUND');
  return format;
}

/** The query string as Express parsed it (read by hand: empty and unknown parameters are allowed). */
type RawQuery = Record<string, unknown>;
const jurisdictionOf = (query: RawQuery) =>
  typeof query.jurisdiction_id === 'string' && query.jurisdiction_id.trim()
    ? query.jurisdiction_id.trim()
    : null;

/**
 * Open311 GeoReport v2 at /open311/v2/ (outside the API prefix), every endpoint in .json and .xml:
 * matters and comments on plan entries or officials as services, public tickets as requests.
 * Bodies and queries are parsed by Open311's own rules (dto/), not the global ValidationPipe.
 */
@ApiTags('open311')
@Controller('open311/v2')
@UseFilters(Open311ExceptionFilter)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  discovery(@Param() params: RawQuery, @Req() req: Request, @Res() res: Response): void {
    const format = formatOf(params);
    sendOpen311(
      res,
      format,
      200,
      this.open311.discovery(`${req.protocol}://${req.get('host')}`),
      XML.discovery,
    );
  }

  @Get('services.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  async services(@Param() params: RawQuery, @Query() query: RawQuery, @Res() res: Response): Promise<void> {
    const format = formatOf(params);
    sendOpen311(res, format, 200, await this.open311.services(jurisdictionOf(query)), XML.services);
  }

  @Get('services/:code.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  async definition(
    @Param() params: { code: string; format: string },
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    const format = formatOf(params);
    sendOpen311(
      res,
      format,
      200,
      await this.open311.definition(params.code, jurisdictionOf(query)),
      XML.definition,
    );
  }

  @Post('requests.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  async create(
    @Param() params: RawQuery,
    @Body() body: RawQuery,
    @OptionalUser() user: AuthUser | undefined,
    @OptionalIdempotencyKey() key: string | undefined,
    @ClientAddressHash() ipHash: string | null,
    @Res() res: Response,
  ): Promise<void> {
    const format = formatOf(params);
    sendOpen311(
      res,
      format,
      201,
      await this.open311.create(parseOpen311Create(body), user, key, ipHash),
      XML.requests,
    );
  }

  @Get('requests.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  async requests(@Param() params: RawQuery, @Query() query: RawQuery, @Res() res: Response): Promise<void> {
    const format = formatOf(params);
    sendOpen311(res, format, 200, await this.open311.requests(parseOpen311Query(query)), XML.requests);
  }

  @Get('requests/:id.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  async request(
    @Param() params: { id: string; format: string },
    @Query() query: RawQuery,
    @Res() res: Response,
  ): Promise<void> {
    const format = formatOf(params);
    sendOpen311(
      res,
      format,
      200,
      [await this.open311.request(params.id, jurisdictionOf(query))],
      XML.requests,
    );
  }
}
