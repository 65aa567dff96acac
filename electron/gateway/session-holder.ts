/**
 * The session and subscription of one connection (plain Node): opened when missing, kept alive
 * on a timer, checked when something looks wrong, dropped when the gateway says they are gone,
 * and closed politely at the end. Holding both here keeps "one session, one subscription".
 */
import type { GatewayHttp } from './http.js';
import { SessionKeepalive, keepaliveIntervalMs, sendKeepalive } from './keepalive.js';
import type { SessionCheck } from './keepalive.js';
import type { Logger, LoggerFactory } from './log.js';
import { closeSession, establishSession } from './session-setup.js';
import type { EstablishedSession, SessionRequest } from './session-setup.js';
import { createSubscription, deleteSubscription } from './subscription.js';
import type { Subscription } from './subscription.js';

const CHECK_TIMEOUT_MS = 5_000;

export interface SessionHolderDeps {
  readonly http: GatewayHttp;
  readonly request: SessionRequest;
  readonly logger: LoggerFactory;
  /** The timed keepalive was rejected: the session is gone. */
  readonly onGone: () => void;
}

export class SessionHolder {
  live: EstablishedSession | undefined;
  subscription: Subscription | undefined;
  private keepalive: SessionKeepalive | undefined;
  private expired = false;
  /** A session we gave up on: closed best-effort (with its own cookie) before the next login. */
  private stale: string | undefined;
  private readonly log: Logger;

  constructor(private readonly deps: SessionHolderDeps) {
    this.log = deps.logger('gateway.session');
  }

  /** The timed keepalive was rejected; the next `ensure` starts over. */
  markExpired(): void {
    this.expired = true;
  }

  /** Keepalive now: is the session still there? Network trouble answers 'unknown'. */
  async check(signal: AbortSignal): Promise<SessionCheck> {
    if (!this.live) return 'gone';
    return sendKeepalive(this.deps.http, this.live.opened.sessionsUrl, CHECK_TIMEOUT_MS, signal);
  }

  /** Returns the live session, opening one (discovery, login, session, user) when needed. */
  async ensure(signal: AbortSignal, checkFirst: boolean): Promise<EstablishedSession> {
    if (this.expired) this.drop('session expired');
    if (this.live && checkFirst && (await this.check(signal)) === 'gone') {
      this.drop('session gone after wake-up');
    }
    if (this.live) return this.live;

    const { http, request, logger } = this.deps;
    if (this.stale) {
      // The gateway said it is gone; if it is not, this keeps "one session at a time" true.
      await closeSession(http, this.stale, 1_000);
      this.stale = undefined;
    }
    const session = await establishSession(http, request, signal, this.log);
    this.live = session;
    this.expired = false;
    this.keepalive = new SessionKeepalive(
      http,
      session.opened.sessionsUrl,
      keepaliveIntervalMs(session.opened.info.timeToLiveSeconds),
      this.deps.onGone,
      logger('gateway.keepalive'),
    );
    this.keepalive.start();
    return session;
  }

  async ensureSubscription(live: EstablishedSession, signal: AbortSignal): Promise<Subscription> {
    if (this.subscription) return this.subscription;
    const { services, login, opened } = live;
    this.subscription = await createSubscription(
      this.deps.http,
      services,
      login,
      opened.reach,
      signal,
    );
    this.log.info('subscribed', { packages: this.subscription.packages.join(',') });
    return this.subscription;
  }

  /**
   * 401/403/404 on the stream (or a REST call): either only the subscription is gone, or the
   * whole session. The keepalive tells which, so a live session is kept and never duplicated.
   */
  async afterRefusal(onStream: boolean, signal: AbortSignal): Promise<void> {
    if (!this.live) return;
    const check = await this.check(signal).catch(() => 'unknown' as const);
    if (check === 'gone') {
      this.drop('session rejected');
    } else if (onStream && this.subscription) {
      const old = this.subscription;
      this.subscription = undefined;
      this.log.info('event stream refused; subscribing again');
      await deleteSubscription(this.deps.http, this.live.services, old, 1_000);
    }
  }

  drop(why: string): void {
    this.log.info('dropping the session', { why });
    this.stale = this.live?.opened.sessionsUrl;
    this.keepalive?.stop();
    this.keepalive = undefined;
    this.live = undefined;
    this.subscription = undefined;
    this.expired = false;
  }

  /** Deletes the subscription then closes the session, within `budgetMs` in all. */
  async close(budgetMs: number): Promise<boolean> {
    this.keepalive?.stop();
    const { live, subscription } = this;
    this.live = undefined;
    this.subscription = undefined;
    if (!live) return false;
    const started = Date.now();
    if (subscription) {
      await deleteSubscription(this.deps.http, live.services, subscription, budgetMs / 2);
    }
    const left = Math.max(50, budgetMs - (Date.now() - started));
    await closeSession(this.deps.http, live.opened.sessionsUrl, left);
    return true;
  }
}
