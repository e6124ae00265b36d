import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { send } from './fuzz/fuzzer';

/**
 * The fuzzer's transport (test/fuzz/fuzzer.ts): a request that went out on a keep-alive socket the
 * server had just closed is sent again, and counted; a reset on a fresh socket is still an error,
 * so the fuzz spec's "no transport errors" keeps meaning the server answered everything.
 */
describe('the fuzzer sending a case', () => {
  let server: Server;
  let base: URL;
  let agent: Agent;
  /** What the server does with the n-th request on a connection (1-based). */
  let behaviour: (nth: number) => 'answer' | 'reset';
  const served = new WeakMap<Socket, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const nth = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, nth);
      if (behaviour(nth) === 'reset') req.socket.destroy();
      else res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  beforeEach(() => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });

  afterEach(() => agent.destroy());

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = { method: 'GET', path: '/', headers: {} };

  it('sends a request again when its reused keep-alive socket is reset before any answer', async () => {
    behaviour = (nth) => (nth === 1 ? 'answer' : 'reset');
    let stale = 0;
    expect((await send(base, agent, get, 2000, () => stale++)).status).toBe(200);
    // The second request goes out on the kept socket, which the server resets: sent again on a new one.
    expect((await send(base, agent, get, 2000, () => stale++)).status).toBe(200);
    expect(stale).toBe(1);
  });

  it('reports a reset on a fresh socket as an error', async () => {
    behaviour = () => 'reset';
    let stale = 0;
    await expect(send(base, agent, get, 2000, () => stale++)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(stale).toBe(0);
  });
});
