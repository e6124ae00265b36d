import type { SpotCheckSampleView, SpotCheckView } from '@jinri/shared';
import { localDate } from '../../src/common/time/local-time';
import { DayPlan } from '../../src/modules/journals/day-plan.entity';
import { PlanEntry } from '../../src/modules/journals/plan-entry.entity';
import { call } from '../app';
import { entryFactory } from '../factories/journal.factory';
import type { CrossScopeContext, Row, Town } from './cross-scope-types';

/**
 * Cross-scope rows of the supervision spot-checks routes (see cross-scope-supervision.ts): a sample
 * or check of town Y, and a visit to an entry of town Y's official, are refused to town X's
 * supervisor; the same of town X is let through. The matrix runs on the real clock, so "today" is
 * the real day: each attempt adds an entry to the town official's published plan of today.
 */
export function spotCheckCrossScopeRows(ctx: CrossScopeContext): Row[] {
  /** A fresh active entry of today's published plan of the town's official (the plan made if none). */
  const entryOf = async (t: Town): Promise<number> => {
    const date = localDate(new Date());
    return ctx.dataSource().transaction(async (manager) => {
      const plans = manager.getRepository(DayPlan);
      let plan = await plans.findOneBy({ officialId: t.official, date });
      if (!plan)
        plan = await plans.save(
          Object.assign(new DayPlan(), {
            officialId: t.official,
            date,
            status: 'published',
            submittedAt: new Date(),
            publishedAt: new Date(),
          }),
        );
      else if (plan.status !== 'published')
        await plans.update(plan.id, { status: 'published', publishedAt: new Date() });
      const entry = await manager
        .getRepository(PlanEntry)
        .save(Object.assign(new PlanEntry(), { ...entryFactory(), dayPlanId: plan.id, position: 99 }));
      return entry.id;
    });
  };
  /** What the county admin sees of the town's spot checks (must not change when one is refused). */
  const checksOf = (t: Town) => async () => {
    const page = await call<{ total: number }>(
      ctx.url(),
      'GET',
      `/supervision/spot-checks?unitId=${t.unit}`,
      {
        token: ctx.countyAdmin(),
      },
    );
    return [page.status, page.body.total];
  };
  const sampleOf = async (t: Town) => {
    await entryOf(t);
    const sample = await call<SpotCheckSampleView>(ctx.url(), 'POST', '/supervision/spot-check-samples', {
      token: ctx.countyAdmin(),
      body: { unitId: t.unit, size: 1, seed: 'cross-scope' },
    });
    return sample.body.id;
  };
  const checkOf = async (t: Town) => {
    const check = await call<SpotCheckView>(ctx.url(), 'POST', '/supervision/spot-checks', {
      token: ctx.countyAdmin(),
      body: { entryId: await entryOf(t), visitedAt: new Date().toISOString(), found: true, note: '在岗' },
    });
    return check.body.id;
  };
  return [
    {
      route: 'GET /api/v1/supervision/spot-check-samples/:id',
      as: 'supervisor',
      attempt: async (t) => ({ path: `/supervision/spot-check-samples/${await sampleOf(t)}` }),
    },
    {
      route: 'GET /api/v1/supervision/spot-checks/:id',
      as: 'supervisor',
      attempt: async (t) => ({ path: `/supervision/spot-checks/${await checkOf(t)}` }),
    },
    {
      route: 'POST /api/v1/supervision/spot-checks',
      as: 'supervisor',
      attempt: async (t) => ({
        path: '/supervision/spot-checks',
        body: {
          entryId: await entryOf(t),
          visitedAt: new Date().toISOString(),
          found: false,
          note: '未见到人',
        },
        probe: checksOf(t),
      }),
    },
  ];
}
