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

export class SearchIndex {
  private readonly docs: IndexDoc[] = [];
  private readonly terms: Term[] = [];
  /** Chinese character or bigram → term indexes. */
  private readonly byGram = new Map<string, number[]>();
  /** First two pinyin letters of the term and of each later syllable → term indexes. */
  private readonly byPinyin = new Map<string, number[]>();
  /** First letter of the initials → term indexes. */
  private readonly byInitial = new Map<string, number[]>();

  static build(docs: IndexDoc[]): SearchIndex {
    const index = new SearchIndex();
    for (const doc of docs) index.add(doc);
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
      for (const start of starts.length > 0 ? starts : [0])
        push(this.byPinyin, py.slice(start, start + 2), termIndex);
      if (initials) push(this.byInitial, initials[0]!, termIndex);
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
    const queryPinyin = toPinyin(query);
    const candidates = new Set<number>();
    const collect = (list: number[] | undefined) => list?.forEach((t) => candidates.add(t));
    if (latin) {
      collect(this.byPinyin.get(query.slice(0, 2)));
      collect(this.byInitial.get(query[0]!));
    } else {
      for (const gram of bigrams(query)) collect(this.byGram.get(gram));
      if (candidates.size === 0) for (const c of Array.from(query)) collect(this.byGram.get(c));
      // Homophone typos ("底保" for 低保): also candidates by pinyin.
      collect(this.byPinyin.get(queryPinyin.pinyin.slice(0, 2)));
    }

    const best = new Map<number, number>();
    for (const t of candidates) {
      const term = this.terms[t]!;
      const score =
        term.weight *
        (latin ? this.scoreLatin(term, query) : this.scoreChinese(term, query, queryPinyin.pinyin));
      if (score > (best.get(term.doc) ?? 0)) best.set(term.doc, score);
    }
    const hits = [...best].map(([doc, score]) => ({
      kind: this.docs[doc]!.kind,
      id: this.docs[doc]!.id,
      score,
    }));
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return {
      matters: hits.filter((h) => h.kind === 'matter').slice(0, limit),
      officials: hits.filter((h) => h.kind === 'official').slice(0, limit),
    };
  }

  private scoreChinese(term: Term, query: string, queryPinyin: string): number {
    if (term.text === query) return 1;
    if (term.text.startsWith(query)) return 0.92;
    if (query.length >= 2 && term.text.includes(query)) return 0.85;
    if (term.text.length >= 2 && query.includes(term.text))
      return 0.8 * Math.min(1, (term.text.length + 1) / query.length);
    if (queryPinyin.length >= 4 && term.pinyin === queryPinyin) return 0.78;
    if (queryPinyin.length >= 4 && term.pinyin.startsWith(queryPinyin)) return 0.72;
    const grams = bigrams(query);
    const own = new Set(bigrams(term.text));
    const shared = grams.filter((g) => own.has(g)).length;
    const dice = (2 * shared) / (grams.length + own.size);
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
      const distance = editDistance(query, head, 1);
      if (distance <= 1) return 0.55;
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
