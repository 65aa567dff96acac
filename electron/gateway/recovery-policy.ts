/**
 * The one recovery policy of the engine (pure; clock and randomness injected): how long to wait
 * before the next attempt after a stream ended, a request failed or the session was lost.
 *
 * - A stream that ends cleanly is reopened at once, unless streams keep ending right after they
 *   open without carrying anything: from the third such stream in a row it counts as a failure.
 * - Failures (network errors, 5xx, refused streams, session renewals) back off exponentially
 *   with full jitter: a uniform draw up to min(cap, base x 2^attempt), never below a small floor
 *   so a run of unlucky draws cannot turn into a tight loop.
 * - A lost session is spread out: when a gateway restarts or expires every session at once, all
 *   its clients learn it in the same second, and the first backoff rungs (about a second) would
 *   send them all back to log in together. The first re-login after a lost session therefore
 *   waits a uniform draw over a wide window (25 s by default), so a few hundred clients arrive
 *   at a tenth of their number per second at most, while a lone client is back in seconds on
 *   average.
 * - A stream that stayed up for a healthy minute resets everything.
 */

export interface RecoveryTuning {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly floorDelayMs: number;
  /** A clean end sooner than this after opening, with no event carried, is a "short" stream. */
  readonly shortStreamMs: number;
  /** This many short streams in a row count as a failure. */
  readonly shortStreamsBeforeBackoff: number;
  /** A stream up for this long resets the backoff. */
  readonly healthyAfterMs: number;
  /** Width of the window over which the re-login after a lost session is spread. */
  readonly reloginSpreadMs: number;
}

export const DEFAULT_RECOVERY_TUNING: RecoveryTuning = {
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  floorDelayMs: 500,
  shortStreamMs: 5_000,
  shortStreamsBeforeBackoff: 3,
  healthyAfterMs: 60_000,
  reloginSpreadMs: 25_000,
};

export class RecoveryPolicy {
  private attempt = 0;
  private shortStreams = 0;
  private confirmedAt: number | undefined;

  constructor(
    private readonly random: () => number,
    private readonly tuning: RecoveryTuning = DEFAULT_RECOVERY_TUNING,
  ) {}

  /** Consecutive failures counted so far (0 after a reset). */
  get failures(): number {
    return this.attempt;
  }

  /** The stream is confirmed open (first OnChannelInformation). */
  streamConfirmed(now: number): void {
    this.confirmedAt = now;
  }

  /** Called while a stream is open; resets the backoff once it has been up a healthy minute. */
  checkHealthy(now: number): boolean {
    if (this.confirmedAt !== undefined && now - this.confirmedAt >= this.tuning.healthyAfterMs) {
      this.attempt = 0;
      this.shortStreams = 0;
      return true;
    }
    return false;
  }

  /** A stream ended cleanly. Returns the delay before reopening the same URL. */
  streamEnded(now: number, openedAt: number, carriedEvents: boolean): number {
    this.checkHealthy(now);
    this.confirmedAt = undefined;
    const short = now - openedAt < this.tuning.shortStreamMs && !carriedEvents;
    if (!short) {
      this.shortStreams = 0;
      return 0;
    }
    this.shortStreams += 1;
    if (this.shortStreams < this.tuning.shortStreamsBeforeBackoff) return 0;
    return this.nextBackoff();
  }

  /** Any failure (network, 5xx, refused stream, lost session). Returns the delay to wait. */
  failed(now: number): number {
    this.checkHealthy(now);
    this.confirmedAt = undefined;
    return this.nextBackoff();
  }

  /**
   * The session is gone and the next attempt logs in again: the usual backoff, but never sooner
   * than a uniform draw over the re-login window (see the file comment for why).
   */
  sessionLost(now: number): number {
    const backoff = this.failed(now);
    const { floorDelayMs, reloginSpreadMs } = this.tuning;
    const spread = Math.round(
      floorDelayMs + this.random() * Math.max(0, reloginSpreadMs - floorDelayMs),
    );
    return Math.max(backoff, spread);
  }

  /** Forgets all failures: a new account, or the user asked to reconnect now. */
  reset(): void {
    this.attempt = 0;
    this.shortStreams = 0;
    this.confirmedAt = undefined;
  }

  private nextBackoff(): number {
    const { baseDelayMs, maxDelayMs, floorDelayMs } = this.tuning;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(this.attempt, 30));
    const floor = Math.min(floorDelayMs, ceiling);
    this.attempt += 1;
    return Math.round(floor + this.random() * (ceiling - floor));
  }
}
