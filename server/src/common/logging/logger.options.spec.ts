import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../../config/app.config';
import { httpLoggerOptions, loggedPath } from './logger.options';

describe('the access log', () => {
  const sut = (url: string) =>
    (
      httpLoggerOptions({ logLevel: 'info' } as AppConfig).serializers!.req as (req: object) => {
        path: string;
      }
    )({ id: '1', method: 'GET', url }).path;

  it('never writes a 查询码 into the log line', () => {
    expect(sut('/api/v1/tickets/lookup/ABCD2345')).toBe('/api/v1/tickets/lookup/:queryCode');
    expect(sut('/api/v1/tickets/lookup/abcd2345?x=1')).toBe('/api/v1/tickets/lookup/:queryCode');
  });

  it('hides the code however Express would still route it (case, repeated slashes)', () => {
    expect(loggedPath('/API/v1/Tickets/LOOKUP/abcd2345')).not.toContain('abcd2345');
    expect(loggedPath('//api/v1/tickets//lookup/abcd2345/')).not.toContain('abcd2345');
  });

  it('keeps other paths as they are, without the query string', () => {
    expect(sut('/api/v1/tickets/42?name=王')).toBe('/api/v1/tickets/42');
    expect(loggedPath('/api/v1/tickets/public')).toBe('/api/v1/tickets/public');
  });
});

describe('the access log of a real request', () => {
  /** A server whose only middleware is the access log, writing its lines into `lines`. */
  async function withLoggedServer(
    handle: (req: IncomingMessage & { log: Logger }, res: ServerResponse) => void,
    run: (url: string) => Promise<void>,
  ): Promise<string[]> {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const sut = pinoHttp(httpLoggerOptions({ logLevel: 'info' } as AppConfig), stream);
    const server = createServer((req, res) => {
      sut(req, res);
      handle(req as IncomingMessage & { log: Logger }, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    return lines;
  }

  const KEY = 'o311_0123456789ab0123456789abcdef0123456789ab';

  it('never writes an api_key sent in a GET query string, whatever its case or place', async () => {
    const lines = await withLoggedServer(
      (_req, res) => res.end('[]'),
      async (url) => {
        for (const query of [`api_key=${KEY}`, `status=open&api_key=${KEY}&x=1`, `API_KEY=${KEY}`]) {
          await (await fetch(`${url}/open311/v2/requests.json?${query}`)).text();
        }
      },
    );
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(KEY.slice(5));
      expect(JSON.parse(line)).toMatchObject({ req: { path: '/open311/v2/requests.json' } });
    }
  });

  it('removes an api_key from whatever a handler logs with the request', async () => {
    const lines = await withLoggedServer(
      (req, res) => {
        req.log.warn(
          { api_key: KEY, body: { api_key: KEY, apiKey: KEY }, form: { fields: { api_key: KEY } } },
          'x',
        );
        res.end();
      },
      async (url) => {
        await (await fetch(`${url}/open311/v2/requests.json`, { method: 'POST' })).text();
      },
    );
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).not.toContain(KEY.slice(5));
  });
});
