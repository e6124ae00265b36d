import { createHash, randomBytes } from 'node:crypto';
import { LOTTERY_ALGORITHM } from '@jinri/shared';
import { addDays } from '../../common/time/local-time';

/**
 * THE lottery draw (抽签晒), version `sha256-min/1` (docs/lottery.md; docs/verify-lottery.mjs is the
 * same function in plain Node for anyone to run):
 *
 * 1. seed: 32 bytes from the system's CSPRNG, written as 64 lowercase hex characters; kept secret
 *    until the reveal. commitment = SHA-256 of that text (UTF-8), lowercase hex, published first;
 * 2. each candidate (a published day plan) has the key "<planId>:<date>:<officialId>";
 * 3. h(k) = SHA-256(seed + ":" + k), lowercase hex;
 * 4. the drawn are the `size` candidates with the smallest h (hex order, which is numeric order for
 *    equal lengths; equal h — never seen in practice — ordered by key), ranked from the smallest.
 *
 * Each candidate's chance depends on the seed alone, not on the other candidates or their order, so a
 * list cannot be arranged to favour anyone once the seed is committed: the only lever left is leaving
 * a plan out, which anyone can see against the public plans of the week.
 */
export const ALGORITHM_VERSION = LOTTERY_ALGORITHM.version;

export interface CandidateKeyParts {
  planId: number;
  date: string;
  officialId: number;
}

export interface DrawnKey {
  key: string;
  hash: string;
  rank: number;
}

export function candidateKey(c: CandidateKeyParts): string {
  return `${c.planId}:${c.date}:${c.officialId}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What is published before the week ends. */
export function commitmentOf(seed: string): string {
  return sha256Hex(seed);
}

export function lotteryHash(seed: string, key: string): string {
  return sha256Hex(`${seed}:${key}`);
}

/** The draw: the `size` keys with the smallest h(k), each key once. */
export function drawLottery(seed: string, keys: readonly string[], size: number): DrawnKey[] {
  return [...new Set(keys)]
    .map((key) => ({ key, hash: lotteryHash(seed, key) }))
    .sort((a, b) => compare(a.hash, b.hash) || compare(a.key, b.key))
    .slice(0, Math.max(0, size))
    .map((d, i) => ({ ...d, rank: i + 1 }));
}

/** The canonical order of the published candidate list: date, then plan id. */
export function canonicalOrder<T extends CandidateKeyParts>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => compare(a.date, b.date) || a.planId - b.planId);
}

/** A fresh secret seed: 32 random bytes as 64 lowercase hex characters. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** The ISO week label of the week starting on `monday`: 2026-W48. */
export function isoWeekLabel(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear =
    (Date.UTC(year, Number(thursday.slice(5, 7)) - 1, Number(thursday.slice(8, 10))) - Date.UTC(year, 0, 1)) /
      86_400_000 +
    1;
  return `${year}-W${String(Math.floor((dayOfYear - 1) / 7) + 1).padStart(2, '0')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
