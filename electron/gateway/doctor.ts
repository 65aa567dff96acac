/**
 * The connection doctor (plain Node): the checks a support engineer runs by hand, in order,
 * each reported as it starts and ends, with a fix hint when it fails. Reused by the terminal
 * (`o2g-presence doctor`) and by the desktop shell's "Test connection".
 */
import type { DoctorCheck } from '../../shared/ipc/channels.js';
import { validateConfig } from './config.js';
import { createGatewayDispatcher } from './dispatcher.js';
import {
  GatewayError,
  classifyError,
  isPlainHttpAnswer,
  PLAIN_HTTP_PROBLEM,
  plainHttpFix,
} from './errors.js';
import { eventPort } from './event-stream.js';
import { GatewayHttp } from './http.js';
import { sendKeepalive } from './keepalive.js';
import { registerSecret, silentLoggerFactory } from './log.js';
import type { LoggerFactory } from './log.js';
import { authenticateAt, discover, postSession, reachOrder } from './login.js';
import { resolveServices } from './services.js';
import { closeSession } from './session-setup.js';
import { createSubscription, deleteSubscription } from './subscription.js';
import type { Subscription } from './subscription.js';
import type { DoctorProgress, EngineConfig } from './types.js';
import { CHECKS, type CheckId, firstEvent, hintFor } from './doctor-checks.js';
import { probeTls, resolveAddress, tcpConnect } from './doctor-probes.js';

class CheckFailed extends Error {
  constructor(
    readonly detail: string,
    readonly hint?: string,
  ) {
    super(detail);
  }
}

export async function runDoctor(
  config: EngineConfig,
  onProgress: DoctorProgress = () => undefined,
  logger: LoggerFactory = silentLoggerFactory,
): Promise<DoctorCheck[]> {
  const results = new Map<CheckId, DoctorCheck>();
  const report = (check: DoctorCheck) => {
    results.set(check.id as CheckId, check);
    onProgress(check);
  };
  let failed = false;
  const step = async (id: CheckId, body: () => Promise<string | { warn: string }>) => {
    const label = CHECKS[id];
    if (failed) return report({ id, label, status: 'skipped', detail: 'an earlier check failed' });
    report({ id, label, status: 'pending' });
    const started = performance.now();
    try {
      const outcome = await body();
      const durationMs = Math.round(performance.now() - started);
      if (typeof outcome === 'string')
        report({ id, label, status: 'ok', detail: outcome, durationMs });
      else
        report({ id, label, status: 'warn', detail: outcome.warn, hint: hintFor(id), durationMs });
    } catch (error) {
      failed = true;
      const durationMs = Math.round(performance.now() - started);
      const detail = error instanceof CheckFailed ? error.detail : describe(error);
      const hint = (error instanceof CheckFailed && error.hint) || hintFor(id, error);
      report({ id, label, status: 'fail', detail, hint, durationMs });
    }
  };

  let address;
  try {
    address = validateConfig(config);
  } catch (error) {
    report({
      id: 'config',
      label: CHECKS.config,
      status: 'fail',
      detail: describe(error),
      hint: hintFor('config'),
    });
    return [...results.values()];
  }
  registerSecret(config.password);
  const dispatcher = createGatewayDispatcher({ caPems: config.caPems, proxy: config.proxy });
  const http = new GatewayHttp(dispatcher, logger('gateway.doctor'));
  const abort = new AbortController();
  let sessionsUrl: string | undefined;
  let services: ReturnType<typeof resolveServices> | undefined;
  let subscription: Subscription | undefined;
  let reach: 'private' | 'public' = 'private';
  const rtts: number[] = [];

  try {
    await step(
      'dns',
      async () => `${address.hostname} is ${await resolveAddress(address.hostname)}`,
    );
    await step('rest-port', async () => {
      await tcpConnect(address.hostname, address.port);
      return `port ${address.port} answers`;
    });
    if (address.secure) {
      await step('tls', async () => {
        const probe = await probeTls(address.hostname, address.port, config.caPems).catch(
          (error: unknown) => {
            if (!isPlainHttpAnswer(error)) throw error;
            // "wrong version number" is no certificate problem: no CA file would help.
            throw new CheckFailed(capitalised(PLAIN_HTTP_PROBLEM), plainHttpFix(address.origin));
          },
        );
        if (probe.trusted) return `certificate of ${probe.subject ?? 'the gateway'} is trusted`;
        throw new CheckFailed(
          `certificate not trusted (${probe.errorCode ?? 'unknown reason'}); issued by ${probe.issuer ?? 'an unknown CA'}`,
          `Add the CA "${probe.issuer ?? 'that issued the gateway certificate'}" as a PEM file (--ca FILE, or Settings > Trusted CA files).`,
        );
      });
    } else {
      report({ id: 'tls', label: CHECKS.tls, status: 'skipped', detail: 'plain http:// address' });
    }
    let authUrls: ReturnType<typeof reachOrder> = [];
    await step('discovery', async () => {
      authUrls = reachOrder(config.accessMode, await discover(http, address, abort.signal));
      if (authUrls.length === 0)
        throw new CheckFailed(`no ${config.accessMode} authentication URL offered`);
      return `API 1.0 offered (${authUrls.map((u) => u.reach).join(', ')})`;
    });
    let sessions: Awaited<ReturnType<typeof authenticateAt>> | undefined;
    await step('authentication', async () => {
      let lastError: unknown;
      for (const candidate of authUrls) {
        try {
          sessions = await authenticateAt(http, address, candidate.url, config, abort.signal);
          reach = candidate.reach;
          return `accepted (${reach} access)`;
        } catch (error) {
          lastError = error;
          if (!(error instanceof GatewayError) || !['network', 'timeout'].includes(error.kind))
            break;
        }
      }
      throw lastError;
    });
    await step('session', async () => {
      const opened = await postSession(
        http,
        address,
        reach,
        sessions!,
        config.applicationName,
        abort.signal,
      );
      sessionsUrl = opened.sessionsUrl;
      services = resolveServices(opened.info, opened.reach);
      const names = [...services.byName.keys()];
      const missing = ['telephony', 'eventsummary'].filter((n) => !services!.byName.has(n));
      const detail = `services: ${names.join(', ')}; timeToLive ${opened.info.timeToLiveSeconds} s`;
      return missing.length > 0 ? { warn: `${detail}; missing ${missing.join(', ')}` } : detail;
    });
    await step('subscription', async () => {
      const login = config.login;
      subscription = await createSubscription(http, services!, login, reach, abort.signal);
      return `accepted for ${subscription.packages.join(', ')}`;
    });
    await step('event-port', async () => {
      const url = new URL(subscription!.pollingUrl);
      await tcpConnect(url.hostname, Number(eventPort(url.href)));
      return `port ${eventPort(url.href)} answers`;
    });
    await step(
      'first-event',
      async () => `${await firstEvent(dispatcher, subscription!.pollingUrl, 10_000)}`,
    );
    await step('round-trip', async () => {
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const check = await sendKeepalive(http, sessionsUrl!, 5_000);
        if (check !== 'alive') throw new CheckFailed(`keepalive answered ${check}`);
        rtts.push(Math.round(performance.now() - started));
      }
      const detail = `keepalive ${Math.min(...rtts)}-${Math.max(...rtts)} ms`;
      return Math.max(...rtts) > 1000 ? { warn: `${detail} (slow)` } : detail;
    });
  } finally {
    abort.abort();
    if (subscription && services) await deleteSubscription(http, services, subscription, 1_000);
    if (sessionsUrl) await closeSession(http, sessionsUrl, 1_000);
    await dispatcher.destroy().catch(() => undefined);
  }
  return [...results.values()];
}

function describe(error: unknown): string {
  if (error instanceof GatewayError) return error.message;
  if (error instanceof Error) return classifyError(error, 'check').message.replace(/^check: /, '');
  return String(error);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
