/**
 * One listening turn on the event channel (plain Node): opens the stream, and once the channel
 * confirms with its first OnChannelInformation re-reads the state, holding back events until
 * that snapshot is in the model so nothing is applied out of order. Watches heartbeats for a
 * half-open line. Events of a stream that is no longer current are dropped.
 */
import type { Dispatcher } from 'undici';
import type { O2gEvent } from '../../shared/events/index.js';
import { readEventStream } from './event-stream.js';
import type { StreamEnd } from './event-stream.js';
import { HeartbeatWatchdog } from './heartbeat.js';
import type { HeartbeatTuning } from './heartbeat.js';
import type { Logger } from './log.js';

/** The state re-read after the stream opened failed: a REST failure, not a stream one. */
export class ResyncFailure {
  constructor(readonly error: unknown) {}
}

/** Why we cut our own stream: carried as the abort reason so the loop knows what to do next. */
export class Interruption {
  constructor(
    readonly why: 'nudge' | 'session-gone' | 'silent' | 'stop',
    readonly detail = '',
    /** For 'silent': how long nothing came. */
    readonly silentMs?: number,
  ) {}
}

export interface ListenOptions {
  readonly dispatcher: Dispatcher;
  readonly url: string;
  /** Aborting it ends the turn; its reason (an Interruption) is what the turn throws. */
  readonly abort: AbortController;
  readonly now: () => number;
  readonly log: Logger;
  readonly heartbeat?: HeartbeatTuning;
  /** False once this stream is superseded or the connection stopped. */
  readonly isCurrent: () => boolean;
  /** The channel confirmed (first OnChannelInformation). */
  readonly onConfirmed: () => void;
  /** Reads the state and loads it into the model. */
  readonly resync: (signal: AbortSignal) => Promise<void>;
  readonly apply: (event: O2gEvent) => void;
}

/** Reads one stream to its end; throws the Interruption or ResyncFailure that cut it short. */
export async function listenOnce(options: ListenOptions): Promise<StreamEnd> {
  const { abort } = options;
  const current = () => options.isCurrent() && !abort.signal.aborted;
  let held: O2gEvent[] | undefined;
  let resyncing: Promise<void> | undefined;
  const watchdog = new HeartbeatWatchdog(
    options.now,
    (ms) =>
      abort.abort(new Interruption('silent', `no heartbeat for ${Math.round(ms / 1000)} s`, ms)),
    options.heartbeat,
  );

  const startResync = (): Promise<void> => {
    options.onConfirmed();
    const pending: O2gEvent[] = [];
    held = pending;
    const done = options.resync(abort.signal).then(() => {
      held = undefined;
      for (const event of pending) if (current()) options.apply(event);
    });
    // A failed re-read cuts this stream; the connection loop then treats the failure.
    done.catch((error: unknown) => abort.abort(new ResyncFailure(error)));
    return done;
  };

  const onEvent = (event: O2gEvent): void => {
    if (!current()) return;
    const isChannelInfo = event.eventName === 'OnChannelInformation';
    watchdog.alive(isChannelInfo && event.text === 'keepalive');
    if (isChannelInfo) {
      resyncing ??= startResync();
      return;
    }
    if (held) held.push(event);
    else options.apply(event);
  };

  try {
    const end = await readEventStream({
      dispatcher: options.dispatcher,
      url: options.url,
      signal: abort.signal,
      now: options.now,
      log: options.log,
      onEvent,
    });
    // Events held back during the re-read are applied before the next stream opens.
    if (resyncing) {
      await resyncing.catch((error: unknown) => Promise.reject(new ResyncFailure(error)));
    }
    return end;
  } catch (error) {
    const reason: unknown = abort.signal.reason;
    if (abort.signal.aborted && reason !== undefined) throw reason;
    throw error;
  } finally {
    watchdog.stop();
  }
}
