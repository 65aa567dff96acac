/**
 * One account's connection to the gateway (plain Node): the loop that logs in, subscribes,
 * keeps exactly one event stream open, re-reads state after every (re)connection and recovers
 * from anything with one policy. A new account or a stop means a new GatewayConnection; this one
 * never outlives its `stop()`, and nothing it receives afterwards reaches its hooks.
 */
import type { Dispatcher } from 'undici';
import type { O2gEvent } from '../../shared/events/index.js';
import type { ConnectionState } from '../../shared/presence/types.js';
import { GatewayError, classifyError } from './errors.js';
import { readEventStream } from './event-stream.js';
import type { StreamEnd } from './event-stream.js';
import { HeartbeatWatchdog } from './heartbeat.js';
import type { HeartbeatTuning } from './heartbeat.js';
import type { GatewayHttp } from './http.js';
import { SessionKeepalive, keepaliveIntervalMs, sendKeepalive } from './keepalive.js';
import type { Logger, LoggerFactory } from './log.js';
import { WrongCredentialsError } from './login.js';
import { RecoveryPolicy } from './recovery-policy.js';
import type { RecoveryTuning } from './recovery-policy.js';
import { closeSession, establishSession, readState } from './session-setup.js';
import type { EstablishedSession, SessionRequest, StateSnapshot } from './session-setup.js';
import { failureStatus } from './status.js';
import type { FailurePhase } from './status.js';
import { createSubscription, deleteSubscription } from './subscription.js';
import type { Subscription } from './subscription.js';

export interface ConnectionHooks {
  status(state: ConnectionState): void;
  session(session: EstablishedSession): void;
  resync(snapshot: StateSnapshot): void;
  event(event: O2gEvent): void;
}

export interface ConnectionDeps {
  readonly request: SessionRequest;
  readonly http: GatewayHttp;
  readonly dispatcher: Dispatcher;
  readonly hooks: ConnectionHooks;
  readonly logger: LoggerFactory;
  readonly now: () => number;
  readonly random: () => number;
  readonly recovery?: RecoveryTuning;
  readonly heartbeat?: HeartbeatTuning;
}

/** The state re-read after the stream opened failed: a REST failure, not a stream one. */
class ResyncFailure {
  constructor(readonly error: unknown) {}
}

/** Why we cut our own stream: carried as the abort reason so the loop knows what to do next. */
class Interruption {
  constructor(
    readonly why: 'nudge' | 'session-gone' | 'silent' | 'stop',
    readonly detail = '',
  ) {}
}

const TEARDOWN_BUDGET_MS = 2_000;
const KEEPALIVE_CHECK_TIMEOUT_MS = 5_000;

export class GatewayConnection {
  private readonly log: Logger;
  private readonly policy: RecoveryPolicy;
  private readonly runAbort = new AbortController();
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private loop: Promise<void> | undefined;
  private live: EstablishedSession | undefined;
  private keepalive: SessionKeepalive | undefined;
  private subscription: Subscription | undefined;
  private stream: { generation: number; abort: AbortController } | undefined;
  private generation = 0;
  private everOnline = false;
  private online = false;
  private sessionExpired = false;
  private checkSessionFirst = false;
  private wake: (() => void) | undefined;
  /** A session we gave up on: closed best-effort (with its own cookie) before the next login. */
  private staleSessionsUrl: string | undefined;

  constructor(private readonly deps: ConnectionDeps) {
    this.log = deps.logger('gateway.connection');
    this.policy = new RecoveryPolicy(deps.random, deps.recovery);
  }

  /** The session in use, for call actions; undefined while (re)connecting. */
  get session(): EstablishedSession | undefined {
    return this.stopped ? undefined : this.live;
  }

  start(): void {
    this.loop ??= this.run().catch((error: unknown) => {
      this.log.error('connection loop failed', { error: String(error) });
    });
  }

  /** Drops the stream, checks the session, reconnects now. */
  nudge(reason: string): void {
    if (this.stopped) return;
    this.log.info('reconnecting now', { reason });
    this.checkSessionFirst = true;
    this.policy.reset();
    this.stream?.abort.abort(new Interruption('nudge', reason));
    this.wake?.();
  }

  /** Stops everything and says goodbye to the gateway, within the 2 s budget. */
  stop(): Promise<void> {
    this.stopping ??= this.teardown();
    return this.stopping;
  }

  private async run(): Promise<void> {
    this.setStatus({ status: 'connecting' });
    while (!this.stopped) {
      let delay: number;
      let phase: FailurePhase = 'rest';
      try {
        await this.ensureSession();
        await this.ensureSubscription();
        phase = 'stream';
        const end = await this.listen();
        delay = this.policy.streamEnded(this.deps.now(), end.openedAt, end.carriedEvents);
        if (delay > 0) {
          this.setStatus(this.waiting('event streams end right after they open', delay));
        }
      } catch (thrown) {
        if (this.stopped) break;
        const error = thrown instanceof ResyncFailure ? thrown.error : thrown;
        if (thrown instanceof ResyncFailure) phase = 'rest';
        const next = await this.recover(error, phase);
        if (next === 'give-up') return;
        delay = next;
      }
      if (delay > 0) await this.sleep(delay);
    }
  }

  private async ensureSession(): Promise<void> {
    if (this.sessionExpired) this.dropSession('session expired');
    if (this.live && this.checkSessionFirst) {
      this.checkSessionFirst = false;
      const check = await sendKeepalive(
        this.deps.http,
        this.live.opened.sessionsUrl,
        KEEPALIVE_CHECK_TIMEOUT_MS,
        this.runAbort.signal,
      );
      if (check === 'gone') this.dropSession('session gone after wake-up');
    }
    this.checkSessionFirst = false;
    if (this.live) return;

    const { http, request, logger } = this.deps;
    if (this.staleSessionsUrl) {
      // The gateway said it is gone; if it is not, this keeps "one session at a time" true.
      await closeSession(http, this.staleSessionsUrl, 1_000);
      this.staleSessionsUrl = undefined;
    }
    const session = await establishSession(
      http,
      request,
      this.runAbort.signal,
      logger('gateway.session'),
    );
    if (this.stopped) {
      // Stopped while the answer was on its way: close what we just opened.
      await closeSession(http, session.opened.sessionsUrl, 500);
      return;
    }
    this.live = session;
    this.sessionExpired = false;
    this.keepalive = new SessionKeepalive(
      http,
      session.opened.sessionsUrl,
      keepaliveIntervalMs(session.opened.info.timeToLiveSeconds),
      () => this.onSessionGone(),
      logger('gateway.keepalive'),
    );
    this.keepalive.start();
    this.deps.hooks.session(session);
  }

  private async ensureSubscription(): Promise<void> {
    if (this.subscription || !this.live || this.stopped) return;
    const live = this.live;
    const subscription = await createSubscription(
      this.deps.http,
      live.services,
      live.login,
      live.opened.reach,
      this.runAbort.signal,
    );
    this.subscription = subscription;
    this.log.info('subscribed', { packages: subscription.packages.join(',') });
  }

  /** Opens one stream and reads it to its end; state is re-read once the channel confirms. */
  private async listen(): Promise<StreamEnd> {
    const subscription = this.subscription;
    const live = this.live;
    if (!subscription || !live) throw new GatewayError('protocol', 'no subscription to listen to');
    const generation = ++this.generation;
    const abort = new AbortController();
    const forwardStop = () => abort.abort(this.runAbort.signal.reason);
    this.runAbort.signal.addEventListener('abort', forwardStop, { once: true });
    this.stream = { generation, abort };

    const current = () => generation === this.generation && !this.stopped && !abort.signal.aborted;
    let buffered: O2gEvent[] | undefined;
    let resyncing: Promise<void> | undefined;
    const watchdog = new HeartbeatWatchdog(
      this.deps.now,
      (ms) =>
        abort.abort(new Interruption('silent', `no heartbeat for ${Math.round(ms / 1000)} s`)),
      this.deps.heartbeat,
    );

    const onEvent = (event: O2gEvent): void => {
      if (!current()) return;
      const isChannelInfo = event.eventName === 'OnChannelInformation';
      watchdog.alive(isChannelInfo && event.text === 'keepalive');
      if (isChannelInfo) {
        if (resyncing === undefined) {
          this.policy.streamConfirmed(this.deps.now());
          const pending: O2gEvent[] = [];
          buffered = pending;
          resyncing = this.resync(live, abort.signal).then(() => {
            buffered = undefined;
            for (const held of pending) if (current()) this.deps.hooks.event(held);
          });
          // A failed re-read cuts this stream; the loop then treats the failure.
          resyncing.catch((error: unknown) => abort.abort(new ResyncFailure(error)));
        }
        return;
      }
      if (buffered) buffered.push(event);
      else this.deps.hooks.event(event);
    };

    try {
      const end = await readEventStream({
        dispatcher: this.deps.dispatcher,
        url: subscription.pollingUrl,
        signal: abort.signal,
        now: this.deps.now,
        log: this.deps.logger('gateway.stream'),
        onEvent,
      });
      // Events held back during the re-read are applied before the next stream opens.
      if (resyncing)
        await resyncing.catch((error: unknown) => Promise.reject(new ResyncFailure(error)));
      return end;
    } catch (error) {
      const reason: unknown = abort.signal.reason;
      if (abort.signal.aborted && reason !== undefined) throw reason;
      throw error;
    } finally {
      watchdog.stop();
      this.runAbort.signal.removeEventListener('abort', forwardStop);
      if (this.stream?.generation === generation) this.stream = undefined;
    }
  }

  private async resync(live: EstablishedSession, signal: AbortSignal): Promise<void> {
    const snapshot = await readState(this.deps.http, live.services, signal);
    if (signal.aborted || this.stopped) return;
    this.deps.hooks.resync(snapshot);
    this.everOnline = true;
    if (!this.online) this.log.info('online');
    this.setStatus({ status: 'online' });
  }

  /** Decides what a failure means and how long to wait; 'give-up' ends the loop. */
  private async recover(thrown: unknown, phase: FailurePhase): Promise<number | 'give-up'> {
    const now = this.deps.now();
    if (thrown instanceof Interruption) {
      if (thrown.why === 'nudge') {
        this.setStatus({ status: 'reconnecting', reason: `reconnecting after ${thrown.detail}` });
        return 0;
      }
      const reason =
        thrown.why === 'silent' ? `event stream silent: ${thrown.detail}` : 'session expired';
      const delay = this.policy.failed(now);
      this.log.warn('connection lost', { reason, retryInMs: delay });
      this.setStatus(this.waiting(reason, delay));
      return delay;
    }

    const error = classifyError(thrown, phase === 'stream' ? 'Event stream' : 'Gateway');
    if (error instanceof WrongCredentialsError) {
      this.log.error('wrong login or password; not retrying');
      this.setStatus({ status: 'wrong-credentials', reason: 'wrong login or password' });
      void this.stop();
      return 'give-up';
    }
    const gone = error.kind === 'http' && [401, 403, 404].includes(error.status ?? 0);
    if (gone) await this.afterRefusal(phase);

    const delay = this.policy.failed(now);
    const url = this.subscription?.pollingUrl;
    const state = failureStatus(error, phase, this.everOnline, now + delay, url);
    this.online = false;
    this.log.warn('connection failed', {
      status: state.status,
      reason: state.reason,
      retryInMs: delay,
    });
    this.deps.hooks.status(state);
    return delay;
  }

  /**
   * 401/403/404 on the stream (or a REST call): either only the subscription is gone, or the
   * whole session. The keepalive tells which, so a live session is kept and never duplicated.
   */
  private async afterRefusal(phase: FailurePhase): Promise<void> {
    if (!this.live) return;
    const check = await sendKeepalive(
      this.deps.http,
      this.live.opened.sessionsUrl,
      KEEPALIVE_CHECK_TIMEOUT_MS,
      this.runAbort.signal,
    ).catch(() => 'unknown' as const);
    if (check === 'gone') {
      this.dropSession('session rejected');
    } else if (phase === 'stream' && this.subscription) {
      const old = this.subscription;
      this.subscription = undefined;
      this.log.info('event stream refused; subscribing again');
      await deleteSubscription(this.deps.http, this.live.services, old, 1_000);
    }
  }

  private onSessionGone(): void {
    this.sessionExpired = true;
    this.stream?.abort.abort(new Interruption('session-gone'));
  }

  private dropSession(why: string): void {
    this.log.info('dropping the session', { why });
    this.staleSessionsUrl = this.live?.opened.sessionsUrl;
    this.keepalive?.stop();
    this.keepalive = undefined;
    this.live = undefined;
    this.subscription = undefined;
    this.sessionExpired = false;
  }

  private waiting(reason: string, delay: number): ConnectionState {
    this.online = false;
    return { status: 'reconnecting', reason, nextAttemptAt: this.deps.now() + delay };
  }

  private setStatus(state: ConnectionState): void {
    if (this.stopped && state.status !== 'wrong-credentials') return;
    this.online = state.status === 'online';
    this.deps.hooks.status(state);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async teardown(): Promise<void> {
    const deadline = this.deps.now() + TEARDOWN_BUDGET_MS;
    this.stopped = true;
    this.keepalive?.stop();
    this.runAbort.abort(new Interruption('stop'));
    this.wake?.();
    const left = () => Math.max(50, deadline - this.deps.now());
    await Promise.race([this.loop, delay(Math.min(500, left()))]);

    const live = this.live;
    const subscription = this.subscription;
    this.live = undefined;
    this.subscription = undefined;
    if (live && subscription) {
      await deleteSubscription(this.deps.http, live.services, subscription, left() / 2);
    }
    if (live) await closeSession(this.deps.http, live.opened.sessionsUrl, left() - 50);
    this.log.info('stopped', { sessionClosed: live !== undefined });
    await Promise.race([this.deps.dispatcher.destroy().catch(() => undefined), delay(50)]);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
