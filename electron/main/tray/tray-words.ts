/**
 * Main process (pure): the words of the tray, in the user's language. English uses the presence
 * model's own tooltip; French says the same things from the same view, with the wording of the
 * renderer's French catalogue, so the tray and the dashboard agree.
 */
import type { ConnectionStatus, PresenceView } from '../../../shared/presence/types.js';
import type { ShellLanguage } from '../system/language.js';

export interface TrayWords {
  tooltip(view: PresenceView): string;
  missedCalls(count: number): string;
  voiceMessages(count: number): string;
  readonly dnd: string;
  readonly open: string;
  readonly settings: string;
  readonly startAtLogin: string;
  readonly openLogFolder: string;
  readonly quit: string;
}

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** French counts 0 and 1 in the singular ("0 appel manqué"). */
const pluralFr = (count: number, one: string, many: string): string =>
  `${count} ${count <= 1 ? one : many}`;

const ENGLISH: TrayWords = {
  tooltip: (view) => view.tooltip,
  missedCalls: (n) => plural(n, 'missed call', 'missed calls'),
  voiceMessages: (n) => plural(n, 'voice message', 'voice messages'),
  dnd: 'Do not disturb',
  open: 'Open',
  settings: 'Settings',
  startAtLogin: 'Start at login',
  openLogFolder: 'Open log folder',
  quit: 'Quit',
};

const FRENCH_CONNECTION: Record<Exclude<ConnectionStatus, 'online'>, string> = {
  stopped: 'Non connecté',
  connecting: 'Connexion…',
  reconnecting: 'Reconnexion',
  'wrong-credentials': 'Hors ligne : identifiant ou mot de passe incorrect',
  'certificate-untrusted': 'Hors ligne : certificat non reconnu',
  unreachable: 'Hors ligne : passerelle injoignable',
  'event-port-unreachable': 'Hors ligne : port d’événements injoignable',
};

function frenchTooltip(view: PresenceView): string {
  if (view.connection.status !== 'online') return FRENCH_CONNECTION[view.connection.status];
  switch (view.tray) {
    case 'ringing': {
      const [first, ...others] = view.alerts;
      if (!first) return 'Sonnerie';
      const { name, number } = first.caller;
      const who = number !== null && number !== name ? `${name}, ${number}` : name;
      return `Sonnerie : ${who}${others.length > 0 ? ` (+${others.length})` : ''}`;
    }
    case 'busy':
      return 'Occupé';
    case 'dnd':
      return 'Ne pas déranger';
    case 'free':
      return 'Disponible';
    default:
      return 'Connecté, état du téléphone inconnu';
  }
}

const FRENCH: TrayWords = {
  tooltip: frenchTooltip,
  missedCalls: (n) => pluralFr(n, 'appel manqué', 'appels manqués'),
  voiceMessages: (n) => pluralFr(n, 'message vocal', 'messages vocaux'),
  dnd: 'Ne pas déranger',
  open: 'Ouvrir',
  settings: 'Paramètres',
  startAtLogin: 'Lancer à l’ouverture de session',
  openLogFolder: 'Ouvrir le dossier des journaux',
  quit: 'Quitter',
};

export const TRAY_WORDS: Readonly<Record<ShellLanguage, TrayWords>> = { en: ENGLISH, fr: FRENCH };
