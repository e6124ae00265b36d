import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Leave } from '../modules/journals/leave.entity';

/**
 * Selects, as `alias`, the index of the period a row falls in: `starts` are the periods' first
 * days (or instants) in ascending order, and a row belongs to the last one at or before `column`
 * (rows before the first get NULL). Grouping by `alias` then counts per period in one query. The
 * parameters are named `<alias>0`, `<alias>1` …
 */
export function selectPeriodIndex<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  starts: Array<string | Date>,
  alias: string,
): SelectQueryBuilder<T> {
  const params: Record<string, string | Date> = {};
  const whens = starts
    .map((start, i) => {
      params[`${alias}${i}`] = start;
      return `WHEN ${column} >= :${alias}${i} THEN ${i}`;
    })
    .reverse()
    .join(' ');
  return query.select(`CASE ${whens} END`, alias).setParameters(params);
}

/**
 * `(SELECT 1 FROM leaves …)`: an approved leave of the plan's official covering the plan's date,
 * for `NOT EXISTS` — a day on approved leave is owed no plan. `plan` is the day plans' alias.
 */
export function approvedLeaveOnPlanDay<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  plan = 'p',
): string {
  return query
    .subQuery()
    .select('1')
    .from(Leave, 'l')
    .where(`l.officialId = ${plan}.officialId`)
    .andWhere("l.status = 'approved'")
    .andWhere(`l.startDate <= ${plan}.date`)
    .andWhere(`l.endDate >= ${plan}.date`)
    .getQuery();
}
