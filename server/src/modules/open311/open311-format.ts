import { XMLBuilder } from 'fast-xml-parser';
import type { Response } from 'express';

/** The two formats GeoReport v2 defines; XML is the spec's required one. */
export type Open311Format = 'json' | 'xml';

export const OPEN311_FORMATS: readonly Open311Format[] = ['json', 'xml'];

/** The spec's XML element names: a root, and the element of each item in a list. */
export type XmlShape = { root: string; item?: string; lists?: Record<string, string> };

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true, processEntities: true });

/**
 * An answer as GeoReport XML: `value` is a list (each item an `item` element under `root`) or one
 * object (`root` itself). Nested arrays are wrapped as `lists` says (attributes → attribute). Null
 * becomes an empty element; booleans and numbers their text.
 */
export function toXml(value: unknown, shape: XmlShape): string {
  const lists = shape.lists ?? {};
  const convert = (node: unknown, name?: string): unknown => {
    if (node === null || node === undefined) return '';
    if (Array.isArray(node)) {
      const element = name ? lists[name] : undefined;
      const items = node.map((entry) => convert(entry));
      return element ? { [element]: items } : items;
    }
    if (typeof node === 'object')
      return Object.fromEntries(Object.entries(node as object).map(([key, v]) => [key, convert(v, key)]));
    return String(node);
  };
  const body =
    shape.item && Array.isArray(value)
      ? { [shape.root]: value.length ? { [shape.item]: value.map((entry) => convert(entry)) } : '' }
      : { [shape.root]: convert(value) };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(body) as string}`;
}

/** Sends an Open311 answer in the requested format. */
export function sendOpen311(
  response: Response,
  format: Open311Format,
  status: number,
  value: unknown,
  shape: XmlShape,
): void {
  response.status(status);
  if (format === 'xml') {
    response.type('application/xml; charset=utf-8').send(toXml(value, shape));
    return;
  }
  response.json(value);
}

/** The format of a request from its path (".xml" at the end), for answers that had no route. */
export function formatOfPath(path: string): Open311Format {
  return /\.xml$/i.test(path.split('?')[0] ?? '') ? 'xml' : 'json';
}

export const XML = {
  services: { root: 'services', item: 'service' },
  definition: { root: 'service_definition', lists: { attributes: 'attribute', values: 'value' } },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
  discovery: { root: 'discovery', lists: { endpoints: 'endpoint', formats: 'format' } },
} as const satisfies Record<string, XmlShape>;
