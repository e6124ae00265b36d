import { createHash, randomBytes } from 'node:crypto';
import { mulberry32 } from '../../common/random';

/**
 * THE spot-check draw (抽签), written down so that anyone can redo it from a recorded sample:
 *
 * 1. the candidates are today's published entries of the scope, as ascending entry ids (duplicates
 *    removed);
 * 2. the seed (any text; the server picks 16 random hex characters when none is given) is hashed
 *    with SHA-256, and the first 4 bytes of the digest, read big-endian, are a 32-bit number;
 * 3. that number seeds mulberry32 (common/random.ts), which drives a Fisher–Yates shuffle of the ids
 *    (from the last position down: swap position i with position floor(r·(i+1)));
 * 4. the first `size` ids of the shuffled list are the picks, in that order.
 *
 * The same seed over the same candidates always draws the same entries; a different seed, or one
 * candidate more or less, draws differently. It is not secret: the seed is shown with the sample.
 */
export function drawSample(candidateIds: readonly number[], seed: string, size: number): number[] {
  const ids = candidateOrder(candidateIds);
  const random = mulberry32(seedNumber(seed));
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, Math.max(0, size));
}

/** The documented order of the candidates: ascending entry ids, each once. */
export function candidateOrder(candidateIds: readonly number[]): number[] {
  return [...new Set(candidateIds)].sort((a, b) => a - b);
}

/** The 32-bit number a seed stands for: the first 4 bytes of its SHA-256 digest (UTF-8), big-endian. */
export function seedNumber(seed: string): number {
  return createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
}

/** A fresh seed when the supervisor gives none: 16 hex characters from the system's CSPRNG. */
export function newSeed(): string {
  return randomBytes(8).toString('hex');
}
