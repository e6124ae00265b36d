/**
 * The flags a supervisor is about to award: the proposal's units per colour, the changes made to
 * it (a slot given to another unit), whether the award now differs from the proposal (then a
 * written reason is required), and the award request. Pure, tested beside it.
 */
import type { AwardFlagsRequest, FlagColor, FlagProposal, RankingItem } from '@jinri/shared';

/** The reason of an override: 4–500 characters (as AwardFlagsRequest says). */
export const LIMITS_FLAG_REASON = { min: 4, max: 500 } as const;

export interface Picks {
  red: number[];
  yellow: number[];
}

export function proposedPicks(p: FlagProposal): Picks {
  return { red: p.red.map((f) => f.unit.id), yellow: p.yellow.map((f) => f.unit.id) };
}

/** Gives slot `index` of `color` to `unitId` (taking it from the other colour or another slot). */
export function pick(picks: Picks, color: FlagColor, index: number, unitId: number): Picks {
  const other: FlagColor = color === 'red' ? 'yellow' : 'red';
  const mine = picks[color].slice();
  const previous = mine[index];
  const at = mine.indexOf(unitId);
  if (at >= 0 && at !== index) {
    // Swapped within the colour.
    if (previous === undefined) mine.splice(at, 1);
    else mine[at] = previous;
  }
  if (index < mine.length) mine[index] = unitId;
  else mine.push(unitId);
  return {
    ...picks,
    [color]: mine,
    [other]: picks[other].filter((id) => id !== unitId),
  } as Picks;
}

/** Leaves slot `index` of `color` empty (fewer flags than N). */
export function unpick(picks: Picks, color: FlagColor, index: number): Picks {
  return { ...picks, [color]: picks[color].filter((_, i) => i !== index) } as Picks;
}

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** True when the award is not what the ranking proposed (a reason must be written). */
export function isOverride(picks: Picks, proposal: FlagProposal): boolean {
  const p = proposedPicks(proposal);
  return !sameSet(picks.red, p.red) || !sameSet(picks.yellow, p.yellow);
}

/** Why the award cannot be sent yet ("" when it can). */
export function awardProblem(picks: Picks, proposal: FlagProposal, reason: string): string {
  if (picks.red.length === 0 && picks.yellow.length === 0) return '请至少评定一面红旗或黄旗';
  const text = reason.trim();
  if (isOverride(picks, proposal) && text.length < LIMITS_FLAG_REASON.min)
    return `与排名建议不同，请填写调整理由（至少 ${LIMITS_FLAG_REASON.min} 个字）`;
  if (text.length > LIMITS_FLAG_REASON.max) return `调整理由不能超过 ${LIMITS_FLAG_REASON.max} 个字`;
  return '';
}

export function awardRequest(picks: Picks, proposal: FlagProposal, reason: string): AwardFlagsRequest {
  const body: AwardFlagsRequest = {
    jurisdictionId: proposal.jurisdiction.id,
    level: proposal.level,
    period: proposal.period,
    from: proposal.from,
    red: picks.red,
    yellow: picks.yellow,
  };
  if (isOverride(picks, proposal)) body.reason = reason.trim();
  return body;
}

/** The ranking's row of a unit (for its name, rank and score). */
export function rowOf(proposal: FlagProposal, unitId: number): RankingItem | undefined {
  return proposal.ranking.find((i) => i.unit?.id === unitId);
}

/** A unit's name as the proposal knows it. */
export function unitName(proposal: FlagProposal, unitId: number): string {
  return (
    rowOf(proposal, unitId)?.unit?.name ??
    [...proposal.red, ...proposal.yellow].find((f) => f.unit.id === unitId)?.unit.name ??
    `单位 ${unitId}`
  );
}
