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

  it('connects through the Unix socket named by DATABASE_SOCKET_PATH, and only with DATABASE_URL', () => {
    const url = 'mysql://u:p@localhost/jinri';
    const sut = loadConfig({ DATABASE_URL: url, DATABASE_SOCKET_PATH: '/run/mysqld/mysqld.sock' });
    expect(sut.database).toMatchObject({ type: 'mysql', url, socketPath: '/run/mysqld/mysqld.sock' });
    expect(loadConfig({ DATABASE_URL: url }).database.socketPath).toBeUndefined();
    expect(() => loadConfig({ DATABASE_SOCKET_PATH: '/run/mysqld/mysqld.sock' })).toThrow(
      /DATABASE_SOCKET_PATH: needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: url, DATABASE_SOCKET_PATH: 'mysqld.sock' })).toThrow(
      /DATABASE_SOCKET_PATH: must be the absolute path/,
    );
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

  describe('photo storage', () => {
    const s3 = {
      PHOTO_STORAGE: 's3',
      S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com/',
      S3_REGION: 'ap-guangzhou',
      S3_BUCKET: 'jinri-photos-1250000000',
      S3_ACCESS_KEY_ID: 'AKIDexample',
      S3_SECRET_ACCESS_KEY: 'very-secret-key-value',
    };

    it('keeps photos on local disk unless PHOTO_STORAGE=s3, whatever S3 variables are set', () => {
      expect(loadConfig({}).photos).toEqual({ kind: 'local' });
      expect(loadConfig({ ...s3, PHOTO_STORAGE: 'local' }).photos).toEqual({ kind: 'local' });
    });

    it('takes the bucket, its address without a trailing slash and the path style with PHOTO_STORAGE=s3', () => {
      expect(loadConfig(s3).photos).toEqual({
        kind: 's3',
        endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
        region: 'ap-guangzhou',
        bucket: 'jinri-photos-1250000000',
        accessKeyId: 'AKIDexample',
        secretAccessKey: 'very-secret-key-value',
        forcePathStyle: false,
      });
      expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: '1' }).photos).toMatchObject({ forcePathStyle: true });
      const { S3_ENDPOINT: _absent, ...aws } = s3;
      expect(loadConfig(aws).photos).not.toHaveProperty('endpoint');
    });

    it('names each missing S3 variable when PHOTO_STORAGE=s3', () => {
      expect(() => loadConfig({ PHOTO_STORAGE: 's3', S3_REGION: 'us-east-1' })).toThrow(
        /S3_BUCKET: is required with PHOTO_STORAGE=s3[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
      );
      expect(() => loadConfig({ PHOTO_STORAGE: 'disk' })).toThrow(/PHOTO_STORAGE: must be local or s3/);
      expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'cos.example' })).toThrow(/S3_ENDPOINT/);
      expect(() => loadConfig({ ...s3, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET/);
    });

    it('never prints the S3 keys when they are malformed', () => {
      let message = '';
      try {
        loadConfig({ ...s3, S3_ACCESS_KEY_ID: 'k1', S3_SECRET_ACCESS_KEY: 'short7!' });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
      expect(message).not.toContain('short7!');
      expect(message).not.toContain('"k1"');
    });
  });
});
