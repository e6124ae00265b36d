#!/usr/bin/env node
// Recomputes a 抽签晒 draw from its public JSON and says whether it matches (docs/lottery.md).
// Plain Node 18+, no dependencies:
//   node docs/verify-lottery.mjs https://<server>/api/v1/lotteries/12
//   node docs/verify-lottery.mjs lottery-12.json          (a saved copy of the same JSON)
//   add --json for a machine-readable answer. Exit code 0: everything matches; 1: it does not;
//   2: the input could not be read or the seed is not revealed yet.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The key of a candidate: "<planId>:<date>:<officialId>". */
export const candidateKey = (c) => `${c.planId}:${c.date}:${c.official.id}`;

/** The draw (version sha256-min/1): the drawSize keys with the smallest SHA-256(seed + ":" + key). */
export function draw(seed, keys, size) {
  return [...new Set(keys)]
    .map((key) => ({ key, hash: sha256(`${seed}:${key}`) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((d, i) => ({ ...d, rank: i + 1 }));
}

/** Checks one lottery as GET /api/v1/lotteries/:id answers it. */
export function verify(lottery) {
  if (lottery.algorithm?.version !== 'sha256-min/1')
    throw new Error(`unknown algorithm ${lottery.algorithm?.version}`);
  if (typeof lottery.seed !== 'string') throw new Error('the seed is not revealed yet');
  const keys = lottery.candidates.map(candidateKey);
  const recomputed = draw(lottery.seed, keys, lottery.drawSize);
  const published = lottery.drawn.map((d) => ({ key: candidateKey(d), hash: d.hash, rank: d.rank }));
  const commitmentMatches = sha256(lottery.seed) === lottery.commitment;
  const keysMatch = lottery.candidates.every((c, i) => c.key === keys[i]);
  const countMatches = lottery.candidateCount === lottery.candidates.length;
  const drawMatches = JSON.stringify(recomputed) === JSON.stringify(published);
  return {
    id: lottery.id,
    week: lottery.week?.label,
    commitmentMatches,
    keysMatch,
    countMatches,
    drawMatches,
    matches: commitmentMatches && keysMatch && countMatches && drawMatches,
    candidates: keys.length,
    recomputed,
  };
}

async function load(source) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

async function main(args) {
  const source = args.find((a) => !a.startsWith('--'));
  if (!source) {
    console.error('usage: node docs/verify-lottery.mjs <url-or-file> [--json]');
    return 2;
  }
  let result;
  try {
    result = verify(await load(source));
  } catch (error) {
    console.error(`cannot verify: ${error.message}`);
    return 2;
  }
  if (args.includes('--json')) console.log(JSON.stringify(result));
  else {
    const yes = (ok) => (ok ? 'yes' : 'NO');
    console.log(`lottery ${result.id} (${result.week}), ${result.candidates} candidates`);
    console.log(`sha256(seed) equals the commitment: ${yes(result.commitmentMatches)}`);
    console.log(`candidate keys and count as published: ${yes(result.keysMatch && result.countMatches)}`);
    console.log('recomputed draw:');
    for (const d of result.recomputed) console.log(`  ${d.rank}. ${d.key}  ${d.hash}`);
    console.log(`matches the published result: ${yes(result.drawMatches)}`);
    console.log(result.matches ? 'VERIFIED' : 'MISMATCH');
  }
  return result.matches ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
