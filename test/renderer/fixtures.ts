/**
 * Presence views and callers for renderer tests and screenshots: every tray state and
 * connection status, the six caller shapes of F8 and the markup names of F9, as the engine
 * hands them to the renderer.
 */
import type {
  Alert,
  CallerDisplay,
  CallView,
  ConnectionStatus,
  PresenceView,
  TrayState,
} from '../../shared/presence/types.js';

export const TRAY_STATES: readonly TrayState[] = [
  'free',
  'ringing',
  'busy',
  'dnd',
  'offline',
  'unknown',
];

export const CONNECTION_STATUSES: readonly ConnectionStatus[] = [
  'stopped',
  'connecting',
  'online',
  'reconnecting',
  'wrong-credentials',
  'certificate-untrusted',
  'unreachable',
  'event-port-unreachable',
];

export function caller(overrides: Partial<CallerDisplay> = {}): CallerDisplay {
  return {
    name: 'Marc Olivier',
    number: '0240123456',
    via: null,
    anonymous: false,
    unknown: false,
    ...overrides,
  };
}

export const LONG_NAME = 'A'.repeat(130) + 'Z'.repeat(130);

/** F8: the six caller shapes, after the engine's normalisation. */
export const F8_CALLERS: Readonly<Record<string, CallerDisplay>> = {
  'first and last name, displayName null': caller({ name: 'Marc Olivier' }),
  'displayName only, international number': caller({
    name: 'ACCUEIL MAIRIE',
    number: '+41 22 555 01 99',
  }),
  'anonymous with an empty number': caller({ name: 'Withheld', number: null, anonymous: true }),
  'no identity key': caller({ name: 'Unknown', number: null, unknown: true }),
  'no participants': caller({ name: 'Unknown', number: null, unknown: true }),
  'displayName of 260 letters': caller({ name: LONG_NAME, number: '0240123456' }),
};

/** F9: markup and script in a caller's name and number. */
export const F9_NAME = '<img src=x onerror="window.__pwned=1">Léa & Co <b>VIP</b>';
export const F9_NUMBER = '0240<script>1</script>';

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    callRef: '7001',
    caller: caller(),
    since: Date.now() - 12_000,
    canAnswer: true,
    canSendToVoicemail: true,
    ...overrides,
  };
}

export function call(overrides: Partial<CallView> = {}): CallView {
  return {
    callRef: '7001',
    state: 'ACTIVE',
    legState: 'ACTIVE',
    direction: 'incoming',
    caller: caller(),
    since: Date.now() - 185_000,
    ...overrides,
  };
}

/** A signed-in, online user with nothing going on; overrides shape any other state. */
export function presenceView(overrides: Partial<PresenceView> = {}): PresenceView {
  return {
    tray: 'free',
    tooltip: 'Free',
    connection: { status: 'online' },
    user: {
      loginName: 'oxe19141',
      companyPhone: '19141',
      firstName: 'Claire',
      lastName: 'Martin',
      devices: ['19141'],
    },
    userState: 'FREE',
    dnd: false,
    counters: {
      missedCalls: 0,
      voiceMessages: 0,
      callbackRequests: 0,
      faxes: 0,
      newTexts: 0,
      eventWaiting: false,
    },
    calls: [],
    alerts: [],
    ...overrides,
  };
}

/** A view that is consistent for the given tray state (a ringing tray has an alert, etc.). */
export function viewInTrayState(tray: TrayState): PresenceView {
  switch (tray) {
    case 'ringing':
      return presenceView({
        tray,
        userState: 'FREE',
        alerts: [alert()],
        calls: [
          call({
            state: 'RINGING_INCOMING',
            legState: 'RINGING_INCOMING',
            since: Date.now() - 12_000,
          }),
        ],
      });
    case 'busy':
      return presenceView({ tray, userState: 'BUSY', calls: [call()] });
    case 'dnd':
      return presenceView({ tray, dnd: true });
    case 'offline':
      return presenceView({
        tray,
        userState: null,
        connection: { status: 'unreachable', reason: 'connect ECONNREFUSED 10.0.0.5:443' },
      });
    case 'unknown':
      return presenceView({ tray, userState: 'UNKNOWN' });
    case 'free':
      return presenceView();
  }
}
