import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { API_PREFIX } from '@jinri/shared';
import { policyKey, POLICY } from './policy';

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [''] : Array.isArray(value) ? value : [value];

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/**
 * Every "METHOD /path" that a Nest controller handles, as Express registers it (global prefix
 * included). Middleware and the Swagger UI are not handlers and are not listed.
 */
export function registeredRoutes(discovery: DiscoveryService, scanner: MetadataScanner): string[] {
  const keys: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    const bases = asList(Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (paths === undefined || method === undefined) continue;
      for (const base of bases) {
        for (const path of asList(paths))
          keys.push(
            policyKey(
              RequestMethod[method],
              // Open311 and /metrics live outside the API prefix (see app.factory.ts).
              /^(open311|metrics)\b/.test(base.replace(/^\//, ''))
                ? joinPath(base, path)
                : joinPath(API_PREFIX, base, path),
            ),
          );
      }
    }
  }
  return keys.sort();
}

/** Routes the app serves that the policy table does not list (must be empty). */
export function routesMissingFromPolicy(discovery: DiscoveryService, scanner: MetadataScanner): string[] {
  return registeredRoutes(discovery, scanner).filter((key) => !(key in POLICY));
}
