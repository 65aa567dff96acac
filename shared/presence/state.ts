/**
 * The presence model's internal state: everything the reducer knows about the user's phone,
 * updated immutably (every change returns a new object; maps are copied, never mutated).
 * Pure code; the engine holds one instance and turns it into a `PresenceView` for front ends.
 */
import type { Alert, AlertCloseReason, ConnectionState, Counters, UserInfo } from './types.js';
import type { WireRecord } from './wire.js';

/** One call of the user, as merged from creation, modifications and snapshots. */
export interface CallRecord {
  readonly callRef: string;
  /** Latest `callData`, merged field by field: a field not sent means "unchanged". */
  readonly callData: WireRecord;
  /** The user's legs (one per device in the call), keyed by `deviceId`, in arrival order. */
  readonly legs: readonly WireRecord[];
  /** True once the gateway named a leg: an empty `legs` then means no device of ours rings. */
  readonly legsKnown: boolean;
  /** Remote parties, keyed by `participantId` when they have one. */
  readonly participants: readonly WireRecord[];
  readonly initiator: string | null;
  /**
   * Cause given with the latest change, null when it gave none. Only the latest counts: a call
   * forwarded to the user arrives with FORWARDED, which says nothing about how it ends.
   */
  readonly cause: string | null;
  readonly direction: 'incoming' | 'outgoing' | 'unknown';
  /** Epoch ms when we first saw the call (kept across `previousCallRef` replacements). */
  readonly since: number;
  /** Model sequence number of the last change, weighed against the user state's. */
  readonly seq: number;
}

/** A call that left the table recently: late events for it are ignored, a successor inherits. */
export interface EndedCall {
  readonly callRef: string;
  readonly since: number;
  readonly direction: CallRecord['direction'];
  readonly replacedBy: string | null;
}

/** Why an alert closed, remembered so `diffAlerts` can tell front ends. */
export interface ClosedAlert {
  readonly seq: number;
  readonly callRef: string;
  readonly reason: AlertCloseReason;
}

export interface PresenceState {
  /** The monitored user: events for another login are ignored. */
  readonly loginName: string;
  /** Incremented by every change; orders calls against user-state news. */
  readonly seq: number;
  readonly connection: ConnectionState;
  readonly user: UserInfo | null;
  /** FREE / BUSY / UNKNOWN (or a newer value) as the gateway said, null before it said anything. */
  readonly userState: string | null;
  readonly userStateSeq: number;
  readonly dnd: boolean;
  /**
   * Operational state of the user's devices (IN_SERVICE, OUT_OF_SERVICE, ...) by deviceId, from
   * snapshots and OnDeviceStateModified: "my desk phone is unplugged" for whoever asks.
   */
  readonly deviceStates: ReadonlyMap<string, string>;
  readonly counters: Counters;
  readonly calls: ReadonlyMap<string, CallRecord>;
  /** Open incoming-call alerts by callRef, in the order they opened. */
  readonly alerts: ReadonlyMap<string, Alert>;
  /** The last few alert closings, oldest first (bounded by `MEMORY_LIMIT`). */
  readonly closedAlerts: readonly ClosedAlert[];
  /** The last few calls that ended (bounded by `MEMORY_LIMIT`). */
  readonly endedCalls: readonly EndedCall[];
}

/** How many ended calls and alert closings are remembered: enough for late or duplicate events. */
export const MEMORY_LIMIT = 32;

/**
 * Most calls kept at once. A user has a handful; the cap only matters if the gateway loses
 * OnCallRemoved events for long, and then the oldest non-ringing calls go first.
 */
export const MAX_CALLS = 64;

export const ZERO_COUNTERS: Counters = {
  missedCalls: 0,
  voiceMessages: 0,
  callbackRequests: 0,
  faxes: 0,
  newTexts: 0,
  eventWaiting: false,
};

export function initialPresenceState(loginName: string): PresenceState {
  return {
    loginName,
    seq: 0,
    connection: { status: 'stopped' },
    user: null,
    userState: null,
    userStateSeq: 0,
    dnd: false,
    deviceStates: new Map(),
    counters: ZERO_COUNTERS,
    calls: new Map(),
    alerts: new Map(),
    closedAlerts: [],
    endedCalls: [],
  };
}

/** Appends to a bounded memory, dropping the oldest entries beyond the limit. */
export function remember<T>(memory: readonly T[], entry: T): readonly T[] {
  const next =
    memory.length >= MEMORY_LIMIT ? memory.slice(memory.length - MEMORY_LIMIT + 1) : [...memory];
  next.push(entry);
  return next;
}

/** Login names are compared as the PBX does: case-insensitively, ignoring stray spaces. */
export function sameLogin(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
