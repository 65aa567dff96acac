/**
 * The presence model's vocabulary: what every front end (tray, notification, popup, dashboard,
 * terminal) renders from. Pure data, runs anywhere. The reducer that produces it lives beside
 * this file; nothing else decides whether the phone is ringing.
 */

/** What the tray icon shows, in priority order: offline > ringing > busy > dnd > free. */
export type TrayState = 'offline' | 'ringing' | 'busy' | 'dnd' | 'free' | 'unknown';

/** Where the gateway connection stands, as the user should hear it. */
export type ConnectionStatus =
  | 'stopped'
  | 'connecting'
  | 'online'
  | 'reconnecting'
  | 'wrong-credentials'
  | 'certificate-untrusted'
  | 'unreachable'
  | 'event-port-unreachable';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Human-readable reason for anything but `online` ("certificate not trusted", "HTTP 503"). */
  readonly reason?: string;
  /** Epoch milliseconds of the next attempt while reconnecting. */
  readonly nextAttemptAt?: number;
}

/** Counters from the eventSummary package; absent counters are 0. */
export interface Counters {
  readonly missedCalls: number;
  readonly voiceMessages: number;
  readonly callbackRequests: number;
  readonly faxes: number;
  readonly newTexts: number;
  readonly eventWaiting: boolean;
}

/** How a caller is shown: never "null" or "undefined", the number exactly as given. */
export interface CallerDisplay {
  /** Name to show, or a withheld/unknown label. Never empty. */
  readonly name: string;
  /** The number as the gateway gave it, or null when there is none. */
  readonly number: string | null;
  /** The initially called number when it differs from the user's own, else null. */
  readonly via: string | null;
  readonly anonymous: boolean;
  /** True when the gateway told us nothing about the caller. */
  readonly unknown: boolean;
}

/**
 * Why an alert closed. `connection-lost`: the gateway could not be reached for too long to vouch
 * that the call still rings; the alert opens again if it still does once the state is re-read.
 */
export type AlertCloseReason =
  'answered' | 'answered-elsewhere' | 'missed' | 'ended' | 'connection-lost';

/** An incoming call that is ringing for the user right now. */
export interface Alert {
  readonly callRef: string;
  readonly caller: CallerDisplay;
  /** Epoch milliseconds when we first saw it ringing. */
  readonly since: number;
  /** The user's leg allows answering from here. */
  readonly canAnswer: boolean;
  /** The call may be redirected to voicemail. */
  readonly canSendToVoicemail: boolean;
}

export type AlertChange =
  | { readonly action: 'show'; readonly alert: Alert }
  | { readonly action: 'close'; readonly callRef: string; readonly reason: AlertCloseReason };

/** A call of the user, as shown on the dashboard. */
export interface CallView {
  readonly callRef: string;
  /** Global call state (MediaState); an open string, unknown values kept. */
  readonly state: string;
  /** State of the user's own leg, when known. */
  readonly legState: string | null;
  readonly direction: 'incoming' | 'outgoing' | 'unknown';
  readonly caller: CallerDisplay;
  /** Epoch milliseconds when we first saw the call. */
  readonly since: number;
}

export interface UserInfo {
  readonly loginName: string;
  readonly companyPhone: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** Device numbers of the user (`devices[].id`), used as `deviceId` in call control. */
  readonly devices: readonly string[];
}

/** The serialisable picture that crosses processes: main -> renderer, engine -> terminal. */
export interface PresenceView {
  readonly tray: TrayState;
  readonly tooltip: string;
  readonly connection: ConnectionState;
  readonly user: UserInfo | null;
  /** FREE / BUSY / UNKNOWN as the gateway says, or null when not known yet. */
  readonly userState: string | null;
  readonly dnd: boolean;
  readonly counters: Counters;
  readonly calls: readonly CallView[];
  readonly alerts: readonly Alert[];
}
