import type { DataSource } from 'typeorm';
import { type LeaseOptions, withLease } from '../lease';

/**
 * The demo seed (SEED_DEMO) runs under its own lease: every part of it reads what is there, then
 * writes what is missing, so two instances starting at once must not both read "nothing yet". Each
 * part (the county, journals and tickets at module init, then flags, supervision, lotteries and record
 * views at application bootstrap) takes the lease in turn; an instance that waited finds the part done.
 */
export const DEMO_SEED_LEASE = 'demo-seed';

export function underDemoSeedLease<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
  options?: LeaseOptions,
): Promise<T> {
  return withLease(dataSource, DEMO_SEED_LEASE, work, options);
}
