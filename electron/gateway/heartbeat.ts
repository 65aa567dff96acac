/**
 * Notices a half-open event stream (plain Node): when the gateway sends keep-alive channel
 * information, silence for several of its intervals means the line is dead even though the
 * socket looks open. Without heartbeats the session keepalive and `nudge()` are the safeguards.
 */

export interface HeartbeatTuning {
  /** Silence allowed, in observed heartbeat intervals. */
  readonly missedBeats: number;
  /** Never declare a stream silent sooner than this. */
  readonly minSilenceMs: number;
}

export const DEFAULT_HEARTBEAT_TUNING: HeartbeatTuning = { missedBeats: 3, minSilenceMs: 5_000 };

export class HeartbeatWatchdog {
  private lastBeat: number | undefined;
  private interval: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number,
    private readonly onSilent: (silentForMs: number) => void,
    private readonly tuning: HeartbeatTuning = DEFAULT_HEARTBEAT_TUNING,
  ) {}

  /** Anything arrived on the stream (a heartbeat or any event): the line is alive. */
  alive(isHeartbeat: boolean): void {
    const now = this.now();
    if (isHeartbeat && this.lastBeat !== undefined) {
      const gap = now - this.lastBeat;
      // Keep the longest gap seen, so a burst of beats never makes us impatient.
      this.interval = Math.max(this.interval ?? 0, gap);
    }
    if (isHeartbeat || this.lastBeat !== undefined) this.lastBeat = now;
    this.arm();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.interval === undefined || this.interval <= 0) return;
    this.stop();
    const limit = Math.max(this.tuning.minSilenceMs, this.interval * this.tuning.missedBeats);
    this.timer = setTimeout(() => this.onSilent(limit), limit);
    this.timer.unref();
  }
}
