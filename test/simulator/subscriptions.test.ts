// Subscriptions: package validation, both refusal shapes, deletion closing the stream, and the
// session's end taking its subscriptions with it (plain fetch + raw-socket reader).
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

const request = (names: string[], extra: object = {}) => ({
  filter: { selectors: names.map((name) => ({ ids: ['oxe19141'], names: [name] })) },
  version: '1.0',
  timeout: 10,
  ...extra,
});

describe('creating a subscription', () => {
  it('accepts the documented user packages with polling URLs on the event port', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const answer = await call(
      who,
      'POST',
      serviceUrl(who, 'subscriptions'),
      request(['telephony', 'eventSummary', 'routingManagement', 'user', 'unifiedComLog']),
    );
    expect(answer.status).toBe(200);
    const body = answer.json as Record<string, string>;
    expect(body).toMatchObject({ status: 'ACCEPTED', mode: 'CHUNK', format: 'JSON' });
    expect(body.publicPollingUrl).toBe(
      `${sim.eventPortUrl}/OTEvents?subscriptionId=${body.subscriptionId}`,
    );
    expect(body.privatePollingUrl).toBe(body.publicPollingUrl);
    expect(sim.counts().subscriptions).toBe(1);
  });

  it('refuses an unknown package with 200 + status REFUSED by default', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const answer = await call(who, 'POST', serviceUrl(who, 'subscriptions'), request(['routing']));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'REFUSED',
      message: expect.stringContaining('routing'),
    });
    expect(answer.json).not.toHaveProperty('publicPollingUrl');
    expect(sim.counts().subscriptions).toBe(0);
  });

  it('refuses with 400 + error body + status REFUSED when configured so', async () => {
    sim = await startSimulator({ refusalStyle: 'http400' });
    const who = await login(sim);
    const answer = await call(who, 'POST', serviceUrl(who, 'subscriptions'), request(['users']));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code: 400,
      status: 'REFUSED',
      helpMessage: expect.any(String),
    });
  });

  it('refuses administrator packages for a user session', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const answer = await call(
      who,
      'POST',
      serviceUrl(who, 'subscriptions'),
      request(['telephony', 'userManagement']),
    );
    expect(answer.json).toMatchObject({
      status: 'REFUSED',
      message: expect.stringMatching(/admin/i),
    });
  });

  it('answers a malformed request with 400 and says what is wrong', async () => {
    sim = await startSimulator();
    const who = await login(sim);
    const url = serviceUrl(who, 'subscriptions');
    const noSelectors = await call(who, 'POST', url, { filter: { selectors: [] } });
    expect(noSelectors.status).toBe(400);
    expect(noSelectors.json).toMatchObject({ helpMessage: expect.stringContaining('selector') });
    expect((await call(who, 'POST', url, { ...request(['telephony']), timeout: -1 })).status).toBe(
      400,
    );
    expect((await call(who, 'POST', url, 'not json')).status).toBe(400);
    expect((await call(who, 'POST', url)).status).toBe(400);
  });
});

describe('deleting a subscription', () => {
  it('answers 204, ends its open stream, and the polling URL then answers 404', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const who = await login(sim);
    const subscription = await subscribe(who);
    const stream = new RawStream(subscription.pollingUrl);
    streams.push(stream);
    await stream.untilLines(1);
    const url = `${serviceUrl(who, 'subscriptions')}/${encodeURIComponent(subscription.id)}`;
    expect((await call(who, 'DELETE', url)).status).toBe(204);
    await stream.untilEnd();
    expect(stream.outcome).toBe('ended');
    expect((await fetch(subscription.pollingUrl)).status).toBe(404);
    expect((await call(who, 'DELETE', url)).status).toBe(404);
    expect(sim.counts()).toMatchObject({ subscriptions: 0, openStreams: 0 });
  });

  it('closing the session deletes its subscriptions and ends their streams', async () => {
    sim = await startSimulator({ heartbeatMs: null });
    const who = await login(sim);
    const subscription = await subscribe(who);
    const stream = new RawStream(subscription.pollingUrl, 'GET');
    streams.push(stream);
    await stream.untilLines(1);
    expect((await call(who, 'DELETE', who.sessionsUrl)).status).toBe(204);
    await stream.untilEnd();
    expect((await fetch(subscription.pollingUrl, { method: 'POST' })).status).toBe(404);
  });

  it('another session cannot delete a subscription it does not own', async () => {
    sim = await startSimulator();
    const owner = await login(sim, 'oxe19141');
    const stranger = await login(sim, 'oxe19140');
    const subscription = await subscribe(owner);
    const url = `${serviceUrl(stranger, 'subscriptions')}/${subscription.id}`;
    expect((await call(stranger, 'DELETE', url)).status).toBe(404);
    expect(sim.counts().subscriptions).toBe(1);
  });
});
