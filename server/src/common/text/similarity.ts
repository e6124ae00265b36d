/**
 * How alike two short texts are, for near-duplicates: a plan entry copied from an earlier day
 * (journals/plan-quality.ts) and a ticket that repeats an open one (tickets). Pure; each comparison
 * is linear in the text length.
 */

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** NFKC (full width → half width), lower case, letters and digits only. */
export function plainText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * The text as compared for near-duplicates: NFKC (full-width digits and letters become half width),
 * lower case, whitespace, punctuation and symbols (emoji included) removed, and every run of digits
 * replaced by one "0", so "检查1号地块" and "检查12号地块" compare equal while the words around the
 * number still count. Idempotent.
 */
export function normalizeForComparison(text: string): string {
  return plainText(text).replace(/\p{Nd}+/gu, '0');
}

/** A text ready to compare: its normalised form, its length in characters and its bigrams. */
export interface Comparable {
  normalized: string;
  length: number;
  grams: Map<string, number>;
  size: number;
}

/** Character bigrams with their counts; a one-character string is its own single gram. */
function bigrams(normalized: string): { grams: Map<string, number>; size: number } {
  const chars = Array.from(normalized);
  const grams = new Map<string, number>();
  if (chars.length === 1) return { grams: grams.set(chars[0], 1), size: 1 };
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return { grams, size: Math.max(chars.length - 1, 0) };
}

export function comparable(text: string): Comparable {
  const normalized = normalizeForComparison(text);
  return { normalized, length: Array.from(normalized).length, ...bigrams(normalized) };
}

/** Sørensen–Dice coefficient of the bigram multisets (see similarity). */
export function dice(a: Comparable, b: Comparable): number {
  if (a.normalized === b.normalized) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  let shared = 0;
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
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
