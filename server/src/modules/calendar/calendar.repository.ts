import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Like } from 'typeorm';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayChange } from './calendar-day-change.entity';
import { CalendarYearRow } from './calendar-year.entity';
import { retriedTransaction } from '../../database/contention';

/** Named queries of the admin's calendar entries, their record of changes and the confirmed years. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findAllDays(): Promise<CalendarDay[]> {
    return this.dataSource.getRepository(CalendarDay).find();
  }

  findDaysOfYear(year: number): Promise<CalendarDay[]> {
    return this.dataSource
      .getRepository(CalendarDay)
      .find({ where: { date: Like(`${year}-%`) }, order: { date: 'ASC' } });
  }

  findConfirmedYears(): Promise<CalendarYearRow[]> {
    return this.dataSource.getRepository(CalendarYearRow).find();
  }

  /** Enters or corrects a day and records the change, in one transaction. */
  async saveDay(date: string, isWorkday: boolean, name: string, userId: number): Promise<void> {
    await retriedTransaction(this.dataSource, async (manager) => {
      await manager
        .getRepository(CalendarDay)
        .upsert({ date, isWorkday, name, updatedByUserId: userId }, ['date']);
      await manager.getRepository(CalendarDayChange).insert({ date, action: 'set', isWorkday, name, userId });
    });
  }

  /**
   * Removes a day's entry and records what was removed, in one transaction; false when the day has
   * no entry.
   */
  async deleteDay(date: string, userId: number): Promise<boolean> {
    return retriedTransaction(this.dataSource, async (manager) => {
      const entry = await manager.getRepository(CalendarDay).findOneBy({ date });
      if (!entry) return false;
      await manager.getRepository(CalendarDayChange).insert({
        date,
        action: 'delete',
        isWorkday: entry.isWorkday,
        name: entry.name,
        userId,
      });
      await manager.getRepository(CalendarDay).delete({ date });
      return true;
    });
  }

  isYearConfirmed(year: number): Promise<boolean> {
    return this.dataSource.getRepository(CalendarYearRow).existsBy({ year });
  }

  async insertConfirmedYear(year: number, userId: number): Promise<void> {
    await this.dataSource.getRepository(CalendarYearRow).insert({ year, confirmedByUserId: userId });
  }

  /** The record of entries and removals for one date, oldest first. */
  findChangesOf(date: string): Promise<CalendarDayChange[]> {
    return this.dataSource.getRepository(CalendarDayChange).find({ where: { date }, order: { id: 'ASC' } });
  }
}
