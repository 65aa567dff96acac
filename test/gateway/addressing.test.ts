// Addresses and URLs: parsing what the user typed, the https rewrite of protocol §1.3, service
// folding, private/public selection, and over real sockets: auto mode falling back to public,
// an unreachable gateway, an unreachable event port, and every request through a proxy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ensureHttps, parseGatewayAddress } from '../../electron/gateway/config.js';
import { reachOrder } from '../../electron/gateway/login.js';
import { readSessionInfo, resolveServices } from '../../electron/gateway/services.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

describe('gateway address', () => {
  it('host and host:port mean https; an explicit http:// URL keeps its scheme', () => {
    expect(parseGatewayAddress('o2g.example.test').discoveryUrl).toBe(
      'https://o2g.example.test/api/rest',
    );
    expect(parseGatewayAddress(' o2g.example.test:8443 ').discoveryUrl).toBe(
      'https://o2g.example.test:8443/api/rest',
    );
    const plain = parseGatewayAddress('http://127.0.0.1:4000/anything');
    expect(plain).toMatchObject({
      discoveryUrl: 'http://127.0.0.1:4000/api/rest',
      secure: false,
      port: 4000,
    });
    expect(parseGatewayAddress('[::1]:9443')).toMatchObject({ hostname: '::1', port: 9443 });
  });

  it('refuses what cannot be an address, saying why', () => {
    expect(() => parseGatewayAddress('')).toThrow(ConfigError);
    expect(() => parseGatewayAddress('ftp://host')).toThrow(/https:\/\/ or http:\/\//);
    expect(() => parseGatewayAddress('https://user:pw@host')).toThrow(/own fields/);
    expect(() => parseGatewayAddress('host:notaport')).toThrow(/not a host name/);
  });

  it('moves http auth/session URLs to https only when discovery was https, dropping :80', () => {
    const url = 'http://o2g.corp.example.test:80/api/rest/1.0/sessions';
    expect(ensureHttps(url, true)).toBe('https://o2g.corp.example.test/api/rest/1.0/sessions');
    expect(ensureHttps('http://h:8080/x', true)).toBe('https://h:8080/x');
    expect(ensureHttps(url, false)).toBe(url);
  });

  it('orders private and public URLs by access mode', () => {
    const urls = { internalUrl: 'http://in/a', publicUrl: 'https://out/a' };
    expect(reachOrder('auto', urls).map((u) => u.reach)).toEqual(['private', 'public']);
    expect(reachOrder('public', urls)).toEqual([{ reach: 'public', url: 'https://out/a' }]);
    expect(reachOrder('auto', { internalUrl: 'x', publicUrl: 'x' })).toHaveLength(1);
  });

  it('matches service names case-insensitively and folds /telephony* entries', () => {
    const info = readSessionInfo({
      timeToLive: 60,
      publicBaseUrl: 'https://out/api/rest/1.0/',
      privateBaseUrl: 'http://in/api/rest/1.0',
      services: [
        { serviceName: 'TELEPHONY', relativeUrl: '/telephony' },
        { serviceName: 'BasicTelephony', relativeUrl: '/telephony/basicCall' },
        { serviceName: 'EventSummary', relativeUrl: '/eventsummary' },
        { serviceName: 'Users', relativeUrl: 'users' },
      ],
    });
    const publicServices = resolveServices(info, 'public');
    expect(publicServices.telephony).toBe('https://out/api/rest/1.0/telephony');
    expect(publicServices.eventSummary).toBe('https://out/api/rest/1.0/eventsummary');
    expect(publicServices.users).toBe('https://out/api/rest/1.0/users');
    expect(publicServices.routing).toBeUndefined();
    expect(publicServices.byName.has('basictelephony')).toBe(false);
    expect(resolveServices(info, 'private').telephony).toBe('http://in/api/rest/1.0/telephony');
    const absolute = readSessionInfo({
      publicBaseUrl: 'https://out/api/rest/1.0',
      services: [{ serviceName: 'Routing', relativeUrl: 'https://other/api/rest/1.0/routing/' }],
    });
    expect(resolveServices(absolute, 'public').routing).toBe('https://other/api/rest/1.0/routing');
  });
});

let h: Harness | undefined;
const servers: http.Server[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A minimal forward proxy on loopback that records what went through it. */
async function forwardProxy(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const url = await serve((req, res) => {
    seen.push(`${req.method} ${new URL(req.url ?? '/').pathname}`);
    const upstream = http.request(
      req.url ?? '/',
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return { url, seen };
}

describe('reaching the gateway', () => {
  it('auto mode tries the private address first, then the public one', async () => {
    h = await startHarness({ heartbeatMs: null });
    const dead = await closedPort();
    const sim = h.sim;
    const discovery = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          versions: [
            {
              id: '1.0',
              status: 'CURRENT',
              internalUrl: `http://127.0.0.1:${dead}/api/rest/authenticate?version=1.0`,
              publicUrl: `${sim.restUrl}/api/rest/authenticate?version=1.0`,
            },
          ],
        }),
      );
    });
    await h.engine.start(h.config('oxe19141', { server: discovery }));
    await h.waitForView((v) => v.connection.status === 'online', 'online through public');
    expect(h.logLines.some((l) => l.includes('"reach":"public"'))).toBe(true);

    await h.engine.start(h.config('oxe19141', { server: discovery, accessMode: 'private' }));
    await h.waitForView((v) => v.connection.status === 'unreachable', 'private only: unreachable');
  });

  it('an address nobody answers on is "unreachable", with the next attempt time', async () => {
    h = await startHarness({ heartbeatMs: null });
    await h.engine.start(
      h.config('oxe19141', { server: `http://127.0.0.1:${await closedPort()}` }),
    );
    const view = await h.waitForView((v) => v.connection.status === 'unreachable', 'unreachable');
    expect(view.connection.reason).toMatch(/refused/);
    expect(view.connection.nextAttemptAt).toBeGreaterThan(Date.now() - 1000);
  });

  it('REST works but the event port refuses: "event-port-unreachable"', async () => {
    h = await startHarness({ heartbeatMs: null });
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/OTEvents?subscriptionId=sub.fake`;
    h.sim.faults.failEndpoint({ method: 'POST', path: '/subscriptions' }, 200, 1, {
      subscriptionId: 'sub.fake',
      status: 'ACCEPTED',
      privatePollingUrl: url,
      publicPollingUrl: url,
    });
    await h.engine.start(h.config('oxe19141'));
    const view = await h.waitForView(
      (v) => v.connection.status === 'event-port-unreachable',
      'event port',
    );
    expect(view.connection.reason).toContain(`port ${port}`);
    expect(view.tray).toBe('offline');
  });

  it('sends REST and the event stream through an explicit proxy', async () => {
    h = await startHarness({ heartbeatMs: null });
    const { url: proxy, seen } = await forwardProxy();
    await h.engine.start(h.config('oxe19141', { proxy }));
    await h.waitForView((v) => v.connection.status === 'online', 'online through the proxy');
    await h.sim.placeCall({ number: '0240123456' }, 'oxe19141');
    await h.waitForView((v) => v.tray === 'ringing', 'ringing through the proxy');
    expect(seen).toEqual(
      expect.arrayContaining([
        // Every step of the flow, the event stream included, went through the proxy.
        'GET /api/rest',
        'GET /api/rest/authenticate',
        'POST /api/rest/1.0/sessions',
        'POST /api/rest/1.0/subscriptions',
        'POST /OTEvents',
      ]),
    );
  });
});

describe('proxy from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of [
      'HTTP_PROXY',
      'HTTPS_PROXY',
      'NO_PROXY',
      'http_proxy',
      'https_proxy',
      'no_proxy',
    ]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('follows HTTP_PROXY, and NO_PROXY bypasses it', async () => {
    h = await startHarness({ heartbeatMs: null });
    const { url, seen } = await forwardProxy();
    process.env.HTTP_PROXY = url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online through HTTP_PROXY');
    expect(seen).toContain('POST /OTEvents');

    seen.length = 0;
    process.env.NO_PROXY = '127.0.0.1';
    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online directly');
    expect(seen).toEqual([]);
  });
});
