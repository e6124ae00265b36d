import { ConfigError, loadConfig } from './app.config';

describe('loadConfig', () => {
  it('starts the demo clock only together with the demo login', () => {
    expect(() => loadConfig({ DEMO_CLOCK: '2026-12-06T10:00:00+08:00' })).toThrow(/DEMO_CLOCK.*DEMO_LOGIN/);
    expect(() => loadConfig({ DEMO_LOGIN: '1', DEMO_CLOCK: '2026-12-06 10:00' })).toThrow(/DEMO_CLOCK/);
    const sut = loadConfig({ DEMO_LOGIN: '1', DEMO_CLOCK: '2026-12-06T10:00:00+08:00' });
    expect(sut.demoClock?.toISOString()).toBe('2026-12-06T02:00:00.000Z');
    expect(loadConfig({}).demoClock).toBeUndefined();
  });

  it('uses the embedded SQLite default under DATA_DIR when DATABASE_URL is unset', () => {
    const sut = loadConfig({ DATA_DIR: '/tmp/jinri-x' });
    expect(sut.database).toEqual({
      type: 'sqlite',
      sqlitePath: '/tmp/jinri-x/jinri.sqlite',
      migrationsRun: true,
    });
    expect(sut.port).toBe(3000);
  });

  it('switches to MySQL when DATABASE_URL is a mysql URL', () => {
    const sut = loadConfig({ DATABASE_URL: 'mysql://u:p@127.0.0.1:3306/jinri', PORT: '8080' });
    expect(sut.database.type).toBe('mysql');
    expect(sut.port).toBe(8080);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', SEED_DEMO: 'yes', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('SEED_DEMO');
    expect(message).toContain('LOG_LEVEL');
  });

  it('never prints the value of DATABASE_URL when it is malformed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://admin:s3cret@db/x' })).toThrow(/DATABASE_URL/);
    try {
      loadConfig({ DATABASE_URL: 'postgres://admin:s3cret@db/x' });
    } catch (e) {
      expect((e as Error).message).not.toContain('s3cret');
    }
  });

  it('takes the public H5 address of the printed board without its trailing slash, and refuses one that is not a URL', () => {
    expect(loadConfig({}).publicLinks).toEqual({ h5Url: null, weapp: false });
    expect(loadConfig({ DEMO_LOGIN: '1', PORT: '8080' }).publicLinks.h5Url).toBe('http://localhost:8080');
    expect(
      loadConfig({ PUBLIC_H5_URL: 'https://jinri.example.gov.cn/', WECHAT_APPID: 'wx0123456789abcdef' })
        .publicLinks,
    ).toEqual({ h5Url: 'https://jinri.example.gov.cn', weapp: true });
    expect(() => loadConfig({ PUBLIC_H5_URL: 'jinri.example.gov.cn' })).toThrow(
      /PUBLIC_H5_URL: must be an http\(s\) URL/,
    );
  });

  it('rejects a port outside 1-65535', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be an integer between 1 and 65535/);
  });

  it('refuses DEMO_LOGIN together with production, and production without its secrets', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DEMO_LOGIN: '1',
        JWT_SECRET: 'x'.repeat(40),
        ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
        WECHAT_APPID: 'wx0123456789abcdef',
        WECHAT_SECRET: 'a-real-looking-secret',
      }),
    ).toThrow(/DEMO_LOGIN: must not be enabled with NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required in production/);
  });
});
