import { Injectable } from '@nestjs/common';
import { DEFAULT_RULES, ENTRY_KINDS, type JournalRules, MEETING_NAMES } from '@jinri/shared';
import type { JournalRulesRow } from './journal-rules.entity';
import { JournalsRepository } from './journals.repository';

export const DEFAULT_JOURNAL_RULES: JournalRules = {
  planDueTime: DEFAULT_RULES.planDueTime,
  publicationTime: DEFAULT_RULES.publicationTime,
  weeklyReportDueWeekday: DEFAULT_RULES.weeklyReportDue.weekday,
  weeklyReportDueTime: DEFAULT_RULES.weeklyReportDue.time,
  reminderTime: DEFAULT_RULES.reminderTime,
  entryKinds: [...ENTRY_KINDS],
  meetingNames: [...MEETING_NAMES],
};

export interface JurisdictionRules extends JournalRules {
  /** The unit whose row applies (null: the defaults). */
  unitId: number | null;
  unitPath: string;
}

/** The deadlines and lists in force for a unit: its nearest ancestor's row, else the defaults. */
@Injectable()
export class JournalRulesService {
  constructor(private readonly repository: JournalsRepository) {}

  async all(): Promise<JurisdictionRules[]> {
    return (await this.repository.findAllRules()).map((row) => toRules(row));
  }

  async forUnitPath(unitPath: string): Promise<JurisdictionRules> {
    const rows = await this.all();
    const match = rows
      .filter((r) => unitPath.startsWith(r.unitPath))
      .sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
    return match ?? { ...DEFAULT_JOURNAL_RULES, unitId: null, unitPath: '/' };
  }

  async save(unitId: number, rules: JournalRules): Promise<void> {
    await this.repository.upsertRules(unitId, rules);
  }
}

function toRules(row: JournalRulesRow): JurisdictionRules {
  return {
    unitId: row.unitId,
    unitPath: row.unit.path,
    planDueTime: row.planDueTime,
    publicationTime: row.publicationTime,
    weeklyReportDueWeekday: row.weeklyReportDueWeekday,
    weeklyReportDueTime: row.weeklyReportDueTime,
    reminderTime: row.reminderTime,
    entryKinds: row.entryKinds,
    meetingNames: row.meetingNames,
  };
}
