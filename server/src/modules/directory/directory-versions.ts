/**
 * Version counters of the directory (in cache_versions). Search indexes on every instance follow
 * them: the whole directory's counter rebuilds everything, a county's counter only that county.
 */
export const DIRECTORY_CACHE = 'directory';

/** Per-county counters: "dir:<county unit id>". */
export const COUNTY_PREFIX = 'dir:';

/** The counter of the county at `path` ("/1/2/" → "dir:2"). */
export function countyCounter(path: string): string {
  return `${COUNTY_PREFIX}${path.split('/').filter(Boolean).pop() ?? '0'}`;
}
