import type { UnitKind } from '@jinri/shared';

/**
 * The shape of the demo county, as plain data. Keys are stable strings so that seeding is
 * idempotent (a second start finds the rows by key and inserts nothing twice).
 */
export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  /** Key of the parent unit; undefined only for the county itself. */
  parentKey?: string;
  /** Office hours as "HH:mm-HH:mm,HH:mm-HH:mm" (morning and afternoon), local time. */
  officeHours?: string;
  address?: string;
}

export interface DemoPost {
  key: string;
  unitKey: string;
  /** e.g. 镇长, 副镇长, 民政助理, 村党支部书记, 局长, 股长 */
  title: string;
  /** Lower sorts first when listing a unit's people (1 = head). */
  rank: number;
}

export interface DemoOfficial {
  key: string;
  /** Invented Chinese name. */
  name: string;
  gender: 'male' | 'female';
}

export interface DemoMembership {
  officialKey: string;
  postKey: string;
  /** ISO date the official took the post. */
  startDate: string;
}

export interface DemoMatter {
  key: string;
  name: string;
  category: string;
  keywords: string[];
  /** Everyday words residents type for it ("盖房子" for 宅基地审批). */
  synonyms: string[];
  /** What to bring. */
  materials: string[];
  whereToGo: string;
  officeHours: string;
  legalBasis?: string;
  /** Key of the department that owns the matter county-wide. */
  departmentKey: string;
}

export interface DemoDuty {
  postKey: string;
  matterKey: string;
  /** Keys of the units covered (villages of a town, or a whole town/county). */
  coveredUnitKeys: string[];
}

export interface DemoCounty {
  units: DemoUnit[];
  posts: DemoPost[];
  officials: DemoOfficial[];
  memberships: DemoMembership[];
  matters: DemoMatter[];
  duties: DemoDuty[];
}
