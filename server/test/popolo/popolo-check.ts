import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMAS = join(__dirname, '..', 'fixtures', 'popolo-1.0');
const BASE = 'http://www.popoloproject.com/schemas/';

/**
 * Draft-03 → draft-07, only what these schemas use (fixtures/popolo-1.0/SOURCE.md): a property's
 * `"required": true` moves to its parent's `required` list, `id` becomes `$id`, `$schema` goes.
 */
function toDraft07(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDraft07);
  if (!node || typeof node !== 'object') return node;
  const { $schema: _schema, id, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'required' && typeof value === 'boolean') continue;
    out[key] = key === 'properties' ? propertiesOf(value as Record<string, unknown>) : toDraft07(value);
  }
  if (typeof id === 'string') out.$id = id;
  const properties = rest.properties as Record<string, { required?: unknown }> | undefined;
  const required = Object.entries(properties ?? {})
    .filter(([, p]) => p && p.required === true)
    .map(([name]) => name);
  if (required.length > 0) out.required = required;
  return out;
}

function propertiesOf(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, toDraft07(p)]));
}

export interface PopoloSchemas {
  person: ValidateFunction;
  organization: ValidateFunction;
  post: ValidateFunction;
  membership: ValidateFunction;
  /** A whole document: persons, organizations, posts and memberships, each item against its schema. */
  document: ValidateFunction;
}

/** The Popolo 1.0 schemas (all 16, referencing each other by id) compiled with ajv. */
export function popoloSchemas(): PopoloSchemas {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')))
    ajv.addSchema(toDraft07(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'))) as object);
  const one = (name: string) => ajv.getSchema(`${BASE}${name}.json#`)!;
  const list = (name: string) => ({ type: 'array', items: { $ref: `${BASE}${name}.json#` } });
  return {
    person: one('person'),
    organization: one('organization'),
    post: one('post'),
    membership: one('membership'),
    document: ajv.compile({
      type: 'object',
      required: ['persons', 'organizations', 'posts', 'memberships'],
      properties: {
        persons: list('person'),
        organizations: list('organization'),
        posts: list('post'),
        memberships: list('membership'),
      },
    }),
  };
}

export interface LoadedPopolo {
  persons: number;
  organizations: number;
  posts: number;
  memberships: number;
  /** Every id that is referenced and not found, or defined twice ("membership/3 person_id person/9"). */
  problems: string[];
}

type Item = Record<string, unknown>;

/**
 * What a standard Popolo loader does with a document (everypolitician-popolo's Popolo(json): its
 * collections are json['persons'] etc., absent = empty, indexed by id; membership.person,
 * .organization and .post, post.organization and organization.parent are looked up by id and fail when
 * missing). No such loader installs here (PyPI is unreachable, npm has none), so this is that check.
 */
export function loadPopolo(json: unknown): LoadedPopolo {
  const doc = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const collection = (name: string): Item[] => (Array.isArray(doc[name]) ? (doc[name] as Item[]) : []);
  const persons = collection('persons');
  const organizations = collection('organizations');
  const posts = collection('posts');
  const memberships = collection('memberships');
  const problems: string[] = [];
  const index = (name: string, items: Item[]) => {
    const ids = new Set<string>();
    for (const item of items) {
      const id = String(item.id);
      if (ids.has(id)) problems.push(`${name}: ${id} twice`);
      ids.add(id);
    }
    return ids;
  };
  const personIds = index('persons', persons);
  const organizationIds = index('organizations', organizations);
  const postIds = index('posts', posts);
  index('memberships', memberships);
  const resolve = (item: Item, field: string, ids: Set<string>, optional: boolean) => {
    const value = item[field];
    if (value === undefined || value === null) {
      if (!optional) problems.push(`${String(item.id)} ${field} missing`);
    } else if (!ids.has(String(value))) problems.push(`${String(item.id)} ${field} ${String(value)}`);
  };
  for (const m of memberships) {
    resolve(m, 'person_id', personIds, false);
    resolve(m, 'organization_id', organizationIds, false);
    resolve(m, 'post_id', postIds, true);
  }
  for (const p of posts) resolve(p, 'organization_id', organizationIds, true);
  for (const o of organizations) resolve(o, 'parent_id', organizationIds, true);
  return {
    persons: persons.length,
    organizations: organizations.length,
    posts: posts.length,
    memberships: memberships.length,
    problems,
  };
}
