import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TICKET_STATE_LABELS } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import type { AuthUser } from '../auth/auth-user';
import type { Matter } from '../directory/matter.entity';
import { isOpen } from './ticket-state';
import type { Ticket } from './ticket.entity';
import { TicketsRepository } from './tickets.repository';
import { publicAnswer } from './ticket-reports';
import { TicketSubmissionService } from './ticket-submission.service';

/** GeoReport v2 service (a matter). */
export interface GeoService {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

/** GeoReport v2 service request: never personal data. */
export interface GeoRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Filters {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: 'open' | 'closed';
}

const MAX_REQUESTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;

/** Open311 GeoReport v2 over tickets: matters are services, public tickets are requests. */
@Injectable()
export class Open311Service {
  constructor(
    private readonly repository: TicketsRepository,
    private readonly submissions: TicketSubmissionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async services(): Promise<GeoService[]> {
    const matters = await this.repository.findMatters();
    return matters.map((m) => toService(m));
  }

  async service(code: string): Promise<GeoService> {
    const matter = await this.repository.findMatterByCode(code);
    if (!matter) throw new AppException('MATTER.NOT_FOUND');
    return toService(matter);
  }

  /** services/{code}.json: no extra attributes are asked for. */
  async definition(code: string): Promise<{ service_code: string; attributes: [] }> {
    const service = await this.service(code);
    return { service_code: service.service_code, attributes: [] };
  }

  async create(
    user: AuthUser,
    body: { service_code: string; description: string },
    idempotencyKey: string | undefined,
    ipHash: string | null,
  ): Promise<Array<{ service_request_id: string; service_notice: string; account_id: null }>> {
    const matter = await this.repository.findMatterByCode(body.service_code);
    if (!matter) throw new AppException('MATTER.NOT_FOUND');
    const { created } = await this.submissions.create(
      user,
      { matterId: matter.id, content: body.description, publicAllowed: true },
      // GeoReport has no idempotency header; clients that send one get retries made safe.
      idempotencyKey ?? randomUUID(),
      ipHash,
    );
    return [
      {
        service_request_id: String(created.id),
        service_notice: `查询码 ${created.queryCode}，办理期限 ${created.dueAt.slice(0, 10)}`,
        account_id: null,
      },
    ];
  }

  async requests(filters: Open311Filters): Promise<GeoRequest[]> {
    let createdBetween: [Date, Date] | undefined;
    const ids = filters.service_request_id?.split(',').map(Number).filter(Number.isInteger);
    if (!ids) {
      const end = filters.end_date ? new Date(filters.end_date) : this.clock.now();
      const start = filters.start_date
        ? new Date(filters.start_date)
        : new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 24 * 3_600_000);
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
        throw new AppException('COMMON.VALIDATION_FAILED', 'start_date/end_date must be w3 datetimes');
      createdBetween = [start, end];
    }
    const tickets = await this.repository.findPublicRequests(
      { ids, createdBetween, matterCode: filters.service_code, status: filters.status },
      MAX_REQUESTS,
    );
    return tickets.map(toRequest);
  }

  async request(id: string): Promise<GeoRequest> {
    const [found] = await this.requests({ service_request_id: id });
    if (!found) throw new AppException('TICKET.NOT_FOUND');
    return found;
  }
}

function toService(matter: Matter): GeoService {
  return {
    service_code: matter.code,
    service_name: matter.name,
    description: `${matter.whereToGo}（${matter.officeHours}）`,
    metadata: false,
    type: 'realtime',
    keywords: [...matter.keywords, ...matter.synonyms].join(','),
    group: matter.category,
  };
}

function toRequest(ticket: Ticket): GeoRequest {
  const answer = publicAnswer(ticket);
  return {
    service_request_id: String(ticket.id),
    // A resolved ticket waits for the resident's rating: still open in GeoReport terms.
    status: ticket.status === 'closed' ? 'closed' : 'open',
    // The answer only while it is not held after 举报 (the comment itself is then not listed at all).
    status_notes: answer.resolution ?? answer.reply ?? TICKET_STATE_LABELS[ticket.status],
    service_name: ticket.matter?.name ?? null,
    service_code: ticket.matter?.code ?? null,
    description: ticket.content,
    agency_responsible: ticket.assigneeUnit?.name ?? null,
    service_notice: null,
    requested_datetime: ticket.createdAt.toISOString(),
    updated_datetime: ticket.updatedAt.toISOString(),
    expected_datetime: isOpen(ticket.status) ? ticket.dueAt.toISOString() : null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
