/**
 * The presence engine (plain Node): the PresenceEngine contract over one GatewayConnection per
 * account. It owns the presence model; a connection's hooks are honoured only while that
 * connection is the current one, so nothing from an old account or a stopped run reaches it.
 */
import type { ActionResult } from '../../shared/ipc/channels.js';
import {
  expireOfflineAlerts,
  OFFLINE_ALERT_GRACE_MS,
  loadCounters,
  loadRouting,
  loadTelephonySnapshot,
  loadUser,
  reducePresence,
  setConnection,
} from '../../shared/presence/index.js';
import type { AlertChange, PresenceView } from '../../shared/presence/index.js';
import * as actions from './actions.js';
import type { ActionContext } from './actions.js';
import { ConfigError, validateConfig } from './config.js';
import { GatewayConnection } from './connection.js';
import type { ConnectionHooks } from './connection.js';
import { createGatewayDispatcher } from './dispatcher.js';
import type { HeartbeatTuning } from './heartbeat.js';
import { GatewayHttp } from './http.js';
import { redactingFactory, registerSecret, silentLoggerFactory } from './log.js';
import type { Logger, LoggerFactory } from './log.js';
import { PresenceStore } from './presence-store.js';
import type { RecoveryTuning } from './recovery-policy.js';
import type { EngineConfig, PresenceEngine } from './types.js';

export interface EngineDeps {
  readonly logger?: LoggerFactory;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Scaled-down timings for tests; production uses the defaults. */
  readonly recovery?: RecoveryTuning;
  readonly heartbeat?: HeartbeatTuning;
  /** How long a ringing alert outlives a lost connection (default OFFLINE_ALERT_GRACE_MS). */
  readonly offlineAlertGraceMs?: number;
}

interface Run {
  readonly connection: GatewayConnection;
  readonly http: GatewayHttp;
}

export class GatewayPresenceEngine implements PresenceEngine {
  private readonly logger: LoggerFactory;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly store: PresenceStore;
  private run: Run | undefined;
  /** Serialises start/stop so an account switch never overlaps two runs. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Runs while offline with alerts open: they close as 'connection-lost' when it fires. */
  private alertGrace: NodeJS.Timeout | undefined;

  constructor(private readonly deps: EngineDeps = {}) {
    this.logger = redactingFactory(deps.logger ?? silentLoggerFactory);
    this.log = this.logger('gateway.engine');
    this.now = deps.now ?? Date.now;
    this.store = new PresenceStore('', this.logger('gateway.presence'));
  }

  get view(): PresenceView {
    return this.store.view;
  }

  onView(listener: (view: PresenceView) => void): () => void {
    return this.store.onView(listener);
  }

  onAlert(listener: (change: AlertChange) => void): () => void {
    return this.store.onAlert(listener);
  }

  start(config: EngineConfig): Promise<void> {
    return this.serialise(async () => {
      await this.halt();
      this.launch(config);
    });
  }

  stop(): Promise<void> {
    return this.serialise(async () => {
      await this.halt();
      this.store.update((state) => setConnection(state, { status: 'stopped' }));
    });
  }

  nudge(reason: string): void {
    this.run?.connection.nudge(reason);
  }

  answer(callRef: string): Promise<ActionResult> {
    return actions.answer(this.actionContext(), callRef);
  }

  hangUp(callRef: string): Promise<ActionResult> {
    return actions.hangUp(this.actionContext(), callRef);
  }

  sendToVoicemail(callRef: string): Promise<ActionResult> {
    return actions.sendToVoicemail(this.actionContext(), callRef);
  }

  setDnd(on: boolean): Promise<ActionResult> {
    return actions.setDnd(this.actionContext(), on);
  }

  private launch(config: EngineConfig): void {
    let address;
    try {
      address = validateConfig(config);
    } catch (error) {
      const reason = error instanceof ConfigError ? error.message : String(error);
      this.log.warn('not connecting: bad configuration', { reason });
      this.store.reset(config.login, (s) => setConnection(s, { status: 'stopped', reason }));
      return;
    }
    registerSecret(config.password);
    registerSecret(Buffer.from(`${config.login}:${config.password}`).toString('base64'));

    const dispatcher = createGatewayDispatcher({ caPems: config.caPems, proxy: config.proxy });
    const http = new GatewayHttp(dispatcher, this.logger('gateway.http'));
    const hooks = this.hooksFor(() => this.run?.connection === connection);
    const connection = new GatewayConnection({
      request: {
        address,
        accessMode: config.accessMode,
        credentials: { login: config.login, password: config.password },
        applicationName: config.applicationName,
      },
      http,
      dispatcher,
      hooks,
      logger: this.logger,
      now: this.now,
      random: this.deps.random ?? Math.random,
      recovery: this.deps.recovery,
      heartbeat: this.deps.heartbeat,
    });
    // A new account starts from a blank model, already "connecting": nothing old survives.
    this.store.reset(config.login, (s) => setConnection(s, { status: 'connecting' }));
    this.run = { connection, http };
    this.log.info('connecting', { server: address.origin, accessMode: config.accessMode });
    connection.start();
  }

  /** Hooks that do nothing once their connection is no longer the engine's current one. */
  private hooksFor(isCurrent: () => boolean): ConnectionHooks {
    const apply = (change: Parameters<PresenceStore['update']>[0]) => {
      if (isCurrent()) this.store.update(change);
    };
    return {
      status: (connection) => {
        apply((s) => setConnection(s, connection));
        if (isCurrent()) this.watchOfflineAlerts();
      },
      session: (session) =>
        apply((s) => {
          const same = s.loginName.toLowerCase() === session.login.toLowerCase();
          const renamed = same ? s : { ...s, loginName: session.login };
          return session.userRecord ? loadUser(renamed, session.userRecord) : renamed;
        }),
      resync: (snapshot) =>
        apply((s) => {
          let next = s;
          if (snapshot.telephony !== undefined) {
            next = loadTelephonySnapshot(next, snapshot.telephony, this.now());
          }
          if (snapshot.counters !== undefined) next = loadCounters(next, snapshot.counters);
          if (snapshot.routing !== undefined) next = loadRouting(next, snapshot.routing);
          return next;
        }),
      event: (event) => apply((s) => reducePresence(s, event, this.now())),
    };
  }

  /** Starts the alert grace period when the connection is lost; ends it once back online. */
  private watchOfflineAlerts(): void {
    if (this.store.state.connection.status === 'online') {
      clearTimeout(this.alertGrace);
      this.alertGrace = undefined;
      return;
    }
    if (this.alertGrace !== undefined || this.store.state.alerts.size === 0) return;
    this.alertGrace = setTimeout(() => {
      this.alertGrace = undefined;
      this.store.update(expireOfflineAlerts);
    }, this.deps.offlineAlertGraceMs ?? OFFLINE_ALERT_GRACE_MS);
    this.alertGrace.unref();
  }

  private async halt(): Promise<void> {
    clearTimeout(this.alertGrace);
    this.alertGrace = undefined;
    const run = this.run;
    this.run = undefined;
    if (run) await run.connection.stop();
  }

  private actionContext(): ActionContext | undefined {
    const run = this.run;
    const session = run?.connection.session;
    if (!run || !session) return undefined;
    return {
      http: run.http,
      services: session.services,
      state: this.store.state,
      log: this.logger('gateway.actions'),
    };
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next.catch((error: unknown) => {
      // The contract says start/stop never throw: report and carry on.
      this.log.error('engine task failed', { error: String(error) });
      return undefined as T;
    });
  }
}
