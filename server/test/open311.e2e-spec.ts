import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Open311KeyCreated, Open311KeyView } from '@jinri/shared';
import { XMLParser } from 'fast-xml-parser';
import type { DataSource } from 'typeorm';
import { call } from './app';
import { testDatabases } from './databases';
import { MONDAY_10AM, ticketsApp } from './tickets-app';

const SCHEMAS = join(__dirname, 'fixtures', 'open311-georeport-v2');
const schema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, `${name}.json`), 'utf8')) as object;

/** The official GeoReport v2 JSON schemas (fixtures/open311-georeport-v2/SOURCE.md). */
function georeportValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of ['request', 'service', 'service-definition'])
    ajv.addSchema({ ...schema(name), $id: `${name}.json` });
  return {
    requests: ajv.compile({ ...schema('requests'), $id: 'requests-list' }),
    services: ajv.compile({ ...schema('services'), $id: 'services-list' }),
    definition: ajv.getSchema('service-definition.json')!,
  };
}

type Geo = Record<string, unknown>;
const xml = new XMLParser({ parseTagValue: false });

describe.each(testDatabases())('Open311 GeoReport v2 on %s', (_name, makeDatabase) => {
  const tickets = ticketsApp(`open311_${_name}`, makeDatabase);
  const { publish, text } = tickets;
  let url = '';
  let data: DataSource;
  let admin = '';
  let resident = '';
  let key: Open311KeyCreated;

  /** An Open311 POST as the spec sends it: application/x-www-form-urlencoded. */
  const post = async (path: string, fields: Record<string, string>) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const body = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', body };
  };
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };
  const matterCode = async () =>
    (await call<Geo[]>(url, 'GET', '/open311/v2/services.json')).body[0]!.service_code as string;
  const fields = async (extra: Record<string, string> = {}) => ({
    api_key: key.apiKey,
    service_code: await matterCode(),
    description: text('路口的井盖松动了，车辆经过时响声很大'),
    lat: '35.0701',
    long: '116.3125',
    address_string: '金乡县中心街与建设路路口',
    ...extra,
  });

  beforeAll(async () => {
    ({ url, data } = tickets.fixture());
    ({ resident } = await tickets.at(MONDAY_10AM));
    admin = await tickets.demo('admin');
    const county = (await data.query(
      "SELECT id FROM units WHERE kind = 'county' ORDER BY id LIMIT 1",
    )) as Array<{
      id: number;
    }>;
    const created = await call<Open311KeyCreated>(url, 'POST', '/admin/open311/keys', {
      token: admin,
      body: { name: '12345 热线平台', jurisdictionUnitId: county[0]!.id, ratePerHour: 50 },
    });
    expect(created.status).toBe(201);
    key = created.body;
  });
  beforeEach(async () => {
    ({ resident } = await tickets.at(MONDAY_10AM));
    admin = await tickets.demo('admin');
  });

  describe('API keys', () => {
    it('shows the key once and stores only its hash', async () => {
      expect(key.apiKey).toMatch(/^o311_[0-9a-f]{40}$/);
      const listed = await call<Open311KeyView[]>(url, 'GET', '/admin/open311/keys', { token: admin });
      expect(JSON.stringify(listed.body)).not.toContain(key.apiKey);
      const rows = (await data.query('SELECT key_hash FROM open311_api_keys')) as Array<{ key_hash: string }>;
      expect(JSON.stringify(rows)).not.toContain(key.apiKey.slice(5));
    });

    it('refuses a bad, a missing and a revoked key with 403 in the requested format', async () => {
      const bad = await post('/open311/v2/requests.json', await fields({ api_key: 'o311_nope' }));
      expect([bad.status, JSON.parse(bad.body)]).toEqual([
        403,
        [{ code: 403, description: 'api_key 无效或已停用' }],
      ]);
      const { api_key: _unused, ...keyless } = await fields();
      expect((await post('/open311/v2/requests.json', keyless)).status).toBe(403);
      const badXml = await post('/open311/v2/requests.xml', await fields({ api_key: 'o311_nope' }));
      expect(badXml.type).toContain('application/xml');
      expect(xml.parse(badXml.body)).toEqual({
        '?xml': '',
        errors: { error: { code: '403', description: 'api_key 无效或已停用' } },
      });
      const other = await call<Open311KeyCreated>(url, 'POST', '/admin/open311/keys', {
        token: admin,
        body: { name: '另一个平台', jurisdictionUnitId: key.jurisdictionUnitId },
      });
      expect(
        (await post('/open311/v2/requests.json', await fields({ api_key: other.body.apiKey }))).status,
      ).toBe(201);
      const revoked = await call(url, 'POST', `/admin/open311/keys/${other.body.id}/revoke`, {
        token: admin,
      });
      expect(revoked.status).toBe(201);
      expect(
        (await post('/open311/v2/requests.json', await fields({ api_key: other.body.apiKey }))).status,
      ).toBe(403);
    });

    it('is for admins only', async () => {
      expect((await call(url, 'GET', '/admin/open311/keys', { token: resident })).status).toBe(403);
    });
  });

  describe('POST requests', () => {
    it('files a ticket authored by the integrator, with every standard field kept and the contact private', async () => {
      const created = await post(
        '/open311/v2/requests.json',
        await fields({
          email: 'zhang@example.com',
          phone: '13812345678',
          first_name: '三',
          last_name: '张',
          device_id: 'device-42',
          account_id: 'account-42',
          address_id: 'addr-7',
          media_url: 'https://example.com/photo.jpg',
          'attribute[place]': '',
          not_in_the_spec: 'ignored',
        }),
      );
      expect(created.status).toBe(201);
      const [answer] = JSON.parse(created.body) as Geo[];
      const id = Number(answer!.service_request_id);
      const [ticket] = (await data.query(
        'SELECT t.author_user_id AS author, t.status, t.moderation FROM tickets t WHERE t.id = ?',
        [id],
      )) as Array<{ author: number; status: string; moderation: string }>;
      const [integrator] = (await data.query('SELECT user_id FROM open311_api_keys WHERE id = ?', [
        key.id,
      ])) as Array<{
        user_id: number;
      }>;
      expect(ticket!.author).toBe(integrator!.user_id);
      expect(ticket!.moderation).toBe('held');
      const stored = JSON.stringify(
        await data.query('SELECT * FROM open311_requests WHERE ticket_id = ?', [id]),
      );
      expect(stored).not.toMatch(/zhang@example|13812345678|device-42|account-42/);
      await publish(id);
      const one = JSON.parse((await get(`/open311/v2/requests/${id}.json`)).body) as Geo[];
      expect(one[0]).toMatchObject({
        service_request_id: String(id),
        address: '金乡县中心街与建设路路口',
        address_id: 'addr-7',
        lat: 35.0701,
        long: 116.3125,
        media_url: 'https://example.com/photo.jpg',
      });
      expect(one[0]!.agency_responsible).toEqual(expect.any(String));
      expect(one[0]!.expected_datetime).toEqual(expect.any(String));
      expect(JSON.stringify(one)).not.toMatch(/zhang@example|13812345678|device-42|account-42|张/);
      const asXml = xml.parse((await get(`/open311/v2/requests/${id}.xml`)).body) as {
        service_requests: { request: Geo };
      };
      expect(asXml.service_requests.request).toMatchObject({
        service_request_id: String(id),
        lat: '35.0701',
      });
    });

    it('answers a created request in XML with the spec element names', async () => {
      const created = await post('/open311/v2/requests.xml', await fields());
      expect(created.status).toBe(201);
      const parsed = xml.parse(created.body) as { service_requests: { request: Geo } };
      expect(parsed.service_requests.request.service_request_id).toMatch(/^\d+$/);
    });

    it('names the field of a bad request: no location, a too long description', async () => {
      const { lat: _lat, long: _long, address_string: _address, ...nowhere } = await fields();
      const missing = await post('/open311/v2/requests.json', nowhere);
      expect(missing.status).toBe(400);
      expect(missing.body).toContain('a location is required');
      const long = await post('/open311/v2/requests.json', await fields({ description: '长'.repeat(4001) }));
      expect([long.status, long.body]).toEqual([400, expect.stringContaining('description: at most 4000')]);
      expect(
        (await post('/open311/v2/requests.json', await fields({ description: text('长'.repeat(3900)) })))
          .status,
      ).toBe(201);
      const unknown = await post('/open311/v2/requests.json', await fields({ service_code: 'nope' }));
      expect([unknown.status, unknown.body]).toEqual([400, expect.stringContaining('service_code')]);
    });

    it('gives comments on a plan entry their own service code, with its attribute', async () => {
      const definition = JSON.parse((await get('/open311/v2/services/entry-comment.json')).body) as Geo;
      expect(georeportValidator().definition(definition)).toBe(true);
      const created = await post(
        '/open311/v2/requests.json',
        await fields({
          service_code: 'entry-comment',
          'attribute[plan_entry_id]': String(tickets.fixture().entryId),
        }),
      );
      expect(created.status).toBe(201);
      const id = (JSON.parse(created.body) as Geo[])[0]!.service_request_id as string;
      await publish(Number(id));
      const listed = JSON.parse(
        (await get('/open311/v2/requests.json?service_code=entry-comment')).body,
      ) as Geo[];
      expect(listed.map((r) => r.service_request_id)).toContain(id);
      expect(listed.every((r) => r.service_code === 'entry-comment')).toBe(true);
    });

    it('limits a key to its requests per hour', async () => {
      const limited = await call<Open311KeyCreated>(url, 'POST', '/admin/open311/keys', {
        token: admin,
        body: { name: '限流测试', jurisdictionUnitId: key.jurisdictionUnitId, ratePerHour: 1 },
      });
      expect(
        (await post('/open311/v2/requests.json', await fields({ api_key: limited.body.apiKey }))).status,
      ).toBe(201);
      const over = await post('/open311/v2/requests.json', await fields({ api_key: limited.body.apiKey }));
      expect(over.status).toBe(429);
    });
  });

  describe('GET', () => {
    it('answers every list and definition as the official JSON schemas say', async () => {
      const validate = georeportValidator();
      const services = JSON.parse((await get('/open311/v2/services.json')).body) as Geo[];
      expect(validate.services(services) ? [] : validate.services.errors).toEqual([]);
      for (const service of services.slice(0, 3).concat(services.slice(-2))) {
        const definition = JSON.parse(
          (await get(`/open311/v2/services/${String(service.service_code)}.json`)).body,
        );
        expect(validate.definition(definition) ? [] : validate.definition.errors).toEqual([]);
      }
      const requests = JSON.parse((await get('/open311/v2/requests.json')).body) as Geo[];
      expect(requests.length).toBeGreaterThan(0);
      expect(validate.requests(requests) ? [] : validate.requests.errors).toEqual([]);
    });

    it('lists services and requests in XML with the spec element names, and the discovery document', async () => {
      const services = xml.parse((await get('/open311/v2/services.xml')).body) as {
        services: { service: Geo[] };
      };
      expect(services.services.service.length).toBeGreaterThan(2);
      const requests = xml.parse((await get('/open311/v2/requests.xml')).body) as {
        service_requests: { request: Geo[] };
      };
      expect(requests.service_requests.request.length).toBeGreaterThan(0);
      const definition = xml.parse((await get('/open311/v2/services/official-comment.xml')).body) as Geo;
      expect(definition).toMatchObject({
        service_definition: {
          service_code: 'official-comment',
          attributes: { attribute: { code: 'official_id' } },
        },
      });
      const discovery = JSON.parse((await get('/open311/v2/discovery.json')).body) as { endpoints: Geo[] };
      expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2' });
      expect(xml.parse((await get('/open311/v2/discovery.xml')).body)).toMatchObject({
        discovery: { endpoints: { endpoint: { formats: { format: ['text/xml', 'application/json'] } } } },
      });
    });

    it('filters: ids override the rest, several codes and statuses, empty parameters are absent', async () => {
      const all = JSON.parse((await get('/open311/v2/requests.json')).body) as Geo[];
      const ids = all.slice(0, 2).map((r) => r.service_request_id as string);
      const byIds = JSON.parse(
        (
          await get(
            `/open311/v2/requests.json?service_request_id=${ids.join(',')}&status=closed&service_code=x`,
          )
        ).body,
      ) as Geo[];
      expect(byIds.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
      const both = JSON.parse((await get('/open311/v2/requests.json?status=open,closed')).body) as Geo[];
      expect(both.length).toBe(all.length);
      const empty = JSON.parse(
        (await get('/open311/v2/requests.json?service_code=&status=&start_date=&end_date=&jurisdiction_id='))
          .body,
      ) as Geo[];
      expect(empty.length).toBe(all.length);
      const codes = [...new Set(all.map((r) => r.service_code as string))].slice(0, 2);
      const several = JSON.parse(
        (await get(`/open311/v2/requests.json?service_code=${codes.join(',')}`)).body,
      ) as Geo[];
      expect(several.length).toBe(all.filter((r) => codes.includes(r.service_code as string)).length);
    });

    it('enforces the 90-day window, refuses an unknown jurisdiction and answers 404 for requests/abc', async () => {
      const wide = await get(
        '/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z',
      );
      expect([wide.status, wide.body]).toEqual([400, expect.stringContaining('end_date')]);
      expect((await get('/open311/v2/requests.json?jurisdiction_id=nowhere')).status).toBe(400);
      expect((await get(`/open311/v2/requests.json?jurisdiction_id=${key.jurisdictionId}`)).status).toBe(200);
      expect((await get('/open311/v2/requests/abc.json')).status).toBe(404);
      const missingXml = await get('/open311/v2/requests/abc.xml');
      expect([missingXml.status, missingXml.type]).toEqual([404, expect.stringContaining('xml')]);
    });
  });

  describe('bodies the parsers refuse', () => {
    it('answers a body it cannot read with the spec errors list, in XML for .xml, not the API error shape', async () => {
      const send = async (path: string, type: string, body: string) => {
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': type },
          body,
        });
        return {
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          body: await response.text(),
        };
      };
      const json = await send('/open311/v2/requests.json', 'application/json', '{"api_key": ');
      expect([json.status, JSON.parse(json.body)]).toEqual([
        400,
        [{ code: 400, description: '请求内容不是有效的 JSON' }],
      ]);
      const asXml = await send('/open311/v2/requests.xml', 'application/json', '{not json');
      expect([asXml.status, asXml.type]).toEqual([400, expect.stringContaining('xml')]);
      expect(xml.parse(asXml.body)).toEqual({
        '?xml': '',
        errors: { error: { code: '400', description: '请求内容不是有效的 JSON' } },
      });
      const charset = await send(
        '/open311/v2/requests.xml',
        'application/x-www-form-urlencoded; charset=klingon',
        'service_code=x',
      );
      expect([charset.status, charset.body]).toEqual([
        415,
        expect.stringContaining('<errors><error><code>415'),
      ]);
      const tooLarge = await send(
        '/open311/v2/requests.json',
        'application/x-www-form-urlencoded',
        `description=${'a'.repeat(2_000_000)}`,
      );
      expect([tooLarge.status, JSON.parse(tooLarge.body)]).toEqual([
        413,
        [{ code: 413, description: '提交的内容过大' }],
      ]);
      // The main API keeps its own shape for the same body.
      const api = await send('/api/v1/tickets', 'application/json', '{"api_key": ');
      expect([api.status, JSON.parse(api.body)]).toEqual([
        400,
        expect.objectContaining({ code: 'COMMON.BAD_REQUEST', message: '请求内容不是有效的 JSON' }),
      ]);
    });
  });
});
