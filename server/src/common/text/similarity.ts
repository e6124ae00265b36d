/**
 * How alike two short texts are, for near-duplicates: a plan entry copied from an earlier day
 * (journals/plan-quality.ts) and a ticket that repeats an open one (tickets). Pure; each comparison
 * is linear in the text length.
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Text NFKC leaves as it is, once what is not a letter or digit is removed: ASCII, the common CJK
 * ideographs, CJK and general punctuation, and the full-width punctuation (but not the full-width
 * letters and digits, nor 〸〹〺, which NFKC turns into other letters). Nearly every plan entry is
 * made of these only, and skipping the normalisation halves the cost of the morning check's
 * comparisons.
 */
const NFKC_STABLE =
  /^[\t\n\r\x20-\x7e\u2010-\u2027\u3000-\u3037\u303b-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20]*$/;

/** NFKC (full width → half width) and lower case, skipping NFKC where it would change nothing. */
export function nfkcLower(text: string): string {
  return (NFKC_STABLE.test(text) ? text : text.normalize('NFKC')).toLowerCase();
}

/** NFKC (full width → half width), lower case, letters and digits only. */
export function plainText(text: string): string {
  return nfkcLower(text).replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * The text as compared for near-duplicates: NFKC (full-width digits and letters become half width),
 * lower case, whitespace, punctuation and symbols (emoji included) removed, and every run of digits
 * replaced by one "0", so "检查1号地块" and "检查12号地块" compare equal while the words around the
 * number still count. Idempotent.
 */
export function normalizeForComparison(text: string): string {
  return comparisonCodes(text).text;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const DIGIT = /^\p{Nd}$/u;

/**
 * normalizeForComparison as code units, in one pass over a text that NFKC leaves as it is (nearly
 * every plan entry): the common CJK ideographs and ASCII letters are kept (lower case), a run of
 * digits becomes "0", and only other characters ask the Unicode classes. Other text takes the
 * regular expressions. The morning check prepares a million earlier entries with this.
 */
function comparisonCodes(text: string): { text: string; codes: number[] } {
  if (!NFKC_STABLE.test(text)) {
    const normalized = plainText(text).replace(/\p{Nd}+/gu, '0');
    return { text: normalized, codes: Array.from(normalized, (c) => c.charCodeAt(0)) };
  }
  const codes: number[] = [];
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) {
      codes.push(code);
      inDigits = false;
      continue;
    }
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code >= 0x61 && code <= 0x7a) {
      codes.push(code);
      inDigits = false;
    } else if (code >= 0x30 && code <= 0x39) {
      if (!inDigits) codes.push(0x30);
      inDigits = true;
    } else if (code > 0x7f) {
      const char = text[i]!;
      if (DIGIT.test(char)) {
        if (!inDigits) codes.push(0x30);
        inDigits = true;
      } else if (LETTER_OR_DIGIT.test(char)) {
        codes.push(char.toLowerCase().charCodeAt(0));
        inDigits = false;
      }
    }
  }
  return { text: String.fromCharCode(...codes), codes };
}

/** A text ready to compare: its normalised form, its length in characters and its bigrams. */
export interface Comparable {
  normalized: string;
  length: number;
  /**
   * The bigrams, each the pair of code points packed into one number, sorted (a multiset: a gram
   * that occurs twice is there twice). Sorted numbers intersect in one pass without a hash map,
   * which keeps the morning check's million comparisons cheap.
   */
  grams: Float64Array;
  size: number;
}

/**
 * Character bigrams of the normalised code units, each pair packed into one number (code points are
 * below 2^21, so a pair fits exactly in a double), sorted by insertion (entries are short); a
 * one-character text is its own single gram. Surrogate pairs are read as one code point.
 */
function bigrams(codes: number[]): { length: number; grams: Float64Array } {
  let points = codes;
  if (codes.some((c) => c >= 0xd800 && c <= 0xdfff)) {
    points = Array.from(String.fromCharCode(...codes), (c) => c.codePointAt(0)!);
  }
  const length = points.length;
  if (length === 1) return { length, grams: Float64Array.of(points[0]!) };
  const grams = new Float64Array(Math.max(length - 1, 0));
  for (let i = 0; i + 1 < length; i++) {
    const gram = points[i]! * 0x200000 + points[i + 1]!;
    let j = i;
    while (j > 0 && grams[j - 1]! > gram) {
      grams[j] = grams[j - 1]!;
      j -= 1;
    }
    grams[j] = gram;
  }
  return { length, grams };
}

export function comparable(text: string): Comparable {
  const { text: normalized, codes } = comparisonCodes(text);
  const { length, grams } = bigrams(codes);
  return { normalized, length, grams, size: grams.length };
}

/**
 * `comparable` through a small cache of recent texts, for plan entries only (never residents'
 * words): lines recur across officials and days ("参加党委会", "办公室坐班") and the morning check
 * compares every entry with the previous days'. A Comparable is never changed, so sharing one is
 * safe; the cache is bounded and simply emptied when full.
 */
export function recentComparable(text: string): Comparable {
  const known = RECENT.get(text);
  if (known) return known;
  const result = comparable(text);
  if (RECENT.size >= RECENT_MAX) RECENT.clear();
  RECENT.set(text, result);
  return result;
}

const RECENT = new Map<string, Comparable>();
const RECENT_MAX = 20_000;

/** Sørensen–Dice coefficient of the bigram multisets (see similarity). */
export function dice(a: Comparable, b: Comparable): number {
  if (a.normalized === b.normalized) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const x = a.grams;
  const y = b.grams;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x[i]! < y[j]!) i += 1;
    else j += 1;
  }
  return (2 * shared) / (a.size + b.size);
}

/**
 * How alike two texts are, 0..1: the Sørensen–Dice coefficient of the character bigrams of their
 * normalised forms (see normalizeForComparison). Identical after normalisation → 1 (two empty texts
 * included); nothing in common → 0. Symmetric. Word order matters only at the seams, so a reordered
 * sentence stays close.
 */
export function similarity(a: string, b: string): number {
  return dice(comparable(a), comparable(b));
}
