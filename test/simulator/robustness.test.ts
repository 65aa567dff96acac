// "Bad input gets the gateway's error shape, never a crash": every endpoint is hit with every
// method and a set of malformed bodies; nothing may answer 5xx, and the simulator keeps serving.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.js';
import { call, login, serviceUrl, subscribe } from './plain-client.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const BODIES = [
  undefined,
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '42',
  '{"deviceId":5,"callee":[],"redirectTo":{},"applicationName":false}',
  '{"filter":{"selectors":[{"names":"telephony"}]}}',
  '{"forwardRoute":{"destinations":[{"type":"NOWHERE"}]}}',
  JSON.stringify({ a: { b: { c: { d: { e: ['deep', { f: null }] } } } } }),
  '\u0000\u00ff',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

describe('robustness', () => {
  it('answers every method and malformed body on every endpoint without a 5xx', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const who = await login(sim, 'oxe19141');
    const subscription = await subscribe(who);
    const callRef = await sim.placeCall({ number: '0240123456' }, 'oxe19141');
    const telephony = serviceUrl(who, 'telephony');
    const routing = serviceUrl(who, 'routing');
    const urls = [
      `${sim.restUrl}/api/rest`,
      `${sim.restUrl}/api/rest/authenticate?version=1.0`,
      `${who.sessionsUrl}/keepalive`,
      `${serviceUrl(who, 'users')}/oxe19141`,
      `${serviceUrl(who, 'users')}/%E0%A4%A`,
      serviceUrl(who, 'logins'),
      serviceUrl(who, 'eventsummary'),
      `${serviceUrl(who, 'subscriptions')}/${subscription.id}x`,
      serviceUrl(who, 'subscriptions'),
      `${telephony}/state`,
      `${telephony}/state/snapshot`,
      `${telephony}/calls`,
      `${telephony}/calls/${callRef}/answer`,
      `${telephony}/calls/${callRef}/redirect`,
      `${telephony}/calls/${callRef}/hold`,
      `${telephony}/calls/${callRef}/nonsense`,
      `${telephony}/calls/${callRef}/a/b/c`,
      `${telephony}/basicCall`,
      `${telephony}/basicCall/answer`,
      `${telephony}/devices/19141`,
      `${routing}/dnd`,
      `${routing}/forwardroute`,
      `${routing}/state/snapshot`,
      `${sim.eventPortUrl}/OTEvents?subscriptionId=%zz`,
      `${sim.eventPortUrl}/elsewhere`,
    ];
    const attempts = urls.flatMap((url) =>
      METHODS.flatMap((method) =>
        (method === 'POST' ? BODIES : method === 'GET' ? [undefined] : ['', '{']).map((body) => ({
          url,
          method,
          body,
        })),
      ),
    );
    const answers = await Promise.all(
      attempts.map(async (attempt) => ({
        ...attempt,
        answer: await call(who, attempt.method, attempt.url, attempt.body),
      })),
    );
    const crashes = answers.filter(({ answer }) => answer.status >= 500);
    expect(crashes.map(({ method, url, body }) => `${method} ${url} ${String(body)}`)).toEqual([]);
    for (const { method, url, answer } of answers) {
      if (answer.status >= 400) {
        expect(answer.json, `${method} ${url}`).toMatchObject({ code: answer.status });
      }
    }
    expect(answers.length).toBeGreaterThan(400);
    // Still alive and still the same session.
    expect((await call(who, 'GET', who.sessionsUrl)).status).toBe(200);
  });

  it('answers garbage on the socket with 400 and keeps serving', async () => {
    sim = await startSimulator();
    const port = Number(new URL(sim.restUrl).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () =>
        socket.write('\u0001\u0002 NOT HTTP\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (data) => (text += data.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${sim.restUrl}/api/rest`)).status).toBe(200);
  });
});
