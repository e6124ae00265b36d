import { ConfigError, loadConfig } from '../../config/app.config';

describe('CORS_ORIGINS', () => {
  const sut = (CORS_ORIGINS?: string) =>
    loadConfig({ NODE_ENV: 'test', ...(CORS_ORIGINS ? { CORS_ORIGINS } : {}) });

  it('allows no origin when absent', () => {
    expect(sut().corsOrigins).toEqual([]);
  });

  it('reads origins separated by commas, spaces trimmed', () => {
    const config = sut('https://data.example.gov.cn, http://localhost:5173,http://10.0.0.5:8080');
    expect(config.corsOrigins).toEqual([
      'https://data.example.gov.cn',
      'http://localhost:5173',
      'http://10.0.0.5:8080',
    ]);
  });

  it.each([
    ['*'],
    ['https://data.example.gov.cn/'],
    ['https://data.example.gov.cn/path'],
    ['data.example.gov.cn'],
    ['ftp://data.example.gov.cn'],
    ['https://*.example.gov.cn'],
    ['https://Data.Example.gov.cn'],
    ['https://a.example.cn,'],
    ['https://a.example.cn;https://b.example.cn'],
  ])('refuses %s at startup, naming the variable', (value) => {
    expect(() => sut(value)).toThrow(ConfigError);
    expect(() => sut(value)).toThrow(/CORS_ORIGINS: must be origins separated by commas/);
  });
});
