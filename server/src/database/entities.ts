import { Invite } from '../modules/auth/invite.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { RoleGrant } from '../modules/auth/role-grant.entity';
import { User } from '../modules/auth/user.entity';
import { Duty } from '../modules/directory/duty.entity';
import { DutyUnit } from '../modules/directory/duty-unit.entity';
import { Matter } from '../modules/directory/matter.entity';
import { Membership } from '../modules/directory/membership.entity';
import { Official } from '../modules/directory/official.entity';
import { Post } from '../modules/directory/post.entity';
import { Unit } from '../modules/directory/unit.entity';
import { CalendarDay } from '../modules/calendar/calendar-day.entity';
import { CalendarDayChange } from '../modules/calendar/calendar-day-change.entity';
import { CalendarYearRow } from '../modules/calendar/calendar-year.entity';
import { CacheVersion } from '../modules/cache/cache-version.entity';
import { JobRun } from '../modules/jobs/job-run.entity';
import { LimitAttempt } from '../modules/limits/limit-attempt.entity';
import { DayPlan } from '../modules/journals/day-plan.entity';
import { EntryUpdate } from '../modules/journals/entry-update.entity';
import { JournalRulesRow } from '../modules/journals/journal-rules.entity';
import { Leave } from '../modules/journals/leave.entity';
import { PlanEntry } from '../modules/journals/plan-entry.entity';
import { PlanRevision } from '../modules/journals/plan-revision.entity';
import { WeeklyReport } from '../modules/journals/weekly-report.entity';
import { Upload } from '../modules/uploads/upload.entity';
import { WechatAccessToken } from '../modules/wechat/wechat-access-token.entity';
import { WechatMessageLog } from '../modules/wechat/wechat-message-log.entity';

import { InAppMessage } from '../modules/notifications/in-app-message.entity';
import { OutboxMessage } from '../modules/notifications/outbox-message.entity';
import { SensitiveWord } from '../modules/tickets/sensitive-word.entity';
import { TicketEvent } from '../modules/tickets/ticket-event.entity';
import { TicketFollower } from '../modules/tickets/ticket-follower.entity';
import { TicketReport } from '../modules/tickets/ticket-report.entity';
import { Ticket } from '../modules/tickets/ticket.entity';
import { MatterDemandDay } from '../modules/search/popular/matter-demand-day.entity';
import { MatterPin } from '../modules/search/popular/matter-pin.entity';

/** Every entity of the app; the data source and the migrations must agree on this list. */
import { ComplianceFinding } from '../modules/supervision/compliance-finding.entity';
import { NoticeFinding } from '../modules/supervision/notice-finding.entity';
import { Notice } from '../modules/supervision/notice.entity';
import { SelfExamination } from '../modules/supervision/self-examination.entity';
import { SpotCheckSample } from '../modules/supervision/spot-check-sample.entity';
import { SpotCheck } from '../modules/supervision/spot-check.entity';
import { SupervisionEvent } from '../modules/supervision/supervision-event.entity';
import { FlagAwardRow, FlagAwardUnitRow } from '../modules/rankings/flag-award.entity';
import { RankingSettingsRow } from '../modules/rankings/ranking-settings.entity';
import { Lottery } from '../modules/lotteries/lottery.entity';
import { LotteryCandidate } from '../modules/lotteries/lottery-candidate.entity';
import { LotteryEvent } from '../modules/lotteries/lottery-event.entity';
import { RecordView } from '../modules/records/record-view.entity';
import { Open311ApiKey } from '../modules/open311/open311-api-key.entity';
import { Open311Request } from '../modules/open311/open311-request.entity';
export const ENTITIES = [
  Unit,
  Official,
  Post,
  Membership,
  Matter,
  Duty,
  DutyUnit,
  User,
  RoleGrant,
  Invite,
  RefreshToken,
  WechatAccessToken,
  WechatMessageLog,
  DayPlan,
  PlanEntry,
  PlanRevision,
  EntryUpdate,
  Upload,
  Leave,
  WeeklyReport,
  JournalRulesRow,
  JobRun,
  CacheVersion,
  CalendarDay,
  CalendarDayChange,
  CalendarYearRow,
  Ticket,
  TicketEvent,
  TicketFollower,
  TicketReport,
  SensitiveWord,
  OutboxMessage,
  InAppMessage,
  MatterDemandDay,
  MatterPin,
  ComplianceFinding,
  SupervisionEvent,
  SpotCheckSample,
  SpotCheck,
  Notice,
  NoticeFinding,
  SelfExamination,
  RankingSettingsRow,
  FlagAwardRow,
  FlagAwardUnitRow,
  Lottery,
  LotteryCandidate,
  LotteryEvent,
  RecordView,
  Open311ApiKey,
  Open311Request,
  LimitAttempt,
];
