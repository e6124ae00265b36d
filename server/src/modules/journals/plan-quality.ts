/**
 * Plan quality: warnings for day-plan entries that say too little (too_short), say nothing concrete
 * (vague) or repeat an earlier day (repeated). Supervisors flag exactly these in practice: "日常工作",
 * "开会", "下村" with no place and no object, or "检查XX拆迁项目" handed in several days running.
 *
 * Pure and deterministic: no I/O, no clock, inputs are never mutated. The plan check endpoint runs it
 * for one plan; the supervision job runs it for every official (≈200 × 5 entries × 3 previous days), so
 * the cost is O(entries × previous entries) with each comparison linear in the text length.
 *
 * How an entry is read (see analyse()):
 * 1. Text is NFKC-normalised (full-width letters and digits become half width), lower-cased, and cut
 *    into clauses at anything that is not a letter or digit (punctuation, spaces, emoji).
 * 2. Length is counted in units: one per Chinese character, one per run of other letters/digits (so
 *    "GDP" or "2024" weigh one unit, like one character).
 * 3. Vague phrases (generic verbs and nouns, time fillers, and the parts of the entry's own kind) are
 *    found in each clause. They hide any place marker inside them ("下村", "办公" and "交办" are not
 *    places).
 * 4. Place: in each clause everything up to the last place marker (村, 社区, 中心, 会议室 …) is the
 *    place ("到魏庄村走访低保户" → place "魏庄村", rest "走访低保户"). It counts as a place when at least
 *    2 units remain once vague phrases and edge particles are removed (so a bare "村" or "镇" does not).
 *    The entry's own `place` field counts too, unless it is a placeholder like "无".
 * 5. Object: what remains after the place and the vague phrases, with edge particles (到, 在, 的 …)
 *    trimmed. The entry is vague when the object has fewer than minDetailUnits units (nothing but
 *    generic words, perhaps with a place: "开会", "到魏庄村走访"), or when there is no place and the
 *    object has fewer than minObjectUnits units ("走访群众", "防汛值班").
 */
import type { LocalDate, PlanWarning, PlanWarningKind } from '@jinri/shared';
import {
  type Comparable,
  dice,
  nfkcLower,
  plainText as plain,
  recentComparable,
  comparable,
} from '../../common/text/similarity';
import {
  EDGE_PARTICLES,
  EMPTY_PLACES,
  NOT_PLACE_WORDS,
  PLACE_MARKERS,
  VAGUE_PHRASES,
} from './plan-quality.words';
import { Literals, type Span } from '../../common/text/literals';

/** One entry to check: the fields of a plan entry that carry meaning. */
export interface QualityEntry {
  what: string;
  place?: string | null;
  /** The entry kind (会议, 下村/实地 …): an entry that only restates its kind says nothing. */
  kind?: string | null;
}

/** An earlier working day's entries (the caller passes the previous 3 working days). */
export interface PreviousDay {
  date: LocalDate;
  entries: QualityEntry[];
}

export interface PlanQualityRules {
  /** too_short when the text has fewer units than this. */
  minUnits: number;
  /** vague when fewer object units than this remain, place or not. */
  minDetailUnits: number;
  /** vague when there is no place and fewer object units than this remain. */
  minObjectUnits: number;
  /** Words that name no concrete matter: removed before the object is measured. */
  vaguePhrases: readonly string[];
  /** Particles trimmed from both ends of what is left between vague phrases (到, 在, 的 …). */
  edgeParticles: string;
  /** Endings of place names: the text up to the last one in a clause is the place. */
  placeMarkers: readonly string[];
  /** Words that contain a place marker but are no place (布局, 所有 …). */
  notPlaceWords: readonly string[];
  /** Values of the `place` field that mean "no place". */
  emptyPlaces: readonly string[];
  /** repeated: only entries with at least this many characters (after normalisation) are compared. */
  minComparableChars: number;
  /** repeated: a similarity at or above this makes a near-duplicate. */
  repeatThreshold: number;
  /** Warning texts; {date} in `repeated` becomes "11月20日". */
  messages: Record<PlanWarningKind, string>;
}

/**
 * Every phrase list, threshold and message of the plan check, in one place so supervisors' feedback
 * can tune it. Phrases are matched after the same normalisation as the text (NFKC, lower case).
 */
export const PLAN_QUALITY: PlanQualityRules = {
  // 5 rather than 6: standard meeting entries such as "参加党委会" and "主持周例会" are 5 characters and
  // specific; vague short entries ("下村走访", "日常工作", "开会学习") are 4 or fewer, and longer vague
  // ones are caught by the vague rule anyway.
  minUnits: 5,
  // Two units are the least that can name a matter once the place is known: "危房", "纠纷", "窗口".
  minDetailUnits: 2,
  // Without a place, ask a little more: "党委会" and "低保户" pass, "防汛" or "群众" alone do not.
  minObjectUnits: 3,
  vaguePhrases: VAGUE_PHRASES,
  edgeParticles: EDGE_PARTICLES,
  placeMarkers: PLACE_MARKERS,
  notPlaceWords: NOT_PLACE_WORDS,
  emptyPlaces: EMPTY_PLACES,
  // Below 6 characters a string has at most 4 bigrams and one changed character moves the score by
  // 0.3 or more, so the number means little; such entries are the too_short rule's business.
  minComparableChars: 6,
  // One character changed inside a typical 9–10-character entry scores 0.75–0.78 and is the commonest
  // way a copied line is "refreshed"; 0.8 would miss it. A different village or a different task (two
  // or more words changed) scores 0.67 or less.
  repeatThreshold: 0.75,
  messages: {
    vague: '内容较笼统，请写明具体事项和地点（如：到魏庄村调度拆迁工作）',
    too_short: '内容太短，请写明做什么、在哪里、和谁',
    repeated: '与 {date} 的日程几乎相同，请写明今天的具体进展',
  },
};

/** Warnings of one entry come in this order (the order of PlanWarningKind). */
const KIND_ORDER: readonly PlanWarningKind[] = ['vague', 'too_short', 'repeated'];

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const UNIT = /\p{Script=Han}|[^\p{Script=Han}]+/gu;

/** Units of a plain string: one per Chinese character, one per run of other letters or digits. */
function units(text: string): number {
  let count = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The common ideographs and ASCII are read without asking the Unicode classes.
    const han = code >= 0x4e00 && code <= 0x9fff ? true : code < 0x80 ? false : null;
    if (han === null) return text.match(UNIT)?.length ?? 0;
    if (han) {
      count += 1;
      inRun = false;
    } else if (!inRun) {
      count += 1;
      inRun = true;
    }
  }
  return count;
}

interface CompiledRules {
  vaguePhrases: readonly string[];
  vague: Literals;
  /** The vague words with the parts of an entry kind added, per kind (a jurisdiction has a handful). */
  vagueByKind: Map<string, Literals>;
  notPlace: Literals;
  /** Place markers by their first code unit. */
  markers: ReadonlyMap<number, readonly string[]>;
  /** The edge particles when each is one code unit (else edgePattern trims). */
  edge: ReadonlySet<number> | null;
  edgePattern: RegExp;
  emptyPlaces: ReadonlySet<string>;
}

const compiledCache = new WeakMap<PlanQualityRules, CompiledRules>();

function compile(rules: PlanQualityRules): CompiledRules {
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    const particleList = Array.from(plain(rules.edgeParticles));
    const particles = particleList.map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('');
    const markers = new Map<number, string[]>();
    for (const marker of new Set(rules.placeMarkers.map(plain).filter((m) => m.length > 0))) {
      markers.set(marker.charCodeAt(0), [...(markers.get(marker.charCodeAt(0)) ?? []), marker]);
    }
    compiled = {
      vaguePhrases: rules.vaguePhrases,
      vague: new Literals(rules.vaguePhrases),
      vagueByKind: new Map(),
      notPlace: new Literals(rules.notPlaceWords),
      markers,
      edge: particleList.every((c) => c.length === 1)
        ? new Set(particleList.map((c) => c.charCodeAt(0)))
        : null,
      edgePattern: particles ? new RegExp(`^[${particles}]+|[${particles}]+$`, 'gu') : /(?!)/gu,
      emptyPlaces: new Set(rules.emptyPlaces.map(plain)),
    };
    compiledCache.set(rules, compiled);
  }
  return compiled;
}

/** Every occurrence of every marker, overlapping ones included ("会议室" and the "室" inside it). */
function markerSpans(text: string, markers: ReadonlyMap<number, readonly string[]>): Span[] {
  const found: Span[] = [];
  for (let at = 0; at < text.length; at++) {
    const bucket = markers.get(text.charCodeAt(at));
    if (!bucket) continue;
    for (const marker of bucket) if (text.startsWith(marker, at)) found.push([at, at + marker.length]);
  }
  return found;
}

/** The piece without the edge particles at either end (到, 在, 的 …). */
function trimEdge(piece: string, rules: CompiledRules): string {
  const edge = rules.edge;
  if (!edge) return piece.replace(rules.edgePattern, '');
  let start = 0;
  let end = piece.length;
  while (start < end && edge.has(piece.charCodeAt(start))) start += 1;
  while (end > start && edge.has(piece.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === piece.length ? piece : piece.slice(start, end);
}

/** The vague pattern for an entry of this kind: restating the kind ("督导检查", "下村/实地") says nothing. */
function vagueFor(kind: string | null | undefined, rules: CompiledRules): Literals {
  const parts = nfkcLower(kind ?? '')
    .split(NOT_LETTER_OR_DIGIT)
    .filter((part) => part.length >= 2);
  if (parts.length === 0) return rules.vague;
  const key = parts.join('/');
  let pattern = rules.vagueByKind.get(key);
  if (!pattern) {
    pattern = new Literals([...rules.vaguePhrases, ...parts]);
    rules.vagueByKind.set(key, pattern);
  }
  return pattern;
}

/** Units left in a piece of a clause once vague phrases are cut out and edge particles trimmed. */
function meaningfulUnits(piece: string, vague: Literals, rules: CompiledRules): number {
  let total = 0;
  for (const part of vague.split(piece)) total += units(trimEdge(part, rules));
  return total;
}

interface Reading {
  units: number;
  hasPlace: boolean;
  objectUnits: number;
}

/** Readings of recent entries, per compiled rules: the same line recurs across officials and days. */
const READINGS = new WeakMap<CompiledRules, Map<string, Reading>>();
const READINGS_MAX = 20_000;

function analyse(entry: QualityEntry, rules: CompiledRules): Reading {
  let known = READINGS.get(rules);
  if (!known) READINGS.set(rules, (known = new Map()));
  const key = `${entry.kind ?? ''}\u0000${entry.place ?? ''}\u0000${entry.what}`;
  const cached = known.get(key);
  if (cached) return cached;
  const reading = read(entry, rules);
  if (known.size >= READINGS_MAX) known.clear();
  known.set(key, reading);
  return reading;
}

/** Reads one `what` (with its place and kind) as described at the top of the file. */
function read(entry: QualityEntry, rules: CompiledRules): Reading {
  const vague = vagueFor(entry.kind, rules);
  const clauses = nfkcLower(entry.what).split(NOT_LETTER_OR_DIGIT);

  const placeField = plain(entry.place ?? '');
  let hasPlace = placeField.length > 0 && !rules.emptyPlaces.has(placeField);
  let objectUnits = 0;
  for (const clause of clauses) {
    if (!clause) continue;
    const hidden = [...vague.spans(clause), ...rules.notPlace.spans(clause)];
    let cut = 0;
    for (const [start, end] of markerSpans(clause, rules.markers)) {
      if (!hidden.some(([s, e]) => start < e && s < end)) cut = Math.max(cut, end);
    }
    if (cut > 0 && meaningfulUnits(clause.slice(0, cut), vague, rules) >= 2) hasPlace = true;
    objectUnits += meaningfulUnits(clause.slice(cut), vague, rules);
  }
  return { units: clauses.reduce((sum, clause) => sum + units(clause), 0), hasPlace, objectUnits };
}

function isVague(reading: Reading, rules: PlanQualityRules): boolean {
  if (reading.units === 0) return false; // nothing written: too_short says it
  if (reading.objectUnits < rules.minDetailUnits) return true;
  return !reading.hasPlace && reading.objectUnits < rules.minObjectUnits;
}

function monthDay(date: LocalDate): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${Number(match[1])}月${Number(match[2])}日` : date;
}

interface Earlier {
  date: LocalDate;
  what: string;
  place: Comparable | null;
  /** The `what` ready to compare, prepared when first needed (see text()). */
  text?: Comparable;
}

/** An earlier entry's text ready to compare: prepared once, only when its place did not rule it out. */
function text(other: Earlier): Comparable {
  return (other.text ??= comparable(other.what));
}

/** The `place` field ready to compare, or null when it is empty or a placeholder like "无". */
function placeOf(place: string | null | undefined, rules: CompiledRules): Comparable | null {
  if (!place) return null;
  // Places recur (a town has a few dozen): through the cache of recent texts.
  const key = recentComparable(place);
  return key.length === 0 || rules.emptyPlaces.has(key.normalized) ? null : key;
}

/**
 * Warnings for one day's entries, ordered by entry index, then kind (vague, too_short, repeated).
 * An entry may get several.
 *
 * - too_short: fewer than minUnits units.
 * - vague: nothing concrete beyond generic words (see the top of the file).
 * - repeated: an entry of at least minComparableChars characters whose similarity to an entry of
 *   `previousDays` reaches repeatThreshold; similarTo names the most similar one (ties: the later
 *   date, then the earlier entry), its similarity rounded to 2 decimals. Two entries whose `place`
 *   fields are both filled in and differ are different work and never compared. Entries of the same
 *   day are not compared with each other: the contract has no date for them, and splitting one
 *   all-day task into 上午 and 下午 entries is common and legitimate.
 */
export function checkPlanEntries(
  entries: QualityEntry[],
  previousDays: PreviousDay[],
  rules: PlanQualityRules = PLAN_QUALITY,
): PlanWarning[] {
  const compiled = compile(rules);
  const earlier: Earlier[] = [...previousDays]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .flatMap((day) =>
      day.entries.map((e): Earlier => ({
        date: day.date,
        what: e.what.trim(),
        place: placeOf(e.place, compiled),
      })),
    );

  const warnings: PlanWarning[] = [];
  entries.forEach((entry, entryIndex) => {
    const found = new Map<PlanWarningKind, PlanWarning>();
    const reading = analyse(entry, compiled);
    if (isVague(reading, rules)) {
      found.set('vague', { entryIndex, kind: 'vague', message: rules.messages.vague });
    }
    if (reading.units < rules.minUnits) {
      found.set('too_short', { entryIndex, kind: 'too_short', message: rules.messages.too_short });
    }

    const own = comparable(entry.what);
    if (own.length >= rules.minComparableChars) {
      const place = placeOf(entry.place, compiled);
      let best: { other: Earlier; score: number } | null = null;
      for (const other of earlier) {
        if (place && other.place && dice(place, other.place) < rules.repeatThreshold) continue;
        const score = dice(own, text(other));
        if (!best || score > best.score) best = { other, score };
      }
      if (best && best.score >= rules.repeatThreshold) {
        const { other, score } = best;
        found.set('repeated', {
          entryIndex,
          kind: 'repeated',
          message: rules.messages.repeated.replace('{date}', monthDay(other.date)),
          similarTo: { date: other.date, what: other.what, similarity: Math.round(score * 100) / 100 },
        });
      }
    }

    for (const kind of KIND_ORDER) {
      const warning = found.get(kind);
      if (warning) warnings.push(warning);
    }
  });
  return warnings;
}
