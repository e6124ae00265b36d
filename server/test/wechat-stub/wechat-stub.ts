import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the WeChat server API on 127.0.0.1, with the real request and response shapes and
 * error codes of the endpoints the product calls. Tests point WECHAT_API_BASE at it.
 *
 * Login codes: "code:<openid>[:<nonce>]" logs in as <openid> (each code once: a second use answers 40163);
 * "invalid" → 40029, "busy" → -1, "ratelimit" → 45011, "slow" → answers after `slowMs`.
 * Phone codes: "phone:<number>" → that number; anything else → 40029.
 * Content: text containing "违禁" → risky (label 20006); containing "待审" → review (21000).
 * Subscribe: touser "nosub" → 43101; values longer than the type allows → 47003.
 */
export interface WechatStubState {
  appId: string;
  secret: string;
  /** Tokens currently valid; others answer 40001. */
  validTokens: Set<string>;
  issuedTokens: number;
  stableTokenCalls: number;
  forcedRefreshes: number;
  tokenTtlSeconds: number;
  usedCodes: Set<string>;
  slowMs: number;
  /** Answer every call with this errcode (e.g. -1) while set. */
  outage: number | null;
  sent: Array<{ touser: string; template_id: string; page: string; data: Record<string, { value: string }> }>;
  calls: Array<{ path: string; query: Record<string, string> }>;
}

export interface WechatStub {
  url: string;
  state: WechatStubState;
  /** Invalidates every token (as if WeChat expired them early); the next API call answers 42001. */
  expireTokens(): void;
  close(): Promise<void>;
}

const LIMITS: Record<string, number> = { thing: 20, phrase: 5, character_string: 32, name: 20, number: 32 };

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const error = (errcode: number, errmsg: string) => ({ errcode, errmsg });

export async function startWechatStub(
  options: Partial<Pick<WechatStubState, 'appId' | 'secret'>> = {},
): Promise<WechatStub> {
  const state: WechatStubState = {
    appId: options.appId ?? 'wx1234567890abcdef',
    secret: options.secret ?? 'stub-secret-0123456789',
    validTokens: new Set(),
    issuedTokens: 0,
    stableTokenCalls: 0,
    forcedRefreshes: 0,
    tokenTtlSeconds: 7200,
    usedCodes: new Set(),
    slowMs: 0,
    outage: null,
    sent: [],
    calls: [],
  };
  let current: string | null = null;

  const tokenError = (token: string | undefined) => {
    if (!token) return error(41001, 'access_token missing');
    if (!state.validTokens.has(token))
      return error(token.startsWith('stub-token-') ? 42001 : 40001, 'access_token expired');
    return null;
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams);
      state.calls.push({ path: url.pathname, query });
      if (state.outage !== null) return send(res, error(state.outage, 'system error'));

      if (url.pathname === '/sns/jscode2session' && req.method === 'GET') {
        if (query.appid !== state.appId || query.secret !== state.secret)
          return send(res, error(40125, 'invalid appsecret'));
        if (query.grant_type !== 'authorization_code') return send(res, error(40002, 'invalid grant_type'));
        const code = query.js_code ?? '';
        if (code === 'busy') return send(res, error(-1, 'system error'));
        if (code === 'ratelimit') return send(res, error(45011, 'api minute-quota reach limit'));
        if (code === 'slow') await new Promise((resolve) => setTimeout(resolve, state.slowMs));
        const match = /^code:([^:]+)(?::.*)?$/.exec(code);
        if (!match && code !== 'slow') return send(res, error(40029, 'invalid code'));
        if (state.usedCodes.has(code)) return send(res, error(40163, 'code been used'));
        state.usedCodes.add(code);
        return send(res, {
          openid: match ? match[1] : 'slow-user',
          session_key: 'c2Vzc2lvbi1rZXktbmV2ZXItbGVhdmVz',
        });
      }

      if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
        state.stableTokenCalls += 1;
        const body = await readJson(req);
        if (body.grant_type !== 'client_credential') return send(res, error(40002, 'invalid grant_type'));
        if (body.appid !== state.appId || body.secret !== state.secret)
          return send(res, error(40125, 'invalid appsecret'));
        if (body.force_refresh === true) state.forcedRefreshes += 1;
        if (!current || !state.validTokens.has(current) || body.force_refresh === true) {
          if (current) state.validTokens.delete(current);
          state.issuedTokens += 1;
          current = `stub-token-${state.issuedTokens}`;
          state.validTokens.add(current);
        }
        return send(res, { access_token: current, expires_in: state.tokenTtlSeconds });
      }

      if (req.method !== 'POST') return send(res, error(43002, 'require POST method'));
      const failure = tokenError(query.access_token);
      const body = await readJson(req);

      if (url.pathname === '/wxa/business/getuserphonenumber') {
        if (failure) return send(res, failure);
        const match = /^phone:(\d{11})$/.exec(String(body.code ?? ''));
        if (!match) return send(res, error(40029, 'invalid code'));
        return send(res, {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: match[1],
            purePhoneNumber: match[1],
            countryCode: '86',
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: state.appId },
          },
        });
      }

      if (url.pathname === '/wxa/msg_sec_check') {
        if (failure) return send(res, failure);
        if (body.version !== 2 || typeof body.content !== 'string' || !body.openid) {
          return send(res, error(47001, 'data format error'));
        }
        const content = body.content;
        const result = content.includes('违禁')
          ? { suggest: 'risky', label: 20006 }
          : content.includes('待审')
            ? { suggest: 'review', label: 21000 }
            : { suggest: 'pass', label: 100 };
        return send(res, { errcode: 0, errmsg: 'ok', detail: [], trace_id: 'stub-trace', result });
      }

      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        if (failure) return send(res, failure);
        const message = body as unknown as WechatStubState['sent'][number];
        if (!message.touser || !message.template_id) return send(res, error(40003, 'invalid openid'));
        if (message.touser === 'nosub') return send(res, error(43101, 'user refuse to accept the msg'));
        for (const [key, { value }] of Object.entries(message.data ?? {})) {
          const limit = LIMITS[key.replace(/\d+$/, '')];
          if (limit !== undefined && Array.from(value).length > limit)
            return send(res, error(47003, `argument invalid! data.${key}.value`));
        }
        state.sent.push(message);
        return send(res, { errcode: 0, errmsg: 'ok', msgid: state.sent.length });
      }

      return send(res, error(40066, 'invalid url'));
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    expireTokens: () => state.validTokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
