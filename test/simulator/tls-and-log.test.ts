// HTTPS with the generated test CA (trusted and not trusted), and the request log's redaction
// of passwords, cookies and subscription ids.
import { readFile } from 'node:fs/promises';
import { Agent, get as httpGet } from 'node:http';
import { get } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, login, RawStream, serviceUrl, subscribe } from './plain-client.js';

let sim: Simulator | undefined;
const streams: RawStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await sim?.stop();
  sim = undefined;
});

function httpsGet(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { ...(ca ? { ca } : {}) }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

describe('HTTPS', () => {
  it('serves both ports over TLS with a certificate the generated CA vouches for', async () => {
    sim = await startSimulator({ tls: true, heartbeatMs: null });
    expect(sim.restUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.eventPortUrl).toMatch(/^https:/);
    expect(sim.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(await readFile(sim.caPath ?? '', 'utf8')).toBe(sim.caPem);

    const ca = sim.caPem ?? '';
    expect(await httpsGet(`${sim.restUrl}/api/rest`, ca)).toBe(200);
    const port = new URL(sim.restUrl).port;
    expect(await httpsGet(`https://localhost:${port}/api/rest`, ca)).toBe(200);

    const stream = new RawStream(`${sim.eventPortUrl}/OTEvents?subscriptionId=nope`, 'POST', ca);
    streams.push(stream);
    await stream.until((s) => s.status !== 0, 'a status');
    expect(stream.status).toBe(404);
  });

  it('is refused by a client that does not trust the CA', async () => {
    sim = await startSimulator({ tls: true });
    await expect(httpsGet(`${sim.restUrl}/api/rest`)).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/),
    });
  });

  it('removes the CA file when stopped', async () => {
    sim = await startSimulator({ tls: true });
    const path = sim.caPath ?? '';
    await sim.stop();
    sim = undefined;
    await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('request log', () => {
  it('records method, path, status, connection and time without any secret', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const who = await login(sim, 'oxe31001');
    const subscription = await subscribe(who);
    const stream = new RawStream(subscription.pollingUrl, 'GET');
    streams.push(stream);
    await stream.untilLines(1);
    await call(who, 'DELETE', `${serviceUrl(who, 'subscriptions')}/${subscription.id}`);
    await fetch(`${sim.restUrl}/api/rest/authenticate?version=1.0`, {
      headers: { authorization: 'Basic b3hlMzEwMDE6d3Jvbmc=' },
    });

    const log = sim.requestLog;
    expect(log.map((e) => [e.method, e.status])).toEqual([
      ['GET', 200],
      ['GET', 200],
      ['POST', 200],
      ['POST', 200],
      ['GET', 200],
      ['DELETE', 204],
      ['GET', 401],
    ]);
    expect(log[4]).toMatchObject({ port: 'event', path: '/OTEvents?subscriptionId=<redacted>' });
    expect(log[5]?.path).toBe('/api/rest/1.0/subscriptions/<redacted>');
    for (const entry of log) {
      expect(entry.connection).toBeGreaterThan(0);
      expect(entry.at).toBeGreaterThan(0);
    }
    const text = JSON.stringify(log);
    const cookieValue = who.cookie.split('=')[1] ?? '';
    for (const secret of [
      'Tr0mbone!Quiet#42',
      cookieValue,
      subscription.id,
      'b3hlMzEwMDE6d3Jvbmc',
    ]) {
      expect(secret.length).toBeGreaterThan(5);
      expect(text).not.toContain(secret);
    }
  });

  it('tells keep-alive reuse apart from new connections', async () => {
    sim = await startSimulator();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const fetchOnce = (a: Agent) =>
      new Promise<void>((resolve, reject) => {
        httpGet(`${sim?.restUrl}/api/rest`, { agent: a }, (response) => {
          response.resume();
          response.on('end', resolve);
        }).on('error', reject);
      });
    await fetchOnce(agent);
    await fetchOnce(agent);
    const fresh = new Agent({ keepAlive: false });
    await fetchOnce(fresh);
    agent.destroy();
    fresh.destroy();
    const [first, second, third] = sim.requestLog;
    expect(first?.connection).toBe(second?.connection);
    expect(third?.connection).not.toBe(first?.connection);
  });
});
