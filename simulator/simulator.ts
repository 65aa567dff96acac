// startSimulator and the Simulator object (plain Node): wires the directory, sessions, event
// channel and telephony model to the two ports, and exposes the typed API that tests, the CLI
// and demo mode drive.
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Party, Side } from './call-view.js';
import { EndpointFaults, type EndpointMatch } from './endpoint-faults.js';
import { createGateway, type Gateway } from './gateway.js';
import type { Counters, ForwardRoute } from './line-state.js';
import {
  resolveOptions,
  type ResolvedOptions,
  type SimulatorOptions,
  type SimulatorUser,
} from './options.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { answerRest } from './rest-router.js';
import { close, listen, requestHandler, type ListeningServer } from './servers.js';
import { testCertificates } from './test-ca.js';
import { createFaults, type SimulatorFaults } from './fault-knobs.js';

/** Who places a call: an external number (named, or withheld) or one of the simulator's users. */
export type CallOrigin =
  | {
      number: string;
      name?: { firstName?: string; lastName?: string; displayName?: string };
      anonymous?: boolean;
    }
  | { loginName: string };

export interface SimulatorCounts {
  authentications: number;
  sessionsOpen: number;
  subscriptions: number;
  openStreams: number;
}

export interface SimulatorEvents {
  request: [RequestLogEntry];
  'stream-open': [{ loginName: string }];
  'stream-close': [{ loginName: string }];
  event: [{ loginName: string; line: string }];
}

export class Simulator extends EventEmitter<SimulatorEvents> {
  readonly faults: SimulatorFaults;
  private stopped = false;

  private constructor(
    readonly options: ResolvedOptions,
    private readonly log: RequestLog,
    private readonly gateway: Gateway,
    private readonly rest: ListeningServer,
    private readonly events: ListeningServer,
    private readonly endpointFaults: EndpointFaults,
    readonly caPem: string | null,
    readonly caPath: string | null,
  ) {
    super();
    this.faults = createFaults(gateway, endpointFaults);
    log.onEntry((entry) => this.emit('request', entry));
  }

  get restUrl(): string {
    return this.rest.url;
  }

  get eventPortUrl(): string {
    return this.events.url;
  }

  /** Redacted record of every answered request, oldest first. */
  get requestLog(): ReadonlyArray<RequestLogEntry> {
    return this.log.entries;
  }

  counts(): SimulatorCounts {
    return {
      authentications: this.gateway.sessions.authentications,
      sessionsOpen: this.gateway.sessions.openCount,
      subscriptions: this.gateway.channel.subscriptionCount,
      openStreams: this.gateway.channel.openStreamCount,
    };
  }

  /** Whether the user has an event stream open right now. */
  hasOpenStream(loginName: string): boolean {
    return this.gateway.channel.openStreamsOf(loginName) > 0;
  }

  users(): SimulatorUser[] {
    return this.gateway.directory.all().map((user) => ({ ...user }));
  }

  addUser(user: SimulatorUser): void {
    this.gateway.directory.add(user);
  }

  /** Changes a user's directory entry and tells its `user` subscribers (OnUserInfoChanged). */
  async updateUser(
    loginName: string,
    changes: Partial<Omit<SimulatorUser, 'loginName'>>,
  ): Promise<void> {
    const user = { ...this.userNamed(loginName), ...changes };
    this.gateway.directory.add(user);
    this.gateway.channel.publish(user.loginName, {
      eventName: 'OnUserInfoChanged',
      loginName: user.loginName,
      user: this.gateway.directory.toJson(user),
    });
  }

  /**
   * Rings `toLoginName` (or the user an immediate forward sends it to) and returns the callRef.
   * A callee in DND is not rung: an internal caller sees the call removed with DO_NOT_DISTURB and
   * the returned callRef is already gone.
   */
  async placeCall(from: CallOrigin, toLoginName: string): Promise<string> {
    const callee = this.userNamed(toLoginName);
    const caller: Party =
      'loginName' in from
        ? { kind: 'user', user: this.userNamed(from.loginName) }
        : {
            kind: 'external',
            number: from.anonymous ? '' : from.number,
            ...from.name,
            anonymous: from.anonymous ?? false,
          };
    return this.gateway.telephony.placeCall(caller, { kind: 'user', user: callee });
  }

  async answer(callRef: string): Promise<void> {
    this.gateway.telephony.answer(callRef);
  }

  async hangUp(callRef: string, side: Side = 'caller'): Promise<void> {
    this.gateway.telephony.hangUp(callRef, side);
  }

  /** The call rings until the caller gives up: a missed call for the callee. */
  async ringOut(callRef: string, cause?: string): Promise<void> {
    this.gateway.telephony.ringOut(callRef, cause);
  }

  /** `byLoginName` picks the ringing call up on their phone: the callee sees it PICKED_UP. */
  async pickUp(callRef: string, byLoginName: string): Promise<void> {
    this.gateway.telephony.pickUp(callRef, this.userNamed(byLoginName));
  }

  async redirect(callRef: string, destination: string): Promise<void> {
    this.gateway.telephony.redirect(callRef, destination);
  }

  async hold(callRef: string, side: Side): Promise<void> {
    this.gateway.telephony.hold(callRef, side, true);
  }

  async retrieve(callRef: string, side: Side): Promise<void> {
    this.gateway.telephony.hold(callRef, side, false);
  }

  /** A message deposited in the user's voicemail (`from` is informational only). */
  async leaveVoicemail(toLoginName: string, _from?: CallOrigin): Promise<void> {
    this.gateway.lines.leaveVoicemail(this.userNamed(toLoginName).loginName);
  }

  async setDnd(loginName: string, on: boolean): Promise<void> {
    this.gateway.lines.setDnd(this.userNamed(loginName).loginName, on);
  }

  async setForward(loginName: string, route: ForwardRoute | undefined): Promise<void> {
    this.gateway.lines.setForward(this.userNamed(loginName).loginName, route);
  }

  async setDeviceState(loginName: string, state: 'IN_SERVICE' | 'OUT_OF_SERVICE'): Promise<void> {
    this.gateway.lines.setDeviceState(this.userNamed(loginName).loginName, state);
  }

  async setCounters(loginName: string, counters: Partial<Counters>): Promise<void> {
    this.gateway.lines.setCounters(this.userNamed(loginName).loginName, counters);
  }

  /** Publishes an event object, or a raw line sent as given (plus the line ending). */
  injectEvent(loginName: string, event: object | string): void {
    this.gateway.channel.publish(loginName, event);
  }

  /** Calls in progress, for the control endpoint and tests. */
  calls(): Array<{ callRef: string; caller: string; callee: string; phase: string }> {
    return this.gateway.telephony.all().map((call) => ({
      callRef: call.ref,
      caller: describe(call.caller),
      callee: describe(call.callee),
      phase: call.phase,
    }));
  }

  /** Resolves once `check()` holds; rejects after `timeoutMs` with `what` in the message. */
  async waitFor(check: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Simulator: timed out waiting for ${what}.`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Ends every stream and connection and frees the ports; calling it again does nothing. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.gateway.channel.stop();
    this.gateway.sessions.stop();
    this.gateway.telephony.stop();
    this.endpointFaults.clear();
    await Promise.all([close(this.rest.server), close(this.events.server)]);
    if (this.caPath) await rm(join(this.caPath, '..'), { recursive: true, force: true });
  }

  private userNamed(loginOrExtension: string): SimulatorUser {
    const user = this.gateway.directory.resolve(loginOrExtension);
    if (!user) throw new Error(`Simulator: no user "${loginOrExtension}".`);
    return user;
  }

  static async start(input: SimulatorOptions = {}): Promise<Simulator> {
    const options = resolveOptions(input);
    const certificates = options.tls ? testCertificates() : undefined;
    const { gateway, channel, urls } = createGateway(options);
    const log = new RequestLog();
    const endpointFaults = new EndpointFaults();

    const rest = await listen(
      options.restPort,
      options.host,
      certificates,
      requestHandler('rest', log, endpointFaults, (exchange) => answerRest(gateway, exchange)),
    );
    const events = await listen(
      options.eventPort,
      options.host,
      certificates,
      requestHandler('event', log, endpointFaults, (exchange) => channel.openStream(exchange)),
    ).catch(async (error: unknown) => {
      await close(rest.server);
      throw error;
    });
    urls.rest = rest.url;
    urls.event = events.url;
    const publicOrigin = (url: string) => {
      const origin = new URL(url);
      origin.hostname = options.publicHostname;
      return origin.origin;
    };
    urls.publicRest = publicOrigin(rest.url);
    urls.publicEvent = publicOrigin(events.url);

    let caPath: string | null = null;
    if (certificates) {
      const dir = await mkdtemp(join(tmpdir(), 'o2g-sim-ca-'));
      caPath = join(dir, 'o2g-simulator-ca.pem');
      await writeFile(caPath, certificates.caPem);
    }
    const simulator = new Simulator(
      options,
      log,
      gateway,
      rest,
      events,
      endpointFaults,
      certificates?.caPem ?? null,
      caPath,
    );
    channel.on('stream-open', (info) => simulator.emit('stream-open', info));
    channel.on('stream-close', (info) => simulator.emit('stream-close', info));
    channel.on('event', (info) => simulator.emit('event', info));
    return simulator;
  }
}

function describe(party: Party): string {
  if (party.kind === 'user') return party.user.loginName;
  if (party.kind === 'service') return party.displayName;
  return party.anonymous ? 'anonymous' : party.number;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  return Simulator.start(options);
}

export type { EndpointMatch };
