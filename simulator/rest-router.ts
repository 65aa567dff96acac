// Entry point of every request on the REST port once endpoint faults let it through (plain
// Node): discovery, authentication, sessions, or the service whose relativeUrl covers the path.
import type { Exchange } from './exchange.js';
import { API_BASE, notFound, requireSession, SESSIONS_PATH, type Gateway } from './gateway.js';
import { authenticate, discovery, sessionsResource } from './rest-access.js';
import { eventSummary, logins, routing, subscriptions, users } from './rest-services.js';
import { telephonyService } from './rest-telephony.js';
import type { ServiceRequest } from './gateway.js';

type ServiceHandler = (request: ServiceRequest) => void | Promise<void>;

/** Keys are lower-cased service names: clients must match them case-insensitively too. */
const HANDLERS: Record<string, ServiceHandler> = {
  telephony: telephonyService,
  users,
  logins,
  eventsummary: eventSummary,
  routing,
  subscriptions,
};

export async function answerRest(gateway: Gateway, exchange: Exchange): Promise<void> {
  const path = exchange.pathname.replace(/\/+$/, '') || '/';
  if (path === '/api/rest') return discovery(gateway, exchange);
  if (path === '/api/rest/authenticate') return authenticate(gateway, exchange);
  if (path === SESSIONS_PATH || path === `${SESSIONS_PATH}/keepalive`) {
    return sessionsResource(gateway, exchange);
  }

  const service = findService(gateway, path);
  if (!service) throw notFound(`No resource at ${path.startsWith(API_BASE) ? path : 'this path'}.`);
  const session = requireSession(gateway, exchange);
  if (gateway.options.keepaliveResetsOnAnyRequest) gateway.sessions.touch(session);
  const user = gateway.directory.get(session.loginName);
  if (!user) throw notFound('The session user no longer exists.');
  await service.handler({ gateway, exchange, session, user, segments: service.segments });
}

function findService(
  gateway: Gateway,
  path: string,
): { handler: ServiceHandler; segments: string[] } | undefined {
  let best: { handler: ServiceHandler; segments: string[]; length: number } | undefined;
  for (const service of gateway.options.services) {
    const handler = HANDLERS[service.serviceName.toLowerCase()];
    const prefix = `${API_BASE}${service.relativeUrl.replace(/\/+$/, '')}`;
    if (!handler || (path !== prefix && !path.startsWith(`${prefix}/`))) continue;
    if (best && best.length >= prefix.length) continue;
    const segments = path
      .slice(prefix.length)
      .split('/')
      .filter((segment) => segment !== '')
      .map(safeDecode);
    best = { handler, segments, length: prefix.length };
  }
  return best;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
