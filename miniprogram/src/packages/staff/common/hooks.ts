/**
 * Loading what every staff page needs: the official acted for and the jurisdiction's rules
 * (deadlines, entry kinds, meeting names).
 */
import type { JournalRules, PlanWarning } from '@jinri/shared';
import { useEffect, useMemo, useState } from 'react';

import { ApiError, toApiError } from '@/api/request';
import { useLoad } from '@/hooks/useLoad';
import { getOfficial } from '@/api/journals.api';
import { checkPlan, getJournalRules } from '@/api/plans.api';
import type { DraftEntry } from './entries';
import { readStored, storageKeys, writeStored } from './storage';

export interface OfficialContext {
  officialId: number;
  name: string;
  /** The first (head) post: its unit's rules apply. */
  post: string;
  unit: { id: number; name: string };
  rules: JournalRules;
}

const rulesCache = new Map<number, JournalRules>();

function isRules(v: unknown): v is JournalRules {
  const r = v as JournalRules | null;
  return (
    !!r &&
    typeof r.planDueTime === 'string' &&
    typeof r.publicationTime === 'string' &&
    Array.isArray(r.entryKinds) &&
    Array.isArray(r.meetingNames)
  );
}

/**
 * GET /journal-rules?unitId= — cached for the app run and kept on the phone, so a weak network
 * does not stop the editor from opening.
 */
export async function loadRules(unitId: number): Promise<JournalRules> {
  const cached = rulesCache.get(unitId);
  if (cached) return cached;
  try {
    const rules = await getJournalRules(unitId);
    rulesCache.set(unitId, rules);
    writeStored(storageKeys.rules(unitId), rules);
    return rules;
  } catch (error) {
    const stored = readStored(storageKeys.rules(unitId), isRules);
    if (stored && toApiError(error).status === 0) return stored;
    throw error;
  }
}

const officialCache = new Map<number, OfficialContext>();

/** The official (GET /officials/:id) and the rules of their first post's unit. */
export async function loadOfficialContext(officialId: number): Promise<OfficialContext> {
  const cached = officialCache.get(officialId);
  if (cached) return cached;
  const profile = await getOfficial(officialId, 'signed-in');
  const first = profile.posts[0];
  if (!first)
    throw new ApiError({ code: 'DIRECTORY.OFFICIAL_NOT_FOUND', status: 404, message: '该干部当前没有任职' });
  const context: OfficialContext = {
    officialId,
    name: profile.name,
    post: first.title,
    unit: first.unit,
    rules: await loadRules(first.unit.id),
  };
  officialCache.set(officialId, context);
  return context;
}

export function useOfficialContext(officialId: number | null) {
  const load = useMemo(
    () => () => (officialId === null ? Promise.reject(new Error('none')) : loadOfficialContext(officialId)),
    [officialId],
  );
  return useLoad(officialId === null ? null : `official:${officialId}`, load, { cache: false });
}

interface CheckedEntry {
  what: string;
  place: string | null;
  kind: string | null;
}

const CHECK_DELAY_MS = 600;

/**
 * POST /plans/check ~600 ms after the last change: vague / too short / repeated warnings by entry
 * key. Only warnings for entries whose text is still what was checked are returned, so a warning
 * goes away as soon as its check is out of date. Failures are ignored (warnings never block).
 */
export function usePlanCheck(
  officialId: number | null,
  date: string,
  entries: DraftEntry[],
): Record<string, PlanWarning[]> {
  const body = useMemo(
    () =>
      JSON.stringify({
        officialId,
        date,
        keys: entries.map((e) => e.key),
        entries: entries.map((e): CheckedEntry => ({
          what: e.what.trim(),
          place: e.place.trim() || null,
          kind: e.kind || null,
        })),
      }),
    [officialId, date, entries],
  );
  const [result, setResult] = useState<{
    checked: Record<string, CheckedEntry>;
    warnings: Record<string, PlanWarning[]>;
  } | null>(null);

  useEffect(() => {
    const parsed = JSON.parse(body) as {
      officialId: number | null;
      date: string;
      keys: string[];
      entries: CheckedEntry[];
    };
    if (parsed.officialId === null || !parsed.entries.some((e) => e.what)) return;
    let active = true;
    const timer = setTimeout(() => {
      checkPlan({
        officialId: parsed.officialId ?? undefined,
        date: parsed.date,
        entries: parsed.entries,
      }).then(
        (res) => {
          if (!active) return;
          const warnings: Record<string, PlanWarning[]> = {};
          for (const w of res.warnings) {
            const key = parsed.keys[w.entryIndex];
            if (key === undefined || !parsed.entries[w.entryIndex]?.what) continue;
            (warnings[key] ??= []).push(w);
          }
          const checked: Record<string, CheckedEntry> = {};
          parsed.keys.forEach((key, i) => {
            checked[key] = parsed.entries[i];
          });
          setResult({ checked, warnings });
        },
        () => undefined,
      );
    }, CHECK_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [body]);

  return useMemo(() => {
    const out: Record<string, PlanWarning[]> = {};
    if (!result) return out;
    for (const e of entries) {
      const checked = result.checked[e.key];
      const list = result.warnings[e.key];
      if (
        list &&
        checked &&
        checked.what === e.what.trim() &&
        checked.place === (e.place.trim() || null) &&
        checked.kind === (e.kind || null)
      ) {
        out[e.key] = list;
      }
    }
    return out;
  }, [result, entries]);
}
