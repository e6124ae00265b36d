import { pinyin } from 'pinyin-pro';

/**
 * An in-memory search index over matters and officials for what residents actually type: Chinese
 * words and phrases, full pinyin ("dibao"), initials ("db"), everyday synonyms ("盖房子"), homophone
 * typos ("底保"), small pinyin typos ("dibai") and mixed input ("我想办低保"). It works the same on
 * every database (no FULLTEXT), and is rebuilt from rows when the directory version changes.
 */

export interface IndexField {
  text: string;
  /** How much a match in this field counts (name 1, keywords/synonyms 0.9, …). */
  weight: number;
}

export interface IndexDoc {
  kind: 'matter' | 'official';
  id: number;
  fields: IndexField[];
}

interface Term {
  doc: number;
  weight: number;
  text: string;
  /** Full pinyin without spaces ("dibaoshenqing"). */
  pinyin: string;
  /** Syllable starts in `pinyin`, for matching from any syllable ("shenqing"). */
  starts: number[];
  initials: string;
}

export interface SearchHit {
  kind: 'matter' | 'official';
  id: number;
  score: number;
}

/** Filler words in questions ("我想办低保怎么弄"): removed before matching. */
export const FILLERS = [
  '我想',
  '我要',
  '想要',
  '请问',
  '怎么',
  '怎样',
  '如何',
  '哪里',
  '在哪',
  '找谁',
  '谁管',
  '办理',
  '申请',
  '一下',
  '咨询',
  '的',
  '了',
  '吗',
  '呢',
  '啊',
  '办',
  '弄',
  '去',
];

const CJK = /[\u3400-\u9fff]/;
const normalize = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

function toPinyin(text: string): { pinyin: string; starts: number[]; initials: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const starts: number[] = [];
  let position = 0;
  for (const s of syllables) {
    starts.push(position);
    position += s.length;
  }
  return { pinyin: syllables.join(''), starts, initials: syllables.map((s) => s[0]).join('') };
}

function bigrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** Edit distance with a cutoff (returns cutoff + 1 when larger). */
function editDistance(a: string, b: string, cutoff: number): number {
  if (Math.abs(a.length - b.length) > cutoff) return cutoff + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > cutoff) return cutoff + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** A sorted list of (key, term) pairs: every term whose key starts with a prefix, by binary search. */
class PrefixList {
  private keys: string[] = [];
  private terms: number[] = [];
  private pending: Array<[string, number]> = [];

  add(key: string, term: number): void {
    if (key) this.pending.push([key, term]);
  }

  private settle(): void {
    if (this.pending.length === 0) return;
    const all = this.keys.map((k, i) => [k, this.terms[i]!] as [string, number]).concat(this.pending);
    all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.keys = all.map(([k]) => k);
    this.terms = all.map(([, t]) => t);
    this.pending = [];
  }

  /** Terms whose key starts with `prefix`, at most `cap` of them. */
  range(prefix: string, cap = Infinity): number[] {
    this.settle();
    return this.rangeSettled(prefix, cap);
  }

  /** Sorts what was added; done once after a build so the first search does not pay for it. */
  finish(): void {
    this.settle();
  }

  private rangeSettled(prefix: string, cap: number): number[] {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.keys.length && out.length < cap && this.keys[i]!.startsWith(prefix); i++)
      out.push(this.terms[i]!);
    return out;
  }
}

/** Candidates scored per query before the fuzzy pass gives up (keeps the worst case bounded). */
const FUZZY_CAP = 1500;
/** A one- or two-letter query ("li") matches a large part of all names: score a bounded sample. */
const SHORT_CAP = 1000;

export class SearchIndex {
  private readonly docs: IndexDoc[] = [];
  private readonly terms: Term[] = [];
  /** Chinese character or bigram → term indexes. */
  private readonly byGram = new Map<string, number[]>();
  /** Full pinyin of each term ("dibaoshenqing"). */
  private readonly byPinyin = new PrefixList();
  /** Pinyin from each later syllable ("baoshenqing", "shenqing", "qing"). */
  private readonly bySyllable = new PrefixList();
  /** Initials of each term ("dbsq"). */
  private readonly byInitials = new PrefixList();
  /** Scratch space reused by every search: per-term and per-doc stamps instead of Sets and Maps. */
  private stamp = 0;
  private termStamp = new Uint32Array(0);
  private docStamp = new Uint32Array(0);
  private docScore = new Float64Array(0);

  static build(docs: IndexDoc[]): SearchIndex {
    const index = new SearchIndex();
    for (const doc of docs) index.add(doc);
    index.byPinyin.finish();
    index.bySyllable.finish();
    index.byInitials.finish();
    return index;
  }

  get size(): number {
    return this.docs.length;
  }

  add(doc: IndexDoc): void {
    const docIndex = this.docs.push(doc) - 1;
    for (const field of doc.fields) {
      const text = normalize(field.text);
      if (!text) continue;
      const { pinyin: py, starts, initials } = toPinyin(text);
      const termIndex =
        this.terms.push({ doc: docIndex, weight: field.weight, text, pinyin: py, starts, initials }) - 1;
      const grams = new Set([...Array.from(text).filter((c) => CJK.test(c)), ...bigrams(text)]);
      for (const gram of grams) push(this.byGram, gram, termIndex);
      this.byPinyin.add(py, termIndex);
      for (const start of starts.slice(1)) this.bySyllable.add(py.slice(start), termIndex);
      this.byInitials.add(initials, termIndex);
    }
  }

  /** Best hits first; at most `limit` per kind. */
  search(raw: string, limit = 10): { matters: SearchHit[]; officials: SearchHit[] } {
    let query = normalize(raw);
    for (const filler of FILLERS) {
      if (query.length > filler.length + 1) query = query.split(filler).join('');
    }
    if (!query) return { matters: [], officials: [] };
    const latin = !CJK.test(query);
    const queryPinyin = latin ? query : toPinyin(query).pinyin;
    const queryGrams = latin ? [] : bigrams(query);
    if (this.termStamp.length < this.terms.length) this.termStamp = new Uint32Array(this.terms.length * 2);
    if (this.docStamp.length < this.docs.length) {
      this.docStamp = new Uint32Array(this.docs.length * 2);
      this.docScore = new Float64Array(this.docs.length * 2);
    }
    const stamp = ++this.stamp;
    const touched: number[] = [];
    let strongCount = 0;
    const score = (terms: Iterable<number>) => {
      for (const t of terms) {
        if (this.termStamp[t] === stamp) continue;
        this.termStamp[t] = stamp;
        const term = this.terms[t]!;
        const value =
          term.weight *
          (latin ? this.scoreLatin(term, query) : this.scoreChinese(term, query, queryPinyin, queryGrams));
        if (value <= 0) continue;
        const doc = term.doc;
        if (this.docStamp[doc] !== stamp) {
          this.docStamp[doc] = stamp;
          this.docScore[doc] = 0;
          touched.push(doc);
        }
        if (value > this.docScore[doc]!) {
          if (value >= 0.7 && this.docScore[doc]! < 0.7) strongCount += 1;
          this.docScore[doc] = value;
        }
      }
    };
    const strong = () => strongCount;
    const empty = () => touched.length === 0;

    if (latin) {
      const cap = query.length <= 2 ? SHORT_CAP : Infinity;
      score(this.byPinyin.range(query, cap));
      if (query.length >= 2) score(this.byInitials.range(query, cap));
      if (query.length >= 3) score(this.bySyllable.range(query));
      // Typos: same first two letters, scored with an edit distance, bounded.
      if (query.length >= 4 && strong() < limit) score(this.byPinyin.range(query.slice(0, 2), FUZZY_CAP));
    } else if (query.length === 1) {
      score(this.byGram.get(query) ?? []);
    } else {
      for (const gram of bigrams(query)) score(this.byGram.get(gram) ?? []);
      // Homophone typos ("底保" for 低保): terms whose pinyin starts with the query's.
      if (queryPinyin.length >= 4 && strong() < limit) score(this.byPinyin.range(queryPinyin, FUZZY_CAP));
      // Nothing shares even two characters in a row: fall back to single characters, bounded.
      if (empty()) for (const c of Array.from(query)) score((this.byGram.get(c) ?? []).slice(0, FUZZY_CAP));
    }

    // Top `limit` per kind by selection, not a sort of every candidate.
    const matters: SearchHit[] = [];
    const officials: SearchHit[] = [];
    const better = (a: SearchHit, b: SearchHit) => a.score > b.score || (a.score === b.score && a.id < b.id);
    for (const doc of touched) {
      const d = this.docs[doc]!;
      const hit = { kind: d.kind, id: d.id, score: this.docScore[doc]! };
      const list = d.kind === 'matter' ? matters : officials;
      if (list.length === limit && !better(hit, list[limit - 1]!)) continue;
      // Make room at the end (a full list drops its worst), then move the hit up to its place: each
      // doc is placed exactly once, so no id appears twice.
      if (list.length < limit) list.push(hit);
      let i = list.length - 1;
      while (i > 0 && better(hit, list[i - 1]!)) {
        list[i] = list[i - 1]!;
        i -= 1;
      }
      list[i] = hit;
    }
    return { matters, officials };
  }

  private scoreChinese(term: Term, query: string, queryPinyin: string, grams: string[]): number {
    if (term.text === query) return 1;
    if (term.text.startsWith(query)) return 0.92;
    if (query.length >= 2 && term.text.includes(query)) return 0.85;
    if (term.text.length >= 2 && query.includes(term.text))
      return 0.8 * Math.min(1, (term.text.length + 1) / query.length);
    if (queryPinyin.length >= 4 && term.pinyin === queryPinyin) return 0.78;
    if (queryPinyin.length >= 4 && term.pinyin.startsWith(queryPinyin)) return 0.72;
    if (query.length < 2) return 0;
    let shared = 0;
    for (const g of grams) if (term.text.includes(g)) shared += 1;
    if (shared === 0) return 0;
    const dice = (2 * shared) / (grams.length + Math.max(1, term.text.length - 1));
    return dice >= 0.3 ? 0.6 * dice : 0;
  }

  private scoreLatin(term: Term, query: string): number {
    if (term.pinyin === query) return 0.95;
    if (term.pinyin.startsWith(query) && query.length >= 2)
      return 0.75 + 0.2 * (query.length / term.pinyin.length);
    if (term.initials === query && query.length >= 2) return 0.9;
    if (term.initials.startsWith(query) && query.length >= 2)
      return 0.7 + 0.2 * (query.length / term.initials.length);
    if (query.length >= 3 && term.starts.some((s) => s > 0 && term.pinyin.startsWith(query, s))) return 0.6;
    if (query.length >= 4) {
      const head = term.pinyin.slice(0, query.length);
      if (editDistance(query, head, 1) <= 1) return 0.55;
      if (query.length >= 6 && editDistance(query, term.pinyin, 2) <= 2) return 0.5;
    }
    return 0;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
