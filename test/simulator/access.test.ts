// Discovery, Basic authentication and sessions of the simulator, spoken to with plain fetch.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { basic, call, login, serviceUrl } from './plain-client.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('discovery', () => {
  it('describes version 1.0 as CURRENT with the authentication URL of this simulator', async () => {
    sim = await startSimulator();
    const response = await fetch(`${sim.restUrl}/api/rest`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { versions: Array<Record<string, string>> };
    expect(body.versions[0]).toMatchObject({
      id: '1.0',
      status: 'CURRENT',
      publicUrl: `${sim.restUrl}/api/rest/authenticate?version=1.0`,
      internalUrl: `${sim.restUrl}/api/rest/authenticate?version=1.0`,
    });
  });

  it('answers 405 with an error body to any method but GET', async () => {
    sim = await startSimulator();
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${sim.restUrl}/api/rest`, { method });
      expect(response.status).toBe(405);
      expect(await response.json()).toMatchObject({ code: 405, httpStatus: 'METHOD_NOT_ALLOWED' });
    }
  });
});

describe('authentication', () => {
  const authUrl = (s: Simulator) => `${s.restUrl}/api/rest/authenticate?version=1.0`;

  it('challenges a request without credentials with 401 and WWW-Authenticate: Basic', async () => {
    sim = await startSimulator();
    const response = await fetch(authUrl(sim));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a wrong password with 401 and counts no authentication', async () => {
    sim = await startSimulator();
    const response = await fetch(authUrl(sim), {
      headers: { authorization: basic('oxe31001', 'nope') },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(sim.counts().authentications).toBe(0);
  });

  it('accepts the documented default user and sets the AlcUserId cookie', async () => {
    sim = await startSimulator();
    const response = await fetch(authUrl(sim), {
      headers: { authorization: basic('oxe31001', 'Tr0mbone!Quiet#42') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^AlcUserId=[^;]+; Path=\//);
    expect(await response.json()).toMatchObject({
      loginName: 'oxe31001',
      expired: false,
      publicUrl: `${sim.restUrl}/api/rest/1.0/sessions`,
      internalUrl: `${sim.restUrl}/api/rest/1.0/sessions`,
    });
    expect(sim.counts().authentications).toBe(1);
  });

  it('decodes UTF-8 credentials and passwords containing colons', async () => {
    sim = await startSimulator();
    sim.addUser({ loginName: 'oxe40000', password: 'pâté:à:la:crème', extension: '40000' });
    const ok = await fetch(authUrl(sim), {
      headers: { authorization: basic('oxe40000', 'pâté:à:la:crème') },
    });
    expect(ok.status).toBe(200);
    const truncated = await fetch(authUrl(sim), {
      headers: { authorization: basic('oxe40000', 'pâté') },
    });
    expect(truncated.status).toBe(401);
    const notBasic = await fetch(authUrl(sim), { headers: { authorization: 'Bearer abc' } });
    expect(notBasic.status).toBe(401);
  });

  it('refuses to open a session without an authentication cookie', async () => {
    sim = await startSimulator();
    const response = await fetch(`${sim.restUrl}/api/rest/1.0/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"applicationName":"x"}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 401, type: 'UNAUTHORIZED' });
  });
});

describe('sessions', () => {
  it('opens a session with capitalised service names, reads it, and closes it with 204', async () => {
    sim = await startSimulator({ sessionTtlSeconds: 120 });
    const who = await login(sim);
    expect(who.session).toMatchObject({ login: 'oxe19141', timeToLive: 120, admin: false });
    expect(who.session.services.map((s) => s.serviceName)).toEqual(
      expect.arrayContaining(['Telephony', 'Users', 'Routing', 'EventSummary', 'Subscriptions']),
    );
    expect((await call(who, 'GET', who.sessionsUrl)).json).toMatchObject({ login: 'oxe19141' });
    expect((await call(who, 'DELETE', who.sessionsUrl)).status).toBe(204);
    expect((await call(who, 'GET', who.sessionsUrl)).status).toBe(401);
    expect(sim.counts().sessionsOpen).toBe(0);
  });

  it('answers 400 for a session request without applicationName or with bad JSON', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const missing = await call(who, 'POST', who.sessionsUrl, {});
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({
      code: 400,
      helpMessage: expect.stringContaining('applicationName'),
    });
    expect((await call(who, 'POST', who.sessionsUrl, '{"applicationName":')).status).toBe(400);
  });

  it('expires a session after its timeToLive: REST and keepalive then answer 401', async () => {
    sim = await startSimulator({ sessionTtlSeconds: 1 });
    const who = await login(sim);
    const users = serviceUrl(who, 'users');
    expect((await call(who, 'GET', `${users}/oxe19141`)).status).toBe(200);
    await sim.waitFor(() => sim?.counts().sessionsOpen === 0, 'expiry', 3000);
    expect((await call(who, 'GET', `${users}/oxe19141`)).status).toBe(401);
    expect((await call(who, 'POST', `${who.sessionsUrl}/keepalive`)).status).toBe(401);
  });

  it('keeps a session alive with keepalive (204) past its timeToLive', async () => {
    sim = await startSimulator({ sessionTtlSeconds: 1 });
    const who = await login(sim);
    // Five keepalives 300 ms apart span 1.5 s, well past the 1 s timeToLive.
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await call(who, 'POST', `${who.sessionsUrl}/keepalive`)).status).toBe(204);
    }
    expect((await call(who, 'GET', who.sessionsUrl)).status).toBe(200);
  });

  it('lets any request keep the session alive when configured to', async () => {
    sim = await startSimulator({ sessionTtlSeconds: 1, keepaliveResetsOnAnyRequest: true });
    const who = await login(sim);
    const logins = serviceUrl(who, 'logins');
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await call(who, 'GET', logins)).status).toBe(200);
    }
  });

  it('does not count ordinary requests as activity by default', async () => {
    sim = await startSimulator({ sessionTtlSeconds: 1 });
    const who = await login(sim);
    const logins = serviceUrl(who, 'logins');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await call(who, 'GET', logins)).status).toBe(200);
    await sim.waitFor(() => sim?.counts().sessionsOpen === 0, 'expiry', 3000);
    expect((await call(who, 'GET', logins)).status).toBe(401);
  });

  it('serves services at the relativeUrls it publishes, whatever their case', async () => {
    sim = await startSimulator({
      services: [
        { serviceName: 'USERS', relativeUrl: '/directory/people' },
        { serviceName: 'subscriptions', relativeUrl: '/subs' },
      ],
    });
    const who = await login(sim);
    const user = await call(who, 'GET', `${serviceUrl(who, 'users')}/oxe19140`);
    expect(user.status).toBe(200);
    expect((await call(who, 'GET', `${who.base}/users/oxe19140`)).status).toBe(404);
  });
});

describe('private and public addresses', () => {
  it('publishes public URLs under publicHostname and private ones under 127.0.0.1', async () => {
    sim = await startSimulator({ publicHostname: 'localhost' });
    const port = new URL(sim.restUrl).port;
    const discovery = (await (await fetch(`${sim.restUrl}/api/rest`)).json()) as {
      versions: Array<{ publicUrl: string; internalUrl: string }>;
    };
    expect(discovery.versions[0]?.publicUrl).toBe(
      `http://localhost:${port}/api/rest/authenticate?version=1.0`,
    );
    expect(discovery.versions[0]?.internalUrl).toBe(
      `${sim.restUrl}/api/rest/authenticate?version=1.0`,
    );
    const who = await login(sim);
    expect(who.session.publicBaseUrl).toBe(`http://localhost:${port}/api/rest/1.0`);
    expect(who.session.privateBaseUrl).toBe(`${sim.restUrl}/api/rest/1.0`);
    const subscription = await call(who, 'POST', serviceUrl(who, 'subscriptions'), {
      filter: { selectors: [{ names: ['telephony'] }] },
    });
    const body = subscription.json as Record<string, string>;
    expect(new URL(body.publicPollingUrl ?? '').hostname).toBe('localhost');
    expect(new URL(body.privatePollingUrl ?? '').hostname).toBe('127.0.0.1');
  });

  it("lists the same user's other sessions", async () => {
    sim = await startSimulator();
    const first = await login(sim, 'oxe19141');
    const second = await login(sim, 'oxe19141');
    await login(sim, 'oxe19140');
    const info = (await call(second, 'GET', second.sessionsUrl)).json as {
      otherSessions: Array<{ sessionId: string; timeToLive: number }>;
    };
    expect(info.otherSessions).toHaveLength(1);
    expect(info.otherSessions[0]).toMatchObject({ timeToLive: 1800 });
    expect((await call(first, 'GET', first.sessionsUrl)).status).toBe(200);
  });
});

describe('users and logins', () => {
  it('returns a User with companyPhone and devices, by login or by number', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const users = serviceUrl(who, 'users');
    const byLogin = await call(who, 'GET', `${users}/oxe19140`);
    expect(byLogin.json).toMatchObject({
      loginName: 'oxe19140',
      companyPhone: '19140',
      devices: [{ type: 'DESKPHONE', id: '19140' }],
    });
    expect((await call(who, 'GET', `${users}?companyPhone=19140`)).json).toEqual(byLogin.json);
    const missing = await call(who, 'GET', `${users}/oxe00000`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 404, httpStatus: 'NOT_FOUND' });
  });

  it('lists logins', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const answer = await call(who, 'GET', serviceUrl(who, 'logins'));
    expect(answer.json).toEqual({ loginNames: ['oxe19140', 'oxe19141', 'oxe31001'] });
  });

  it('answers an unknown path with 404 and a service call without cookie with 401', async () => {
    sim = await startSimulator();
    expect((await fetch(`${sim.restUrl}/nowhere`)).status).toBe(404);
    expect((await fetch(`${sim.restUrl}/api/rest/1.0/logins`)).status).toBe(401);
  });
});
