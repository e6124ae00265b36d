/**
 * The local sensitive-word check: the admin's words, matched after normalising the comment so that
 * spaces, punctuation, full-width letters and case do not hide a word ("法 轮-功", "ＡＢＣ").
 */
export function normalizeForMatching(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // Drop everything but letters and digits (Chinese characters are letters).
      .replace(/[^\p{L}\p{N}]+/gu, '')
  );
}

export interface WordRule {
  word: string;
  /** The subtree the word applies to ("/1/" covers the whole county). */
  unitPath: string;
}

export class SensitiveWordMatcher {
  private readonly rules: Array<{ normalized: string; word: string; unitPath: string }>;

  constructor(rules: WordRule[]) {
    this.rules = rules
      .map((r) => ({ normalized: normalizeForMatching(r.word), word: r.word, unitPath: r.unitPath }))
      .filter((r) => r.normalized.length > 0);
  }

  /** The words found in `text` among those applying to a comment routed to `unitPath`. */
  find(text: string, unitPath: string): string[] {
    const normalized = normalizeForMatching(text);
    return [
      ...new Set(
        this.rules
          .filter((r) => unitPath.startsWith(r.unitPath) && normalized.includes(r.normalized))
          .map((r) => r.word),
      ),
    ];
  }
}
