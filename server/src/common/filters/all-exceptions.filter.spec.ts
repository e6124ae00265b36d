import { type ArgumentsHost, BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { AppException } from '../errors/app.exception';
import { AllExceptionsFilter } from './all-exceptions.filter';

function host() {
  const response = {
    statusCode: 0,
    body: undefined as unknown,
    headers: {} as Record<string, string>,
    headersSent: false,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
  };
  const request = { id: 'req-1', method: 'GET', path: '/x' };
  const argumentsHost = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  return { response, argumentsHost };
}

describe('AllExceptionsFilter', () => {
  const sut = new AllExceptionsFilter();

  beforeEach(() => {
    // Keep the test output clean; what is logged is not under test here.
    jest.spyOn(sut['logger'], 'error').mockImplementation(() => undefined);
    jest.spyOn(sut['logger'], 'warn').mockImplementation(() => undefined);
  });

  it('answers an AppException with its code, status, details and headers', () => {
    const { response, argumentsHost } = host();
    sut.catch(
      new AppException('AUTH.WECHAT_UNAVAILABLE', undefined, { retry: true }, { 'Retry-After': '5' }),
      argumentsHost,
    );
    expect(response.statusCode).toBe(503);
    expect(response.headers['Retry-After']).toBe('5');
    expect(response.body).toEqual({
      code: 'AUTH.WECHAT_UNAVAILABLE',
      message: '微信服务繁忙，请稍后再试',
      details: { retry: true },
      requestId: 'req-1',
    });
  });

  it('gives every 429 a Retry-After, whoever threw it and whether or not it named one', () => {
    const named = host();
    sut.catch(AppException.rateLimited('TICKET.RATE_LIMITED', 600), named.argumentsHost);
    expect([named.response.statusCode, named.response.headers['Retry-After']]).toEqual([429, '600']);
    const unnamed = host();
    sut.catch(new AppException('COMMON.RATE_LIMITED'), unnamed.argumentsHost);
    expect(unnamed.response.headers['Retry-After']).toBe('60');
    const foreign = host();
    sut.catch(new HttpException('Too Many Requests', 429), foreign.argumentsHost);
    expect([foreign.response.statusCode, foreign.response.headers['Retry-After']]).toEqual([429, '60']);
  });

  it('maps Nest HTTP exceptions to shared codes by status', () => {
    const { response, argumentsHost } = host();
    sut.catch(new NotFoundException(), argumentsHost);
    expect(response.body).toMatchObject({ code: 'COMMON.NOT_FOUND' });
    const second = host();
    sut.catch(new BadRequestException('raw english text'), second.argumentsHost);
    expect(second.response.body).toMatchObject({ code: 'COMMON.BAD_REQUEST', message: '请求格式不正确' });
  });

  it('answers body-parser failures with 400 and 413 in the shared shape', () => {
    const malformed = host();
    sut.catch(
      Object.assign(new SyntaxError('Unexpected end'), {
        status: 400,
        expose: true,
        type: 'entity.parse.failed',
      }),
      malformed.argumentsHost,
    );
    expect(malformed.response.statusCode).toBe(400);
    expect(malformed.response.body).toMatchObject({
      code: 'COMMON.BAD_REQUEST',
      message: '请求内容不是有效的 JSON',
    });
    const tooLarge = host();
    sut.catch(
      Object.assign(new Error('too large'), { status: 413, expose: true, type: 'entity.too.large' }),
      tooLarge.argumentsHost,
    );
    expect(tooLarge.response.statusCode).toBe(413);
    expect(tooLarge.response.body).toMatchObject({ code: 'COMMON.PAYLOAD_TOO_LARGE' });
  });

  it('answers a lost lock race (deadlock, Galera certification) with 409 and Retry-After, not 500', () => {
    const { response, argumentsHost } = host();
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock'), {
      driverError: { errno: 1213, code: 'ER_LOCK_DEADLOCK' },
    });
    sut.catch(deadlock, argumentsHost);
    expect(response.statusCode).toBe(409);
    expect(response.body).toMatchObject({ code: 'COMMON.CONFLICT' });
    expect(response.headers['Retry-After']).toBe('1');
  });

  it('hides the details of an unexpected error behind 500 COMMON.INTERNAL', () => {
    const { response, argumentsHost } = host();
    sut.catch(new Error('SELECT secret FROM users'), argumentsHost);
    expect(response.statusCode).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(response.body).toMatchObject({ code: 'COMMON.INTERNAL' });
  });
});
