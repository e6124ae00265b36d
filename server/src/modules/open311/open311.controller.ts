import { Body, Controller, Get, Param, Post, Query, Req, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type {
  GeoReportCreated,
  GeoReportDiscovery,
  GeoReportRequest,
  GeoReportService,
  GeoReportServiceDefinition,
} from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { ClientAddressHash } from '../../common/http/client-address';
import { OptionalIdempotencyKey } from '../../common/http/idempotency-key';
import type { AuthUser } from '../auth/auth-user';
import { OptionalUser } from '../auth/current-user.decorator';
import { parseOpen311Create } from './dto/open311-create';
import { parseOpen311Query } from './dto/open311-query';
import { type Open311Format, OPEN311_FORMATS, XML } from './open311-format';
import { Open311FormatInterceptor, Open311Xml } from './open311-format.interceptor';
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
@UseInterceptors(Open311FormatInterceptor)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  /** Service discovery: where the endpoint is, its formats, how to get an API key. */
  @Get('discovery.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @Open311Xml(XML.discovery)
  discovery(@Param() params: RawQuery, @Req() req: Request): GeoReportDiscovery {
    formatOf(params);
    return this.open311.discovery(`${req.protocol}://${req.get('host')}`);
  }

  /** Every service: matters, and comments on a plan entry or an official. */
  @Get('services.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @Open311Xml(XML.services)
  services(@Param() params: RawQuery, @Query() query: RawQuery): Promise<GeoReportService[]> {
    formatOf(params);
    return this.open311.services(jurisdictionOf(query));
  }

  /** A service's definition: the attributes a request may (or must) carry. */
  @Get('services/:code.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @Open311Xml(XML.definition)
  definition(
    @Param() params: { code: string; format: string },
    @Query() query: RawQuery,
  ): Promise<GeoReportServiceDefinition> {
    formatOf(params);
    return this.open311.definition(params.code, jurisdictionOf(query));
  }

  /**
   * A new service request, form-encoded as the spec says (JSON accepted), with an integrator's
   * api_key or a resident's login token. Held for moderation like any comment: listed once approved.
   */
  @Post('requests.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @Open311Xml(XML.requests)
  create(
    @Param() params: RawQuery,
    @Body() body: RawQuery,
    @OptionalUser() user: AuthUser | undefined,
    @OptionalIdempotencyKey() key: string | undefined,
    @ClientAddressHash() ipHash: string | null,
  ): Promise<GeoReportCreated[]> {
    formatOf(params);
    return this.open311.create(parseOpen311Create(body), user, key, ipHash);
  }

  /** Public service requests: by ids, or by service codes, statuses and the 90-day window. */
  @Get('requests.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @Open311Xml(XML.requests)
  requests(@Param() params: RawQuery, @Query() query: RawQuery): Promise<GeoReportRequest[]> {
    formatOf(params);
    return this.open311.requests(parseOpen311Query(query));
  }

  /** One public service request, as a list of one (the spec's shape). */
  @Get('requests/:id.:format')
  @ApiParam({ name: 'format', enum: OPEN311_FORMATS })
  @Open311Xml(XML.requests)
  async request(
    @Param() params: { id: string; format: string },
    @Query() query: RawQuery,
  ): Promise<GeoReportRequest[]> {
    formatOf(params);
    return [await this.open311.request(params.id, jurisdictionOf(query))];
  }
}
