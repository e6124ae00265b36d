import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type GeoReportAttribute,
  type GeoReportCreated,
  type GeoReportDiscovery,
  type GeoReportRequest,
  type GeoReportService,
  type GeoReportServiceDefinition,
  OPEN311_LIMITS,
  TICKET_STATE_LABELS,
  type TicketCreateRequest,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import { AppException } from '../../common/errors/app.exception';
import type { AuthUser } from '../auth/auth-user';
import type { Matter } from '../directory/matter.entity';
import type { Unit } from '../directory/unit.entity';
import { publicAnswer } from '../tickets/ticket-reports';
import { isOpen } from '../tickets/ticket-state';
import { TicketSubmissionService } from '../tickets/ticket-submission.service';
import type { Ticket } from '../tickets/ticket.entity';
import { fieldError, type Open311Create } from './dto/open311-create';
import type { Open311Query } from './dto/open311-query';
import type { Open311ApiKey } from './open311-api-key.entity';
import type { Open311Request } from './open311-request.entity';
import { Open311Repository, type TargetKind } from './open311.repository';

/** Comments that are not about a matter still have a service: the plan entry's, the official's. */
const TARGET_SERVICES: Record<
  Exclude<TargetKind, 'matter'>,
  { code: string; name: string; attribute: GeoReportAttribute }
> = {
  entry: {
    code: 'entry-comment',
    name: '对干部日程留言',
    attribute: {
      variable: true,
      code: 'plan_entry_id',
      datatype: 'number',
      required: true,
      datatype_description: '今日工作中一条已公开日程的编号',
      order: 1,
      description: '留言针对的日程（今日工作页面上每条日程的编号）',
    },
  },
  official: {
    code: 'official-comment',
    name: '对干部留言',
    attribute: {
      variable: true,
      code: 'official_id',
      datatype: 'number',
      required: true,
      datatype_description: '干部编号（Popolo persons 的 id）',
      order: 1,
      description: '留言针对的干部',
    },
  },
};
const KIND_OF_CODE = new Map(
  Object.entries(TARGET_SERVICES).map(([kind, s]) => [s.code, kind as TargetKind]),
);

const MAX_REQUESTS = 1000;
const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
const KEY_FORMAT = /^o311_([0-9a-f]{12})[0-9a-f]{28}$/;
const CHINA_MOBILE = /^1[3-9]\d{9}$/;

/** Open311 GeoReport v2 over tickets: matters (and comments on entries, officials) are services. */
@Injectable()
export class Open311Service {
  constructor(
    private readonly repository: Open311Repository,
    private readonly submissions: TicketSubmissionService,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async services(jurisdictionId: string | null): Promise<GeoReportService[]> {
    const paths = await this.jurisdictionPaths(jurisdictionId, false);
    const matters = await this.repository.findMatters(paths);
    return [
      ...matters.map(toService),
      ...Object.values(TARGET_SERVICES).map((s) => ({
        service_code: s.code,
        service_name: s.name,
        description: `${s.name}：${s.attribute.description}`,
        metadata: true,
        type: 'realtime' as const,
        keywords: `${s.name},留言,干部`,
        group: '干部留言',
      })),
    ];
  }

  async definition(code: string, jurisdictionId: string | null): Promise<GeoReportServiceDefinition> {
    await this.jurisdictionPaths(jurisdictionId, false);
    const kind = KIND_OF_CODE.get(code);
    if (kind && kind !== 'matter')
      return { service_code: code, attributes: [TARGET_SERVICES[kind].attribute] };
    const matter = await this.repository.findMatterByCode(code);
    if (!matter) throw new AppException('MATTER.NOT_FOUND');
    const county = (await this.repository.findJurisdictions()).find((j) =>
      matter.department.path.startsWith(j.path),
    );
    const places = county ? await this.repository.findPlaces([county.path]) : [];
    return {
      service_code: code,
      attributes: [
        {
          variable: true,
          code: 'place',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: '所在乡镇或村（社区）',
          order: 1,
          description: '反映人所在的乡镇或村：由当地负责该事项的干部办理',
          values: places.map((p) => ({ key: p.code, name: p.name })),
        },
      ],
    };
  }

  /** POST requests: with an integrator's api_key, or a resident's login token. */
  async create(
    body: Open311Create,
    user: AuthUser | undefined,
    idempotencyKey: string | undefined,
    ipHash: string | null,
  ): Promise<GeoReportCreated[]> {
    const now = this.clock.now();
    const key = body.apiKey !== null ? await this.verifyKey(body.apiKey) : null;
    if (!key && !user) throw new AppException('OPEN311.API_KEY_INVALID', 'api_key is required');
    let jurisdictionPath: string | null = null;
    if (key) {
      if (body.jurisdictionId !== null && body.jurisdictionId !== key.jurisdictionUnit.code)
        throw new AppException(
          'OPEN311.JURISDICTION_INVALID',
          "jurisdiction_id: not the api_key's jurisdiction",
        );
      jurisdictionPath = key.jurisdictionUnit.path;
      const used = await this.repository.countKeyRequestsSince(key.id, new Date(now.getTime() - HOUR));
      if (used >= key.ratePerHour) throw AppException.rateLimited('OPEN311.RATE_LIMITED', 60);
    } else {
      jurisdictionPath = (await this.jurisdictionPaths(body.jurisdictionId, true))?.[0] ?? null;
    }
    const target = await this.targetOf(body, jurisdictionPath);
    const author: AuthUser = key
      ? { userId: key.userId, demo: false, roles: ['resident'], grants: [] }
      : user!;
    const contact = Object.keys(body.contact).length
      ? this.cipher.encrypt(JSON.stringify(body.contact))
      : null;
    const phone = body.contact.phone?.replace(/[\s-]/g, '');
    const { created } = await this.submissions.create(
      author,
      {
        ...target,
        content: body.description,
        publicAllowed: true,
        ...(phone && CHINA_MOBILE.test(phone) ? { contactPhone: phone } : {}),
      },
      // GeoReport has no idempotency header; clients that send one get retries made safe.
      idempotencyKey ?? randomUUID(),
      // An integrator's server speaks for many residents: its key's own limit applies instead.
      key ? null : ipHash,
      {
        integrator: key !== null,
        attach: async (manager, ticketId, ticket) => {
          if (jurisdictionPath) {
            const path = await this.repository.findUnitPath(manager, ticket.assigneeUnitId!);
            if (!path?.startsWith(jurisdictionPath))
              throw new AppException(
                'OPEN311.API_KEY_INVALID',
                "service_code: outside the api_key's jurisdiction",
              );
          }
          await this.repository.insertRequestDetails(manager, {
            ticketId,
            apiKeyId: key?.id ?? null,
            addressString: body.addressString,
            addressId: body.addressId,
            lat: body.lat,
            long: body.long,
            mediaUrl: body.mediaUrl,
            attributes: body.attributes,
            contactEnc: contact,
            createdAt: now,
          });
        },
      },
    );
    if (key) await this.repository.touchKey(key.id, now);
    return [
      {
        service_request_id: String(created.id),
        service_notice: `查询码 ${created.queryCode}，办理期限 ${created.dueAt.slice(0, 10)}`,
        account_id: null,
      },
    ];
  }

  async requests(query: Open311Query): Promise<GeoReportRequest[]> {
    const paths = await this.jurisdictionPaths(query.jurisdictionId, false);
    const kinds = query.serviceCodes.map((c) => KIND_OF_CODE.get(c)).filter((k): k is TargetKind => !!k);
    const tickets = await this.repository.findPublicRequests(
      {
        ids: query.ids,
        jurisdictionPaths: paths,
        matterCodes: query.serviceCodes.filter((c) => !KIND_OF_CODE.has(c)),
        targetKinds: kinds,
        statuses: query.statuses,
        createdBetween: query.ids ? null : this.window(query.startDate, query.endDate),
      },
      MAX_REQUESTS,
    );
    const details = await this.repository.findRequestDetails(tickets.map((t) => t.id));
    return tickets.map((t) => toRequest(t, details.get(t.id)));
  }

  async request(id: string, jurisdictionId: string | null): Promise<GeoReportRequest> {
    if (!/^\d{1,10}$/.test(id)) throw new AppException('OPEN311.REQUEST_NOT_FOUND');
    const [found] = await this.requests({
      jurisdictionId,
      ids: [Number(id)],
      serviceCodes: [],
      statuses: [],
      startDate: null,
      endDate: null,
    });
    if (!found) throw new AppException('OPEN311.REQUEST_NOT_FOUND');
    return found;
  }

  /** The service discovery document. */
  discovery(baseUrl: string): GeoReportDiscovery {
    return {
      changeset: '2026-12-06T00:00:00Z',
      contact: '所在县督查室（今日工作）',
      key_service: '向县级管理员申请 API 密钥：管理员在 /api/v1/admin/open311/keys 创建，只显示一次',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${baseUrl}/open311/v2`,
          changeset: '2026-12-06T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  /**
   * The spec's window: at most 90 days between start_date and end_date; one of them alone spans 90
   * days from it (never past now); neither is the last 90 days.
   */
  private window(start: Date | null, end: Date | null): [Date, Date] {
    const span = OPEN311_LIMITS.windowDays * DAY;
    const now = this.clock.now();
    if (start && end) {
      if (end.getTime() < start.getTime()) throw fieldError('end_date', 'before start_date');
      if (end.getTime() - start.getTime() > span)
        throw fieldError('end_date', `at most ${OPEN311_LIMITS.windowDays} days after start_date`);
      return [start, end];
    }
    if (start) return [start, new Date(Math.min(start.getTime() + span, now.getTime()))];
    if (end) return [new Date(end.getTime() - span), end];
    return [new Date(now.getTime() - span), now];
  }

  /**
   * jurisdiction_id: a county's code. Null (every county) when absent, unless `required` and there
   * are several; an unknown one is a 400.
   */
  private async jurisdictionPaths(id: string | null, required: boolean): Promise<string[] | null> {
    if (id === null && !required) return null;
    const counties = await this.repository.findJurisdictions();
    if (id === null) {
      if (counties.length > 1)
        throw new AppException('OPEN311.JURISDICTION_INVALID', 'jurisdiction_id: required');
      return counties.map((c) => c.path);
    }
    const county = counties.find((c) => c.code === id);
    if (!county) throw new AppException('OPEN311.JURISDICTION_INVALID', `jurisdiction_id: unknown "${id}"`);
    return [county.path];
  }

  private async targetOf(
    body: Open311Create,
    jurisdictionPath: string | null,
  ): Promise<Pick<TicketCreateRequest, 'planEntryId' | 'officialId' | 'matterId' | 'unitId'>> {
    const kind = KIND_OF_CODE.get(body.serviceCode);
    if (kind === 'entry' || kind === 'official') {
      const attribute = TARGET_SERVICES[kind].attribute.code;
      const value = body.attributes[attribute];
      if (typeof value !== 'string' || !/^\d{1,10}$/.test(value))
        throw fieldError(`attribute[${attribute}]`, 'required: a number');
      return kind === 'entry' ? { planEntryId: Number(value) } : { officialId: Number(value) };
    }
    const matter = await this.repository.findMatterByCode(body.serviceCode);
    if (!matter) throw fieldError('service_code', `unknown service "${body.serviceCode}"`);
    if (jurisdictionPath && !matter.department.path.startsWith(jurisdictionPath))
      throw fieldError('service_code', 'not offered in this jurisdiction');
    const placeCode = body.attributes.place;
    if (placeCode === undefined) return { matterId: matter.id };
    const place = typeof placeCode === 'string' ? await this.repository.findPlaceByCode(placeCode) : null;
    if (!place || (jurisdictionPath && !place.path.startsWith(jurisdictionPath)))
      throw fieldError('attribute[place]', 'one of the values of the service definition');
    return { matterId: matter.id, unitId: place.id };
  }

  private async verifyKey(apiKey: string): Promise<Open311ApiKey & { jurisdictionUnit: Unit }> {
    const prefix = KEY_FORMAT.exec(apiKey)?.[1];
    const key = prefix ? await this.repository.findKeyByPrefix(prefix) : null;
    const given = createHash('sha256').update(apiKey, 'utf8').digest();
    const valid =
      key !== null && timingSafeEqual(given, Buffer.from(key.keyHash, 'hex')) && key.revokedAt === null;
    if (!valid) throw new AppException('OPEN311.API_KEY_INVALID');
    return key;
  }
}

function toService(matter: Matter): GeoReportService {
  return {
    service_code: matter.code,
    service_name: matter.name,
    description: `${matter.whereToGo}（${matter.officeHours}）`,
    // The resident's town or village routes a matter to its local handler (the "place" attribute).
    metadata: true,
    type: 'realtime',
    keywords: [...matter.keywords, ...matter.synonyms].join(','),
    group: matter.category,
  };
}

function toRequest(ticket: Ticket, details: Open311Request | undefined): GeoReportRequest {
  const answer = publicAnswer(ticket);
  const target = ticket.targetKind === 'matter' ? null : TARGET_SERVICES[ticket.targetKind];
  return {
    service_request_id: String(ticket.id),
    // A resolved ticket waits for the resident's rating: still open in GeoReport terms.
    status: ticket.status === 'closed' ? 'closed' : 'open',
    // The answer only while it is not held after 举报 (the comment itself is then not listed at all).
    status_notes: answer.resolution ?? answer.reply ?? TICKET_STATE_LABELS[ticket.status],
    service_name: ticket.matter?.name ?? target?.name ?? null,
    service_code: ticket.matter?.code ?? target?.code ?? 'entry-comment',
    description: ticket.content,
    agency_responsible: ticket.assigneeUnit?.name ?? null,
    service_notice: null,
    requested_datetime: ticket.createdAt.toISOString(),
    updated_datetime: ticket.updatedAt.toISOString(),
    expected_datetime: isOpen(ticket.status) ? ticket.dueAt.toISOString() : null,
    // Where we know it: what the POST said, else the plan entry's place, else the resident's village.
    address: details?.addressString ?? ticket.planEntry?.place ?? ticket.unit?.name ?? null,
    address_id: details?.addressId ?? null,
    zipcode: null,
    lat: details?.lat ? Number(details.lat) : null,
    long: details?.long ? Number(details.long) : null,
    media_url: details?.mediaUrl ?? null,
  };
}
