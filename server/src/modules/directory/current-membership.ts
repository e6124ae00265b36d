import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Membership } from './membership.entity';

/**
 * THE definition of "current": a membership is current on day D (a local Asia/Shanghai date,
 * `localDate(clock.now())` for today) when it has started (start_date <= D) and not ended
 * (end_date IS NULL or end_date >= D). A handover dated in the future therefore changes nothing
 * until its day, and the previous holder stays until the day before. Every query that asks who
 * holds a post uses one of the two forms below, never `end_date IS NULL` alone.
 */
export function currentOn(alias: string, date: string, tag = 'currentDay'): [string, Record<string, string>] {
  return [
    `${alias}.start_date <= :${tag} AND (${alias}.end_date IS NULL OR ${alias}.end_date >= :${tag})`,
    { [tag]: date },
  ];
}

/** The same condition for raw SQL with positional parameters: append `params` in this order. */
export function currentOnSql(alias: string, date: string): { sql: string; params: string[] } {
  return {
    sql: `${alias}.start_date <= ? AND (${alias}.end_date IS NULL OR ${alias}.end_date >= ?)`,
    params: [date, date],
  };
}

/** Memberships current on `date` as `m`, with their post `p` and its unit `u` joined. */
export function currentMemberships(
  source: DataSource | EntityManager,
  date: string,
): SelectQueryBuilder<Membership> {
  return source
    .getRepository(Membership)
    .createQueryBuilder('m')
    .innerJoin('m.post', 'p')
    .innerJoin('p.unit', 'u')
    .where(...currentOn('m', date));
}
