import { Inject, Injectable } from '@nestjs/common';
import type { UnitBoard } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { PdfService } from '../../common/pdf';
import { AttemptLimiter } from '../../common/rate/attempt-limiter';
import { addDays, atLocal, localDate, weekStart } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { CalendarService } from '../calendar/calendar.service';
import { AttemptLimits } from '../limits/attempt-limits.service';
import { CurrentFlags } from '../rankings/current-flags';
import { type BoardEntry, type BoardMember, boardDays, boardOfficials } from './board-content';
import { boardFilename, boardTitle, renderBoard } from './board-pdf';
import { unitPageUrl, unitWeappPath } from './board-qr';
import { isoWeekOf, mondayOf } from './board-week';
import { BoardsRepository, type PublishedEntryRow } from './boards.repository';

const TEN_MINUTES = 10 * 60_000;
/** PDFs one address may ask for in 10 minutes (a town office prints its villages' boards at once). */
export const BOARD_PDFS_PER_IP = 60;
/** A made PDF is served again for this long (plans published later show on the next one). */
export const BOARD_CACHE_MS = 5 * 60_000;
const CACHE_MAX = 200;
/** Counted in the database, so the limit holds across instances (AttemptLimits). */
const PDFS_PER_IP = new AttemptLimiter('board.pdf.ip', BOARD_PDFS_PER_IP, TEN_MINUTES);

export interface BoardFile {
  filename: string;
  asciiName: string;
  file: Buffer;
}

/** 实绩公示栏: one unit's week as public data and as a printable PDF. Public: no caller, no scope. */
@Injectable()
export class BoardsService {
  private readonly cache = new Map<string, { madeAt: number; file: BoardFile }>();

  constructor(
    private readonly repository: BoardsRepository,
    private readonly calendars: CalendarService,
    private readonly pdf: PdfService,
    private readonly flags: CurrentFlags,
    private readonly limits: AttemptLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The board's data: GET /units/:id/board.json. */
  async board(unitId: number, week?: string): Promise<UnitBoard> {
    const now = this.clock.now();
    const { isoWeek, monday } = resolveWeek(week, localDate(now));
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const sunday = addDays(monday, 6);
    const nextMonday = addDays(monday, 7);

    const memberRows = await this.repository.findMembersBetween(unit.id, monday, sunday);
    const members = membersOf(memberRows);
    const ids = members.map((m) => m.officialId);
    const [entries, nextEntries, leaves, weeklyNextPlans, resolved, calendar, flag] = await Promise.all([
      this.repository.findPublishedEntries(ids, monday, sunday),
      this.repository.findPublishedEntries(ids, nextMonday, addDays(nextMonday, 6)),
      this.repository.findApprovedLeaves(ids, monday, sunday),
      this.repository.findNextWeekPlans(ids, monday),
      this.repository.countResolved(unit.id, ids, atLocal(monday, '00:00'), atLocal(nextMonday, '00:00')),
      this.calendars.calendar(),
      this.flags.of([unit.id]),
    ]);
    const plans = byOfficialAndDate(entries);
    const days = boardDays(
      monday,
      (date) => calendar.day(date).isWorkday,
      new Set(entries.map((e) => e.date)),
    );
    const leavesBy = new Map<number, Array<{ startDate: string; endDate: string }>>();
    for (const l of leaves) leavesBy.set(l.officialId, [...(leavesBy.get(l.officialId) ?? []), l]);
    const officials = boardOfficials(members, {
      days,
      now,
      plans,
      leaves: leavesBy,
      weeklyNextPlans,
      nextWeekPlans: byOfficialAndDate(nextEntries),
      resolvedByOfficial: resolved.byOfficial,
    });
    const currentMonday = weekStart(localDate(now));
    return {
      unit: { id: unit.id, name: unit.name },
      week: isoWeek,
      from: monday,
      to: sunday,
      days,
      officials,
      resolvedTickets: resolved.unit,
      flag: flag.get(unit.id) ?? null,
      qr: {
        h5Url: unitPageUrl(this.config.publicLinks.h5Url, unit.id),
        weappPath: unitWeappPath(this.config.publicLinks.weapp, unit.id),
      },
      previousWeek: isoWeekOf(addDays(monday, -7)),
      nextWeek: monday < currentMonday ? isoWeekOf(nextMonday) : null,
      generatedAt: now.toISOString(),
    };
  }

  /**
   * The board as a PDF: GET /units/:id/board. At most BOARD_PDFS_PER_IP per address in 10 minutes
   * (429 with Retry-After); a PDF made in the last BOARD_CACHE_MS is served again.
   */
  async boardPdf(unitId: number, week: string | undefined, ip: string | undefined): Promise<BoardFile> {
    const { waitSeconds: wait } = await this.limits.attempt([[PDFS_PER_IP, ip]]);
    if (wait > 0) throw AppException.rateLimited('COMMON.RATE_LIMITED', wait, '打印太频繁，请稍后再试');
    const now = this.clock.now().getTime();
    const { isoWeek } = resolveWeek(week, localDate(this.clock.now()));
    const key = `${unitId}|${isoWeek}`;
    const cached = this.cache.get(key);
    if (cached && now - cached.madeAt < BOARD_CACHE_MS) return cached.file;
    const board = await this.board(unitId, isoWeek);
    const document = this.pdf.create({
      title: boardTitle(board),
      author: board.unit.name,
      subject: '实绩公示栏',
    });
    renderBoard(document, board);
    const file: BoardFile = {
      filename: boardFilename(board),
      asciiName: `board-${board.unit.id}-${board.week}.pdf`,
      file: await document.toBuffer(),
    };
    this.remember(key, now, file);
    return file;
  }

  private remember(key: string, madeAt: number, file: BoardFile): void {
    this.cache.delete(key);
    this.cache.set(key, { madeAt, file });
    // Oldest first: a Map iterates in insertion order.
    while (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** The week asked for, or the last completed one; a malformed or future week is a 400. */
export function resolveWeek(week: string | undefined, today: string): { isoWeek: string; monday: string } {
  if (week === undefined || week === '') {
    const monday = addDays(weekStart(today), -7);
    return { isoWeek: isoWeekOf(monday), monday };
  }
  const monday = mondayOf(week.trim().toUpperCase());
  if (!monday) throw new AppException('BOARD.INVALID_WEEK');
  if (monday > today) throw new AppException('BOARD.FUTURE_WEEK');
  return { isoWeek: isoWeekOf(monday), monday };
}

/** One member per official (their primary post of the unit: the head-most), with every tenure. */
function membersOf(rows: Awaited<ReturnType<BoardsRepository['findMembersBetween']>>): BoardMember[] {
  const members = new Map<number, BoardMember>();
  // Rows come by rank, then official: the first row of an official is their primary post here.
  for (const row of rows) {
    const member = members.get(row.officialId) ?? {
      officialId: row.officialId,
      name: row.name,
      title: row.title,
      tenures: [],
    };
    member.tenures.push({ startDate: row.startDate, endDate: row.endDate });
    members.set(row.officialId, member);
  }
  return [...members.values()];
}

function byOfficialAndDate(rows: PublishedEntryRow[]): Map<number, Map<string, BoardEntry[]>> {
  const plans = new Map<number, Map<string, BoardEntry[]>>();
  for (const row of rows) {
    const days = plans.get(row.officialId) ?? new Map<string, BoardEntry[]>();
    days.set(row.date, [...(days.get(row.date) ?? []), row]);
    plans.set(row.officialId, days);
  }
  return plans;
}
