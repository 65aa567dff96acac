// Discovery, Basic authentication and the sessions resource (protocol §2-3), plain Node.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Exchange } from './exchange.js';
import {
  API_BASE,
  COOKIE_NAME,
  cookieOf,
  methodNotAllowed,
  readBody,
  requireSession,
  SESSIONS_PATH,
  unauthorized,
  type Gateway,
} from './gateway.js';
import { GatewayError } from './rest-error.js';
import type { Session } from './sessions.js';

const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="O2G Simulator"' };

export function discovery(gateway: Gateway, exchange: Exchange): void {
  if (exchange.method !== 'GET') throw methodNotAllowed('GET');
  const path = '/api/rest/authenticate?version=1.0';
  exchange.json(200, {
    serverInfo: {
      productName: 'O2G Simulator',
      productType: 'O2G',
      productVersion: { major: '2.7', minor: '004.001' },
      haMode: false,
    },
    versions: [
      {
        id: '1.0',
        status: 'CURRENT',
        publicUrl: `${gateway.urls.publicRest}${path}`,
        internalUrl: `${gateway.urls.rest}${path}`,
      },
    ],
  });
}

function basicCredentials(exchange: Exchange): { login: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(exchange.req.headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function authenticate(gateway: Gateway, exchange: Exchange): void {
  if (exchange.method !== 'GET') throw methodNotAllowed('GET');
  const version = exchange.url.searchParams.get('version');
  if (version !== null && version !== '1.0') {
    throw new GatewayError(404, `API version ${version} is not available.`);
  }
  const credentials = basicCredentials(exchange);
  if (!credentials) {
    exchange.fail(unauthorized('Basic credentials are required.'), CHALLENGE);
    return;
  }
  const user = gateway.directory.checkPassword(credentials.login, credentials.password);
  if (!user) {
    exchange.fail(unauthorized('Wrong login name or password.'), CHALLENGE);
    return;
  }
  const cookie = gateway.sessions.authenticate(user.loginName);
  const secure = gateway.options.tls ? '; Secure' : '';

  exchange.json(
    200,
    {
      credential: randomBytes(16).toString('base64url'),
      publicUrl: `${gateway.urls.publicRest}${SESSIONS_PATH}`,
      internalUrl: `${gateway.urls.rest}${SESSIONS_PATH}`,
      loginName: user.loginName,
      expired: false,
    },
    { 'Set-Cookie': [`${COOKIE_NAME}=${cookie}; Path=/; HttpOnly${secure}`] },
  );
}

const openSessionBody = z.object({
  applicationName: z.string().trim().min(1, 'applicationName is required').max(128),
  supervisedAccount: z
    .object({ type: z.enum(['LOGIN_NAME', 'PHONE_NUMBER']), id: z.string() })
    .optional(),
});

function sessionInfo(gateway: Gateway, session: Session): object {
  return {
    admin: false,
    login: session.loginName,
    timeToLive: gateway.options.sessionTtlSeconds,
    publicBaseUrl: `${gateway.urls.publicRest}${API_BASE}`,
    privateBaseUrl: `${gateway.urls.rest}${API_BASE}`,
    creationDate: session.createdAt.toISOString(),
    expirationDate: session.expiresAt.toISOString(),
    otherSessions: gateway.sessions
      .all()
      .filter((other) => other.loginName === session.loginName && other.id !== session.id)
      .map((other) => ({
        sessionId: other.id,
        creationDate: other.createdAt.toISOString(),
        timeToLive: gateway.options.sessionTtlSeconds,
      })),
    services: gateway.options.services.map((service) => ({
      serviceName: service.serviceName,
      serviceVersion: service.serviceVersion ?? '1.0',
      relativeUrl: service.relativeUrl,
    })),
  };
}

export async function sessionsResource(gateway: Gateway, exchange: Exchange): Promise<void> {
  const keepalive = exchange.pathname.replace(/\/+$/, '').endsWith('/keepalive');
  if (keepalive) {
    if (exchange.method !== 'POST') throw methodNotAllowed('POST');
    gateway.sessions.touch(requireSession(gateway, exchange));
    exchange.req.resume();
    exchange.empty(204);
    return;
  }
  if (exchange.method === 'POST') {
    const body = await readBody(exchange, openSessionBody);
    if (body.supervisedAccount) {
      throw new GatewayError(403, 'Supervising another account needs an administrator session.');
    }
    const session = gateway.sessions.open(cookieOf(exchange) ?? '', body.applicationName);
    if (!session) throw unauthorized('Authenticate first: no valid AlcUserId cookie.');
    exchange.json(200, sessionInfo(gateway, session));
    return;
  }
  const session = requireSession(gateway, exchange);
  if (exchange.method === 'GET') {
    if (gateway.options.keepaliveResetsOnAnyRequest) gateway.sessions.touch(session);
    exchange.json(200, sessionInfo(gateway, session));
  } else if (exchange.method === 'DELETE') {
    gateway.sessions.end(session, 'closed');
    exchange.empty(204);
  } else {
    throw methodNotAllowed('GET, POST, DELETE');
  }
}
