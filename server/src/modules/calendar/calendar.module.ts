import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayChange } from './calendar-day-change.entity';
import { CalendarYearRow } from './calendar-year.entity';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/** Working days (holidays, 调休) for every deadline, with the admin's corrections. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CalendarDay, CalendarDayChange, CalendarYearRow])],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
