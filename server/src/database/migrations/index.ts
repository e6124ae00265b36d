import { InitialDirectory1795305600000 } from './1795305600000-InitialDirectory';
import { Identity1795310000000 } from './1795310000000-Identity';
import { Journals1795320000000 } from './1795320000000-Journals';
import { Calendar1795330000000 } from './1795330000000-Calendar';
import { Tickets1795340000000 } from './1795340000000-Tickets';
import { TicketFollowers1795350000000 } from './1795350000000-TicketFollowers';
import { UploadSourceBytes1795365000000 } from './1795365000000-UploadSourceBytes';
import { RefreshTokensRevokedIndex1795370000000 } from './1795370000000-RefreshTokensRevokedIndex';
import { TicketReports1795390000000 } from './1795390000000-TicketReports';
import { PostDeputy1795405000000 } from './1795405000000-PostDeputy';
import { TicketReview1795410000000 } from './1795410000000-TicketReview';
import { CalendarYears1795418000000 } from './1795418000000-CalendarYears';
import { InAppMessages1795420000000 } from './1795420000000-InAppMessages';
import { Supervision1795440000000 } from './1795440000000-Supervision';
import { MatterDemand1795430000000 } from './1795430000000-MatterDemand';
import { Rankings1795450000000 } from './1795450000000-Rankings';
import { Lotteries1795460000000 } from './1795460000000-Lotteries';
import { Records1795470000000 } from './1795470000000-Records';
import { LimitAttempts1795483000000 } from './1795483000000-LimitAttempts';
import { Open3111795486000000 } from './1795486000000-Open311';

/** Migrations in order. New ones are appended here (explicit imports work from src/ and dist/ alike). */
export const MIGRATIONS = [
  InitialDirectory1795305600000,
  Identity1795310000000,
  Journals1795320000000,
  Calendar1795330000000,
  Tickets1795340000000,
  TicketFollowers1795350000000,
  UploadSourceBytes1795365000000,
  RefreshTokensRevokedIndex1795370000000,
  TicketReports1795390000000,
  PostDeputy1795405000000,
  TicketReview1795410000000,
  CalendarYears1795418000000,
  InAppMessages1795420000000,
  MatterDemand1795430000000,
  Supervision1795440000000,
  Rankings1795450000000,
  Lotteries1795460000000,
  Records1795470000000,
  LimitAttempts1795483000000,
  Open3111795486000000,
];
