import type { DemoCounty } from './demo-county.types';

/** A post's acting deputy (代理) in the demo: who stands in while its holder is on approved leave. */
export interface DemoDeputy {
  postKey: string;
  deputyOfficialKey: string;
}

/**
 * The demo's 岗位AB角: every post that handles a matter names as its deputy (B角) the holder of the
 * next post by rank in the same unit (the previous one for the last post), never the holder
 * themselves. Pure data, so the demo-journals seed can keep a holder and their deputy from being on
 * leave the same day.
 */
export function demoDeputies(county: DemoCounty): DemoDeputy[] {
  const holderOf = new Map(county.memberships.map((m) => [m.postKey, m.officialKey]));
  const withDuties = new Set(county.duties.map((d) => d.postKey));
  const byUnit = new Map<string, typeof county.posts>();
  for (const post of county.posts) byUnit.set(post.unitKey, [...(byUnit.get(post.unitKey) ?? []), post]);
  const deputies: DemoDeputy[] = [];
  for (const posts of byUnit.values()) {
    const ranked = [...posts]
      .filter((p) => holderOf.has(p.key))
      .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : 1));
    for (const [i, post] of ranked.entries()) {
      if (!withDuties.has(post.key)) continue;
      const holder = holderOf.get(post.key)!;
      const candidates = [...ranked.slice(i + 1), ...ranked.slice(0, i).reverse()];
      const deputy = candidates.map((p) => holderOf.get(p.key)!).find((o) => o !== holder);
      if (deputy) deputies.push({ postKey: post.key, deputyOfficialKey: deputy });
    }
  }
  return deputies;
}
