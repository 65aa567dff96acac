// The simulator's shared state as the request handlers see it (plain Node), how it is built,
// and the helpers every handler uses: the session behind a request, body validation (400).
import type { z } from 'zod';
import { Directory } from './directory.js';
import { EventChannel } from './event-channel.js';
import type { Exchange } from './exchange.js';
import { deviceStatesOf } from './line-state.js';
import { Lines } from './lines.js';
import type { ResolvedOptions, SimulatorUser } from './options.js';
import { GatewayError } from './rest-error.js';
import { SessionStore, type Session } from './sessions.js';
import { Telephony } from './telephony.js';

export const API_BASE = '/api/rest/1.0';
export const SESSIONS_PATH = `${API_BASE}/sessions`;
export const COOKIE_NAME = 'AlcUserId';

export interface Gateway {
  readonly options: ResolvedOptions;
  readonly directory: Directory;
  readonly sessions: SessionStore;
  readonly channel: EventChannel;
  readonly lines: Lines;
  readonly telephony: Telephony;
  readonly urls: GatewayUrls;
}

/** Origins such as http://127.0.0.1:41234, known once both ports listen; the public ones use
 * `publicHostname`. */
export interface GatewayUrls {
  rest: string;
  event: string;
  publicRest: string;
  publicEvent: string;
}

/** Builds the state; `urls` are filled in once the ports listen. */
export function createGateway(options: ResolvedOptions): {
  gateway: Gateway;
  channel: EventChannel;
  urls: GatewayUrls;
} {
  const directory = new Directory(options.users, options.voicemailNumber);
  const channel = new EventChannel(options);
  const publish = (login: string, event: object) => channel.publish(login, event);
  const lines = new Lines(directory, publish);
  const urls: GatewayUrls = { rest: '', event: '', publicRest: '', publicEvent: '' };
  const sessions = new SessionStore(options.sessionTtlSeconds);
  // A session that ends for any reason takes its subscriptions and their streams with it.
  sessions.onEnd((session) => channel.deleteForSession(session.id));
  const telephony = new Telephony(directory, lines, options, publish);
  if (options.announceStateOnOpen) {
    channel.greeting = (loginName) => {
      const line = lines.get(loginName);
      const extension = directory.get(loginName)?.extension ?? '';
      return [
        {
          eventName: 'OnDeviceStateModified',
          loginName,
          deviceStates: deviceStatesOf(extension, line),
        },
        { eventName: 'OnUserStateModified', loginName, state: line.userState },
      ];
    };
  }
  const gateway = { options, directory, sessions, channel, lines, telephony, urls };
  return { gateway, channel, urls };
}

/** A request to a service, made within a session. */
export interface ServiceRequest {
  readonly gateway: Gateway;
  readonly exchange: Exchange;
  readonly session: Session;
  readonly user: SimulatorUser;
  /** Path segments after the service's relativeUrl, URL-decoded. */
  readonly segments: string[];
}

export function cookieOf(exchange: Exchange): string | undefined {
  const header = exchange.req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE_NAME) return value.join('=');
  }
  return undefined;
}

export function unauthorized(message: string): GatewayError {
  return new GatewayError(401, message, { type: 'UNAUTHORIZED', canRetry: false });
}

/** The live session of the request's cookie, or a 401. */
export function requireSession(gateway: Gateway, exchange: Exchange): Session {
  const session = gateway.sessions.byCookie(cookieOf(exchange));
  if (!session) throw unauthorized('No valid session: authenticate and open a session first.');
  return session;
}

export async function readBody<T extends z.ZodType>(
  exchange: Exchange,
  schema: T,
): Promise<z.infer<T>> {
  const body = await exchange.readJson();
  if (body === undefined) throw new GatewayError(400, 'A JSON request body is required.');
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new GatewayError(400, `Invalid request body (${problems}).`, { type: 'BAD_REQUEST' });
  }
  return parsed.data as z.infer<T>;
}

export function notFound(what = 'No such resource.'): GatewayError {
  return new GatewayError(404, what);
}

export function methodNotAllowed(allowed: string): GatewayError {
  return new GatewayError(405, `Method not allowed here; use ${allowed}.`);
}
