import { Brackets } from 'typeorm';

/**
 * A WHERE condition "the unit `alias` lies in one of these subtrees", on materialised paths
 * ("/1/4/" covers "/1/4/17/"). Parameters are named after `tag`, so several can share a query.
 */
export function inSubtrees(alias: string, paths: string[], tag = 'subtree'): Brackets {
  return new Brackets((where) => {
    paths.forEach((path, i) =>
      where.orWhere(`${alias}.path LIKE :${tag}${i}`, { [`${tag}${i}`]: `${path}%` }),
    );
  });
}
