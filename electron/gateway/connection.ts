/**
 * One account's connection to the gateway (plain Node): the loop that logs in, subscribes,
 * keeps exactly one event stream open, re-reads state after every (re)connection and recovers
 * from anything with one policy. A new account or a stop means a new GatewayConnection; this one
 * never outlives its `stop()`, and nothing it receives afterwards reaches its hooks.
 */
import type { Dispatcher } from 'undici';
import type { O2gEvent } from '../../shared/events/index.js';
import type { ConnectionState } from '../../shared/presence/types.js';
import { classifyError } from './errors.js';
import type { StreamEnd } from './event-stream.js';
import type { HeartbeatTuning } from './heartbeat.js';
import type { GatewayHttp } from './http.js';
import type { Logger, LoggerFactory } from './log.js';
import { WrongCredentialsError } from './login.js';
import { RecoveryPolicy } from './recovery-policy.js';
import type { RecoveryTuning } from './recovery-policy.js';
import { readState } from './session-setup.js';
import type { EstablishedSession, SessionRequest, StateSnapshot } from './session-setup.js';
import { SESSION_ENDED, failureStatus, silenceReason, technicalReason } from './status.js';
import type { FailurePhase } from './status.js';
import { SessionHolder } from './session-holder.js';
import { Interruption, ResyncFailure, listenOnce } from './stream-listener.js';
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

const TEARDOWN_BUDGET_MS = 2_000;

export class GatewayConnection {
  private readonly log: Logger;
  private readonly policy: RecoveryPolicy;
  private readonly runAbort = new AbortController();
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private loop: Promise<void> | undefined;
  private readonly sessions: SessionHolder;
  private stream: { generation: number; abort: AbortController } | undefined;
  private generation = 0;
  private everOnline = false;
  private online = false;
  private checkSessionFirst = false;
  /** The last session the hooks were told about. */
  private announced: EstablishedSession | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly deps: ConnectionDeps) {
    this.log = deps.logger('gateway.connection');
    this.policy = new RecoveryPolicy(deps.random, deps.recovery);
    this.sessions = new SessionHolder({
      http: deps.http,
      request: deps.request,
      logger: deps.logger,
      onGone: () => {
        this.sessions.markExpired();
        this.stream?.abort.abort(new Interruption('session-gone'));
      },
    });
  }

  /** The session in use, for call actions; undefined while (re)connecting. */
  get session(): EstablishedSession | undefined {
    return this.stopped ? undefined : this.sessions.live;
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
        const signal = this.runAbort.signal;
        const live = await this.sessions.ensure(signal, this.checkSessionFirst);
        this.checkSessionFirst = false;
        if (this.stopped) break;
        if (live !== this.announced) this.deps.hooks.session(live);
        this.announced = live;
        const subscription = await this.sessions.ensureSubscription(live, signal);
        if (this.stopped) break;
        phase = 'stream';
        const end = await this.listen(live, subscription);
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

  /** Opens one stream and reads it to its end; state is re-read once the channel confirms. */
  private async listen(live: EstablishedSession, subscription: Subscription): Promise<StreamEnd> {
    const generation = ++this.generation;
    const abort = new AbortController();
    const forwardStop = () => abort.abort(this.runAbort.signal.reason);
    this.runAbort.signal.addEventListener('abort', forwardStop, { once: true });
    this.stream = { generation, abort };

    try {
      return await listenOnce({
        dispatcher: this.deps.dispatcher,
        url: subscription.pollingUrl,
        abort,
        now: this.deps.now,
        log: this.deps.logger('gateway.stream'),
        heartbeat: this.deps.heartbeat,
        isCurrent: () => generation === this.generation && !this.stopped,
        onConfirmed: () => this.policy.streamConfirmed(this.deps.now()),
        resync: (signal) => this.resync(live, signal),
        apply: (event) => this.deps.hooks.event(event),
      });
    } finally {
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
      const expired = thrown.why === 'session-gone';
      const detail = expired ? 'session expired' : `event stream silent: ${thrown.detail}`;
      const delay = expired ? this.policy.sessionLost(now) : this.policy.failed(now);
      this.log.warn('connection lost', { reason: detail, retryInMs: delay });
      const reason = expired ? SESSION_ENDED : silenceReason(thrown.silentMs ?? 0);
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
    if (gone) await this.sessions.afterRefusal(phase === 'stream', this.runAbort.signal);

    // Losing the session means logging in again: spread out, as every client is losing it too.
    const lostSession = gone && this.sessions.live === undefined;
    const delay = lostSession ? this.policy.sessionLost(now) : this.policy.failed(now);
    const url = this.sessions.subscription?.pollingUrl;
    const failed = failureStatus(error, phase, this.everOnline, now + delay, url);
    // Whatever refused us (a 404 on a re-read as much as on the stream), the person sees why.
    const state = lostSession ? { ...failed, reason: SESSION_ENDED } : failed;
    this.online = false;
    this.log.warn('connection failed', {
      status: state.status,
      // The log keeps the HTTP status and socket code the user-facing reason leaves out.
      reason: technicalReason(error, phase, url),
      code: error.code,
      retryInMs: delay,
    });
    this.deps.hooks.status(state);
    return delay;
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
    this.runAbort.abort(new Interruption('stop'));
    this.wake?.();
    const left = () => Math.max(50, deadline - this.deps.now());
    await Promise.race([this.loop, delay(Math.min(500, left()))]);

    const closed = await this.sessions.close(left());
    this.log.info('stopped', { sessionClosed: closed });
    await Promise.race([this.deps.dispatcher.destroy().catch(() => undefined), delay(50)]);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
