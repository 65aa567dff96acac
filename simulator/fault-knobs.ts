// The `faults` object of a running simulator (plain Node): every knob a test or the control
// endpoint turns to make the gateway misbehave the way field reports describe (F1-F6).
import type { EndpointFaults, EndpointMatch } from './endpoint-faults.js';
import type { Gateway } from './gateway.js';

export interface SimulatorFaults {
  /** The next event is written as several chunks, cut at these byte offsets (or byte by byte). */
  splitNextEvent(offsets: number[] | 'bytewise', options?: { gapMs?: number }): void;
  /** The next `count` events are written together as one chunk. */
  batchNext(count: number): void;
  /** Every open stream ends cleanly (after what is already queued). */
  endStreams(): void;
  /** Every open stream's connection is reset (TCP RST). */
  resetStreams(): void;
  /** The next event is cut after `atByte` bytes (default: half) and its connection dropped. */
  cutMidEvent(options?: { atByte?: number; how?: 'reset' | 'end'; requeue?: boolean }): void;
  /** Open streams stay open but nothing more is written to them, heartbeats included. */
  goSilent(): void;
  /** The next `times` requests matching `match` (either port) get `status` (or a reset). */
  failEndpoint(
    match: EndpointMatch,
    status: number | 'reset',
    times?: number,
    body?: string | object,
  ): void;
  /** Ends sessions now as if their timeToLive ran out; returns how many. */
  expireSessions(loginName?: string): number;
  /** Matching requests are answered `ms` later (`times` requests, default all). */
  delay(match: EndpointMatch, ms: number, times?: number): void;
  /** Exact bytes as one chunk to every open stream of the user. */
  writeRaw(loginName: string, bytes: Uint8Array): void;
  /** Disarms everything not yet consumed. */
  clear(): void;
}

export function createFaults(gateway: Gateway, endpoints: EndpointFaults): SimulatorFaults {
  const streams = gateway.channel.faults;
  return {
    splitNextEvent(offsets, options = {}) {
      if (offsets !== 'bytewise' && !offsets.every((o) => Number.isInteger(o) && o >= 0)) {
        throw new Error('splitNextEvent offsets must be non-negative integers.');
      }
      streams.arm({ kind: 'split', offsets, gapMs: options.gapMs ?? 2 });
    },
    batchNext(count) {
      streams.armBatch(count);
    },
    endStreams() {
      gateway.channel.endStreams();
    },
    resetStreams() {
      gateway.channel.resetStreams();
    },
    cutMidEvent(options = {}) {
      streams.arm({
        kind: 'cut',
        atByte: options.atByte,
        how: options.how ?? 'reset',
        requeue: options.requeue ?? false,
      });
    },
    goSilent() {
      gateway.channel.silenceStreams();
    },
    failEndpoint(match, status, times = 1, body) {
      endpoints.fail({ match, status, remaining: times, ...(body !== undefined ? { body } : {}) });
    },
    expireSessions(loginName) {
      return gateway.sessions.expireAll(loginName);
    },
    delay(match, ms, times) {
      endpoints.delay(match, ms, times);
    },
    writeRaw(loginName, bytes) {
      gateway.channel.writeRaw(loginName, bytes);
    },
    clear() {
      streams.clear();
      endpoints.clear();
    },
  };
}
