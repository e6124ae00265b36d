import type { WilsonInterval } from '@jinri/shared';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.96;

/**
 * The Wilson score interval of a share `successes / total` (Wilson 1927):
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √( p(1−p)/n + z²/4n² )
 *   interval = [centre − half, centre + half]
 *
 * Unlike p ± z·√(p(1−p)/n) it stays within [0, 1] and stays wide for small n even when p is 0 or 1:
 * 3 of 3 gives [0.44, 1], 300 of 300 gives [0.99, 1]. null when total is 0 (nothing measured).
 * Successes are clamped to [0, total].
 */
export function wilson(successes: number, total: number, z = Z95): WilsonInterval | null {
  if (!(total > 0)) return null;
  const n = total;
  const p = Math.min(Math.max(successes, 0), n) / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clamp(centre - half), high: clamp(centre + half) };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
