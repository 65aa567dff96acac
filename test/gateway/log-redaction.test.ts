// No secret in any log line: a full session (connect, a call, an expiry and recovery, an
// action, stop) logged at debug level through the CLI's pino logger, then searched for the
// password, its base64 forms, the AlcUserId cookie values and the subscription ids.
import { afterEach, describe, expect, it } from 'vitest';
import { redactSecrets, registerSecret } from '../../electron/gateway/log.js';
import { createPinoLoggerFactory } from '../../electron/gateway/pino-log.js';
import { DEFAULT_RECOVERY_TUNING } from '../../electron/gateway/recovery-policy.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Reads the simulator's own records of the secrets it handed out (test-only access). */
function simulatorSecrets(harness: Harness): { cookies: string[]; subscriptions: string[] } {
  const gateway = (harness.sim as unknown as { gateway: SimInternals }).gateway;
  return {
    cookies: gateway.sessions.all().map((s) => s.cookie),
    subscriptions: [...gateway.channel['subscriptions'].keys()],
  };
}
interface SimInternals {
  sessions: { all(): { cookie: string }[] };
  channel: { subscriptions: Map<string, unknown> };
}

describe('log redaction', () => {
  it('keeps passwords, cookies and subscription ids out of every line', async () => {
    const lines: string[] = [];
    const logger = createPinoLoggerFactory({
      level: 'debug',
      destination: { write: (line: string) => void lines.push(line) },
    });
    // The re-login after the expiry is spread over a short window here (25 s in production).
    const recovery = { ...DEFAULT_RECOVERY_TUNING, reloginSpreadMs: 200 };
    h = await startHarness({ heartbeatMs: null }, { logger, recovery });
    const password = 'Viola-19141';
    const secrets = new Set<string>([
      password,
      Buffer.from(password).toString('base64'),
      Buffer.from(`oxe19141:${password}`).toString('base64'),
    ]);
    const collect = () => {
      const { cookies, subscriptions } = simulatorSecrets(h!);
      for (const value of [...cookies, ...subscriptions]) secrets.add(value);
    };

    await h.engine.start(h.config('oxe19141'));
    await h.waitForView((v) => v.connection.status === 'online', 'online');
    collect();
    const callRef = await h.sim.placeCall({ loginName: 'oxe19140' }, 'oxe19141');
    await h.waitForView((v) => v.tray === 'ringing', 'ringing');
    await h.engine.answer(callRef);
    h.sim.faults.expireSessions('oxe19141');
    await h.waitForView((v) => v.connection.status !== 'online', 'noticed');
    await h.waitForView((v) => v.connection.status === 'online', 'online again');
    collect();
    await h.engine.stop();

    expect(lines.length).toBeGreaterThan(10);
    expect(secrets.size).toBeGreaterThanOrEqual(7);
    const text = lines.join('');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('scrubs Basic values, cookies, subscription ids and registered passwords from text', () => {
    registerSecret('S3cret!pass');
    const raw =
      'Authorization: Basic b3hlOnBhc3M= Cookie: AlcUserId=abc123; x=1 ' +
      'url http://h:8014/OTEvents?subscriptionId=sub.XYZ&a=1 DELETE /subscriptions/sub.XYZ ' +
      '{"subscriptionId":"sub.XYZ"} typed S3cret!pass';
    const clean = redactSecrets(raw);
    for (const secret of ['b3hlOnBhc3M=', 'abc123', 'sub.XYZ', 'S3cret!pass']) {
      expect(clean).not.toContain(secret);
    }
    expect(clean).toContain('x=1');
  });
});
