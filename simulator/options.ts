// Simulator configuration (plain Node): the options a test, the CLI or the app's demo mode pass to
// startSimulator, their defaults, and the accounts that exist when none are given.

export interface SimulatorUser {
  loginName: string;
  password: string;
  /** The user's desk phone number; also its telephony deviceId and companyPhone. */
  extension: string;
  firstName?: string;
  lastName?: string;
}

/** One entry of the session's `services` list. Clients must match serviceName case-insensitively. */
export interface ServiceEntry {
  serviceName: string;
  relativeUrl: string;
  serviceVersion?: string;
}

export type UnknownSubscriptionStatus = 401 | 403 | 404;

export interface SimulatorOptions {
  /** HTTPS on both ports, with a leaf certificate issued by a CA generated at start. */
  tls?: boolean;
  /** 0 (default) = any free port. */
  restPort?: number;
  eventPort?: number;
  host?: '127.0.0.1';
  users?: SimulatorUser[];
  /** Session lifetime without keepalive, in seconds (default 1800). */
  sessionTtlSeconds?: number;
  /** When true any authenticated REST request restarts the session timer, not only keepalive. */
  keepaliveResetsOnAnyRequest?: boolean;
  /** Interval of the `OnChannelInformation` "keepalive" line; null = never sent. Default 30 s. */
  heartbeatMs?: number | null;
  lineEnding?: '\r\n' | '\n';
  /** Status of the polling URL for a subscription that does not exist (any more). Default 404. */
  unknownSubscriptionStatus?: UnknownSubscriptionStatus;
  /** How a refused subscription is answered: 200 + status REFUSED (default) or 400 + error body. */
  refusalStyle?: 'status200' | 'http400';
  /** Keep events raised while a subscription has no open stream for its next stream (default). */
  queueEventsWhileDisconnected?: boolean;
  /** How many milliseconds one minute of subscription `timeout` lasts (default 60 000). */
  streamTimeoutScaleMs?: number;
  /** 'inactivity' (default): the stream ends after `timeout` without an event; 'lifetime': after
   * `timeout` since it opened. The real gateway's rule is not documented. */
  streamTimeoutMode?: 'inactivity' | 'lifetime';
  /** Shape of `state.deviceStates` in the OnTelephonyState event (the SDKs disagree). */
  snapshotDeviceStates?: 'nested' | 'flat';
  /** Cause of OnCallRemoved when a ringing call is not answered (default NOT_ANSWERED). */
  missedCallCause?: string;
  /** Voicemail number of every user (the `newDestination` of a call sent to voicemail). */
  voicemailNumber?: string;
  services?: ServiceEntry[];
  /** Host name in the public URLs (publicUrl, publicBaseUrl, publicPollingUrl), e.g. 'localhost',
   * so a client's private/public choice is visible; private URLs always use `host`. */
  publicHostname?: string;
  /** 'omit' leaves empty arrays out of call events (the 2018 capture sends them; SDKs say an
   * absent field means "no change"), to check that clients accept both. */
  emptyArrays?: 'send' | 'omit';
  /** Start each telephony stream with OnDeviceStateModified and OnUserStateModified, as the 2018
   * capture shows after "Chunk started" (protocol §5.4); clients must not rely on it. */
  announceStateOnOpen?: boolean;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'heartbeatMs'>> & {
  heartbeatMs: number | null;
};

/** Accounts present when `users` is not given. Passwords are test values, printed by the CLI. */
export const DEFAULT_USERS: readonly SimulatorUser[] = [
  {
    loginName: 'oxe19140',
    password: 'Alto-19140',
    extension: '19140',
    firstName: 'Camille',
    lastName: 'Martin',
  },
  {
    loginName: 'oxe19141',
    password: 'Viola-19141',
    extension: '19141',
    firstName: 'Julien',
    lastName: 'Moreau',
  },
  {
    loginName: 'oxe31001',
    password: 'Tr0mbone!Quiet#42',
    extension: '31001',
    firstName: 'Anne',
    lastName: 'Kerjean',
  },
];

/** Capitalised on purpose: a client that compares service names case-sensitively fails here. */
export const DEFAULT_SERVICES: readonly ServiceEntry[] = [
  { serviceName: 'Telephony', relativeUrl: '/telephony' },
  { serviceName: 'Users', relativeUrl: '/users' },
  { serviceName: 'Routing', relativeUrl: '/routing' },
  { serviceName: 'EventSummary', relativeUrl: '/eventsummary' },
  { serviceName: 'Subscriptions', relativeUrl: '/subscriptions' },
  { serviceName: 'Logins', relativeUrl: '/logins' },
];

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    tls: options.tls ?? false,
    restPort: options.restPort ?? 0,
    eventPort: options.eventPort ?? 0,
    host: options.host ?? '127.0.0.1',
    users: (options.users ?? DEFAULT_USERS).map((user) => ({ ...user })),
    sessionTtlSeconds: options.sessionTtlSeconds ?? 1800,
    keepaliveResetsOnAnyRequest: options.keepaliveResetsOnAnyRequest ?? false,
    heartbeatMs: options.heartbeatMs === undefined ? 30_000 : options.heartbeatMs,
    lineEnding: options.lineEnding ?? '\r\n',
    unknownSubscriptionStatus: options.unknownSubscriptionStatus ?? 404,
    refusalStyle: options.refusalStyle ?? 'status200',
    queueEventsWhileDisconnected: options.queueEventsWhileDisconnected ?? true,
    streamTimeoutScaleMs: options.streamTimeoutScaleMs ?? 60_000,
    streamTimeoutMode: options.streamTimeoutMode ?? 'inactivity',
    snapshotDeviceStates: options.snapshotDeviceStates ?? 'nested',
    missedCallCause: options.missedCallCause ?? 'NOT_ANSWERED',
    voicemailNumber: options.voicemailNumber ?? '39999',
    services: (options.services ?? DEFAULT_SERVICES).map((service) => ({ ...service })),
    publicHostname: options.publicHostname ?? options.host ?? '127.0.0.1',
    emptyArrays: options.emptyArrays ?? 'send',
    announceStateOnOpen: options.announceStateOnOpen ?? false,
  };
}
