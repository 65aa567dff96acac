// Subscriptions and the event port (plain Node): which subscription receives which event, the
// queue kept while no stream is open, and the polling URL answered on GET and POST.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { EventStream } from './event-stream.js';
import type { Exchange } from './exchange.js';
import type { ResolvedOptions } from './options.js';
import { packageOf } from './packages.js';
import { restError } from './rest-error.js';
import { StreamFaults } from './stream-faults.js';

export interface Subscription {
  readonly id: string;
  readonly sessionId: string;
  readonly loginName: string;
  readonly packages: ReadonlySet<string>;
  /** Minutes; 0 = the stream stays open for the life of the session. */
  readonly timeoutMinutes: number;
  /** Events raised while the subscription had no open stream. */
  readonly queue: Buffer[];
}

/** Bounds memory when a client subscribes and never reads. */
const MAX_QUEUED_LINES = 10_000;

export class EventChannel extends EventEmitter<{
  'stream-open': [{ loginName: string }];
  'stream-close': [{ loginName: string }];
  event: [{ loginName: string; line: string }];
}> {
  readonly faults = new StreamFaults();
  private readonly subscriptions = new Map<string, Subscription>();
  /** Every stream whose socket is still open, with the subscription it was opened for (which
   * may already be deleted while the stream finishes ending). */
  private readonly streams = new Map<EventStream, Subscription>();

  /** Events a new telephony stream starts with (see `announceStateOnOpen`); none by default. */
  greeting: (loginName: string) => object[] = () => [];

  constructor(private readonly options: ResolvedOptions) {
    super();
  }

  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  get openStreamCount(): number {
    return this.streams.size;
  }

  openStreamsOf(loginName: string): number {
    return this.streamsOf(loginName).length;
  }

  create(sessionId: string, loginName: string, packages: string[], timeout: number): Subscription {
    const subscription: Subscription = {
      id: `sub.${randomBytes(18).toString('base64url')}`,
      sessionId,
      loginName,
      packages: new Set(packages),
      timeoutMinutes: timeout,
      queue: [],
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  get(id: string): Subscription | undefined {
    return this.subscriptions.get(id);
  }

  /** Removes a subscription and ends its open streams cleanly. */
  delete(id: string): boolean {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return false;
    this.subscriptions.delete(id);
    for (const [stream, owner] of this.streams) if (owner === subscription) stream.end();
    return true;
  }

  deleteForSession(sessionId: string): void {
    for (const subscription of [...this.subscriptions.values()]) {
      if (subscription.sessionId === sessionId) this.delete(subscription.id);
    }
  }

  /** Delivers an event (object or raw line) to the user's subscriptions that asked for it. */
  publish(loginName: string, event: object | string): void {
    const text = typeof event === 'string' ? event.replace(/\r?\n$/, '') : JSON.stringify(event);
    const line = this.encode(text);
    const pkg = packageOf(eventNameOf(event));
    this.emit('event', { loginName, line: text });
    for (const subscription of this.subscriptions.values()) {
      if (subscription.loginName !== loginName) continue;
      if (pkg !== undefined && !subscription.packages.has(pkg)) continue;
      const open = [...this.streams].filter(
        ([stream, owner]) => owner === subscription && stream.isOpen,
      );
      if (open.length > 0) {
        for (const [stream] of open) stream.deliver(line);
      } else if (this.options.queueEventsWhileDisconnected) {
        subscription.queue.push(line);
        if (subscription.queue.length > MAX_QUEUED_LINES) subscription.queue.shift();
      }
    }
  }

  /** Exact bytes to every open stream of the user, bypassing framing and faults. */
  writeRaw(loginName: string, bytes: Uint8Array): void {
    for (const stream of this.streamsOf(loginName)) stream.writeRaw(bytes);
  }

  endStreams(): void {
    for (const stream of this.streams.keys()) stream.end();
  }

  resetStreams(): void {
    for (const stream of [...this.streams.keys()]) stream.reset();
  }

  silenceStreams(): void {
    for (const stream of this.streams.keys()) stream.silence();
  }

  /** Answers the polling URL (GET or POST, no cookie needed). */
  openStream(exchange: Exchange): void {
    if (exchange.pathname !== '/OTEvents') {
      exchange.json(404, restError(404, 'No such resource on the event port.'));
      return;
    }
    if (exchange.method !== 'GET' && exchange.method !== 'POST') {
      exchange.json(405, restError(405, 'The polling URL accepts GET and POST only.'), {
        Allow: 'GET, POST',
      });
      return;
    }
    const id = exchange.url.searchParams.get('subscriptionId') ?? '';
    const subscription = this.subscriptions.get(id);
    if (!subscription) {
      const status = this.options.unknownSubscriptionStatus;
      exchange.json(status, restError(status, 'Unknown or expired subscription.'));
      return;
    }
    // Drain a request body (POST) without waiting for it, so the socket stays healthy.
    exchange.req.resume();

    const stream: EventStream = new EventStream(exchange.res, {
      lineEnding: this.options.lineEnding,
      heartbeatMs: this.options.heartbeatMs,
      timeoutMs: subscription.timeoutMinutes * this.options.streamTimeoutScaleMs,
      timeoutMode: this.options.streamTimeoutMode,
      faults: this.faults,
      requeue: (line) => subscription.queue.unshift(line),
      onClose: () => {
        this.streams.delete(stream);
        this.emit('stream-close', { loginName: subscription.loginName });
      },
    });
    this.streams.set(stream, subscription);
    exchange.record(200);
    const greeting = subscription.packages.has('telephony')
      ? this.greeting(subscription.loginName).map((event) => this.encode(JSON.stringify(event)))
      : [];
    stream.start([...greeting, ...subscription.queue.splice(0)]);
    this.emit('stream-open', { loginName: subscription.loginName });
  }

  stop(): void {
    for (const stream of [...this.streams.keys()]) stream.terminate();
    this.subscriptions.clear();
  }

  private encode(text: string): Buffer {
    return Buffer.from(text + this.options.lineEnding, 'utf8');
  }

  /** Open streams of a user's live subscriptions. */
  private streamsOf(loginName: string): EventStream[] {
    return [...this.streams]
      .filter(([, owner]) => owner.loginName === loginName && this.subscriptions.has(owner.id))
      .map(([stream]) => stream);
  }
}

function eventNameOf(event: object | string): string | undefined {
  if (typeof event !== 'string') {
    const name = (event as { eventName?: unknown }).eventName;
    return typeof name === 'string' ? name : undefined;
  }
  try {
    const parsed = JSON.parse(event) as { eventName?: unknown } | null;
    return typeof parsed?.eventName === 'string' ? parsed.eventName : undefined;
  } catch {
    return undefined;
  }
}
