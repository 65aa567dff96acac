/**
 * One connection of the event channel (plain Node, protocol §5): POST to the polling URL through
 * the run's dispatcher, no body timeout (a quiet line is normal), bytes fed to the shared
 * decoder, events handed on in order. Returns how the stream ended; throws how it failed.
 */
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { EventStreamDecoder } from '../../shared/stream/index.js';
import type { O2gEvent } from '../../shared/events/index.js';
import { GatewayError, classifyError } from './errors.js';
import type { Logger } from './log.js';

export interface StreamEnd {
  /** Epoch ms when the request was sent. */
  readonly openedAt: number;
  /** Events other than channel information were delivered. */
  readonly carriedEvents: boolean;
}

export interface StreamOptions {
  readonly dispatcher: Dispatcher;
  readonly url: string;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly log: Logger;
  /** Called for every event, in wire order; may return a promise the reader does not await. */
  readonly onEvent: (event: O2gEvent) => void;
  /** Called once the response headers came back 2xx. */
  readonly onOpen?: () => void;
}

/** The polling URL's port, for "event port 8014 unreachable" messages. */
export function eventPort(url: string): string {
  const parsed = new URL(url);
  return parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
}

export async function readEventStream(options: StreamOptions): Promise<StreamEnd> {
  const { log, signal } = options;
  const openedAt = options.now();
  let carriedEvents = false;
  let malformed = 0;
  const decoder = new EventStreamDecoder({
    onMalformed: (line) => {
      malformed += 1;
      // Never the line itself: it may hold caller names and numbers.
      log.warn('skipped an unreadable event line', { reason: line.reason, length: line.length });
    },
  });
  const deliver = (events: O2gEvent[]): void => {
    for (const event of events) {
      if (signal.aborted) return;
      if (event.eventName !== 'OnChannelInformation') carriedEvents = true;
      options.onEvent(event);
    }
  };

  let response: Dispatcher.ResponseData;
  try {
    response = await request(options.url, {
      method: 'POST',
      headers: { accept: '*/*' },
      signal,
      dispatcher: options.dispatcher,
    });
  } catch (error) {
    throw classifyError(error, `Event stream on port ${eventPort(options.url)}`, options.url);
  }

  if (response.statusCode < 200 || response.statusCode > 299) {
    await response.body.dump().catch(() => undefined);
    throw new GatewayError(
      'http',
      `The event stream answered HTTP ${response.statusCode}`,
      response.statusCode,
    );
  }
  options.onOpen?.();

  try {
    // 'data' callbacks rather than an async iterator: each read reaches the model in the same
    // tick it arrives, without a promise hop per chunk (alert latency, see bench/).
    await new Promise<void>((resolve, reject) => {
      const body = response.body;
      body.on('data', (chunk: Buffer) => {
        if (signal.aborted) body.destroy();
        else deliver(decoder.push(chunk));
      });
      let ended = false;
      body.once('end', () => {
        ended = true;
        resolve();
      });
      body.once('error', reject);
      // Closed without its end and without an error: still a cut, never a clean end.
      body.once('close', () => (ended ? resolve() : reject(new Error('event stream cut short'))));
    });
  } catch (error) {
    // A cut connection: whatever half line was held back belongs to a dead stream.
    decoder.reset();
    throw classifyError(error, 'Event stream');
  }
  if (signal.aborted) {
    decoder.reset();
    throw classifyError(signal.reason ?? new DOMException('aborted', 'AbortError'), 'Event stream');
  }
  deliver(decoder.end());
  if (malformed > 0) log.info('event stream ended', { malformedLines: malformed });
  return { openedAt, carriedEvents };
}
