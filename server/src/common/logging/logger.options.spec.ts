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
