import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MatterPin } from './matter-pin.entity';

/** One batch row: counts to add to a county's matter on a day. */
export interface DemandDelta {
  countyUnitId: number;
  matterId: number;
  day: string;
  searches: number;
  opens: number;
  comments: number;
}

export interface DemandTotals {
  matterId: number;
  searches: number;
  opens: number;
  comments: number;
}

/** Named queries of the popular matters: demand counters, pins, and the units they hang on. */
@Injectable()
export class PopularMattersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  /**
   * Adds a batch of counts in ONE statement, an insert that adds to the row when it exists
   * (SQLite `ON CONFLICT … DO UPDATE`, MySQL `ON DUPLICATE KEY UPDATE`). Rows go in key order, so
   * two instances adding the same keys lock them in the same order.
   */
  async addDemand(deltas: DemandDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const rows = [...deltas].sort(
      (a, b) => a.countyUnitId - b.countyUnitId || a.matterId - b.matterId || a.day.localeCompare(b.day),
    );
    const values = rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
    const params = rows.flatMap((r) => [r.countyUnitId, r.matterId, r.day, r.searches, r.opens, r.comments]);
    const add = this.mysql
      ? `ON DUPLICATE KEY UPDATE searches = searches + VALUES(searches), opens = opens + VALUES(opens),
         comments = comments + VALUES(comments)`
      : `ON CONFLICT (county_unit_id, matter_id, day) DO UPDATE SET searches = searches + excluded.searches,
         opens = opens + excluded.opens, comments = comments + excluded.comments`;
    await this.dataSource.query(
      `INSERT INTO matter_demand_daily (county_unit_id, matter_id, day, searches, opens, comments)
       VALUES ${values} ${add}`,
      params,
    );
  }

  /** Deletes the day rows before `day` (a local date); answers how many went. */
  async deleteDemandBefore(day: string): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('matter_demand_daily')
      .where('day < :day', { day })
      .execute();
    return result.affected ?? 0;
  }

  /** A county's counts per matter from `since` (a local date) on. */
  async findDemandSince(countyUnitId: number, since: string): Promise<DemandTotals[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT matter_id, SUM(searches) AS searches, SUM(opens) AS opens, SUM(comments) AS comments
       FROM matter_demand_daily WHERE county_unit_id = ? AND day >= ? GROUP BY matter_id`,
      [countyUnitId, since],
    );
    return rows.map((r) => ({
      matterId: Number(r.matter_id),
      searches: Number(r.searches),
      opens: Number(r.opens),
      comments: Number(r.comments),
    }));
  }

  findPins(countyUnitId: number): Promise<MatterPin[]> {
    return this.dataSource
      .getRepository(MatterPin)
      .find({ where: { countyUnitId }, order: { pinnedRank: 'ASC', matterId: 'ASC' } });
  }

  /** Pins the matter for the county at `rank`, or moves an existing pin there. */
  async savePin(countyUnitId: number, matterId: number, rank: number, userId: number): Promise<void> {
    await this.dataSource
      .getRepository(MatterPin)
      .upsert({ countyUnitId, matterId, pinnedRank: rank, pinnedByUserId: userId }, [
        'countyUnitId',
        'matterId',
      ]);
  }

  async deletePin(countyUnitId: number, matterId: number): Promise<void> {
    await this.dataSource.getRepository(MatterPin).delete({ countyUnitId, matterId });
  }

  /** The jurisdictions (units of kind county) by path, in display order. */
  async findCounties(): Promise<Array<{ id: number; path: string }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      "SELECT id, path FROM units WHERE kind = 'county' ORDER BY sort_order, id",
    );
    return rows.map((r) => ({ id: Number(r.id), path: String(r.path) }));
  }

  /** The unit path of each matter's department (where a count without the resident's unit goes). */
  async findDepartmentPaths(matterIds: number[]): Promise<Map<number, string>> {
    if (matterIds.length === 0) return new Map();
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT m.id AS id, u.path AS path FROM matters m JOIN units u ON u.id = m.department_id
       WHERE m.id IN (${matterIds.map(() => '?').join(', ')})`,
      matterIds,
    );
    return new Map(rows.map((r) => [Number(r.id), String(r.path)]));
  }
}
