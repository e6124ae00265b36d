import {
  DEFAULT_JOURNAL_RULES,
  type JournalRulesService,
  type JurisdictionRules,
} from './journal-rules.service';
import type { JournalsRepository, SubtreeOfficial } from './journals.repository';

export interface JurisdictionOfficials {
  rules: JurisdictionRules;
  officialIds: number[];
  officials: SubtreeOfficial[];
}

/**
 * Every official under the rules that apply to them: those of the innermost unit with a rules row
 * above their (first) post, else the defaults. Jobs iterate this to act at each jurisdiction's times.
 */
export async function officialsByJurisdiction(
  rules: JournalRulesService,
  repository: JournalsRepository,
): Promise<JurisdictionOfficials[]> {
  const rows = (await rules.all()).sort((a, b) => b.unitPath.length - a.unitPath.length);
  const fallback: JurisdictionRules = { ...DEFAULT_JOURNAL_RULES, unitId: null, unitPath: '/' };
  const groups = new Map<JurisdictionRules, SubtreeOfficial[]>();
  for (const official of await repository.findOfficialsInSubtree('/')) {
    const applies = rows.find((r) => official.unitPath.startsWith(r.unitPath)) ?? fallback;
    const group = groups.get(applies);
    if (group) group.push(official);
    else groups.set(applies, [official]);
  }
  return [...groups].map(([applies, officials]) => ({
    rules: applies,
    officials,
    officialIds: officials.map((o) => o.officialId),
  }));
}
