// The recovery policy's arithmetic: full-jitter backoff, short-stream counting, healthy reset.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RECOVERY_TUNING, RecoveryPolicy } from '../../electron/gateway/recovery-policy.js';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('RecoveryPolicy', () => {
  it('doubles the ceiling from 1 s up to the 30 s cap with full jitter', () => {
    const top = new RecoveryPolicy(() => 0.999_999);
    const ceilings = Array.from({ length: 8 }, () => top.failed(0));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);

    const bottom = new RecoveryPolicy(() => 0);
    expect(Array.from({ length: 4 }, () => bottom.failed(0))).toEqual([500, 500, 500, 500]);

    const middle = new RecoveryPolicy(() => 0.5);
    expect(middle.failed(0)).toBe(750);
    expect(middle.failed(0)).toBe(1250);
  });

  it('reopens at once after a clean end, and backs off from the third short stream', () => {
    const policy = new RecoveryPolicy(() => 0.999_999);
    expect(policy.streamEnded(100, 0, false)).toBe(0);
    expect(policy.streamEnded(200, 100, false)).toBe(0);
    expect(policy.streamEnded(300, 200, false)).toBe(1000);
    expect(policy.streamEnded(400, 300, false)).toBe(2000);
    // A stream that carried a call is productive: reopened at once and the short count restarts.
    expect(policy.streamEnded(500, 400, true)).toBe(0);
    expect(policy.streamEnded(600, 500, false)).toBe(0);
  });

  it('treats a long clean stream as productive even without events', () => {
    const policy = new RecoveryPolicy(() => 0.5);
    for (let i = 0; i < 5; i++) {
      const opened = i * 10_000;
      expect(policy.streamEnded(opened + 6_000, opened, false)).toBe(0);
    }
  });

  it('spreads the re-login after a lost session over the whole window', () => {
    expect(new RecoveryPolicy(() => 0).sessionLost(0)).toBe(500);
    expect(new RecoveryPolicy(() => 0.999_999).sessionLost(0)).toBe(25_000);

    // 300 clients losing their session in the same instant: no second gets a tenth of them.
    const perSecond = new Map<number, number>();
    for (let seed = 1; seed <= 300; seed++) {
      const delay = new RecoveryPolicy(seeded(seed * 7919)).sessionLost(0);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(25_000);
      const second = Math.floor(delay / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(30);
  });

  it('never makes a lost session wait less than the running backoff', () => {
    const policy = new RecoveryPolicy(() => 0.999_999);
    for (let i = 0; i < 6; i++) policy.failed(0);
    expect(policy.sessionLost(0)).toBe(30_000);
  });

  it('resets the backoff after a healthy minute', () => {
    const policy = new RecoveryPolicy(() => 0.999_999);
    for (let i = 0; i < 6; i++) policy.failed(0);
    expect(policy.failures).toBe(6);
    policy.streamConfirmed(1_000);
    expect(policy.checkHealthy(30_000)).toBe(false);
    expect(policy.failed(61_000)).toBe(1000);
  });

  it('keeps a storm near the cap: at most about 12 attempts in a faulty minute', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const policy = new RecoveryPolicy(seeded(seed));
      let clock = 0;
      let attempts = 0;
      while (clock < 60_000) {
        attempts += 1;
        clock += policy.failed(clock);
      }
      expect(attempts).toBeLessThanOrEqual(14);
    }
  });

  it('waits the computed delay on a timer (fake clock, arithmetic only)', async () => {
    vi.useFakeTimers();
    try {
      const policy = new RecoveryPolicy(() => 0.5, DEFAULT_RECOVERY_TUNING);
      const fired: number[] = [];
      const delay = policy.failed(Date.now());
      setTimeout(() => fired.push(Date.now()), delay);
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(fired).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(fired).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
