// The non-telephony services (plain Node): subscriptions (§4), users and logins (§11-12),
// event summary (§9) and routing with DND and forwarding (§10, §13).
import { z } from 'zod';
import { methodNotAllowed, notFound, readBody, type ServiceRequest } from './gateway.js';
import { routingStateOf, type ForwardRoute } from './line-state.js';
import { checkPackage } from './packages.js';
import { GatewayError, restError, routingError } from './rest-error.js';

const subscriptionBody = z.object({
  filter: z.object({
    selectors: z
      .array(
        z.object({
          names: z.array(z.string()).min(1, 'each selector needs at least one package name'),
          ids: z.array(z.string()).optional(),
        }),
      )
      .min(1, 'at least one selector is required'),
  }),
  version: z.string().optional(),
  timeout: z.number().int().min(0).max(60).optional(),
  webHookUrl: z.string().optional(),
});

export async function subscriptions(request: ServiceRequest): Promise<void> {
  const { gateway, exchange, session, segments } = request;
  const [id, ...rest] = segments;
  if (id !== undefined) {
    if (rest.length > 0) throw notFound();
    if (exchange.method !== 'DELETE') throw methodNotAllowed('DELETE');
    const subscription = gateway.channel.get(id);
    if (!subscription || subscription.sessionId !== session.id) {
      throw notFound('No such subscription in this session.');
    }
    gateway.channel.delete(id);
    exchange.empty(204);
    return;
  }
  if (exchange.method !== 'POST') throw methodNotAllowed('POST');

  const body = await readBody(exchange, subscriptionBody);
  const names = body.filter.selectors.flatMap((selector) => selector.names);
  const refusal =
    body.webHookUrl !== undefined
      ? 'Webhook delivery is not offered by this gateway; use the chunk channel.'
      : body.version !== undefined && body.version !== '1.0'
        ? `Event version ${body.version} is not supported.`
        : names.map(checkPackage).find((verdict) => !verdict.ok)?.message;
  if (refusal !== undefined) {
    if (gateway.options.refusalStyle === 'http400') {
      exchange.json(400, { ...restError(400, refusal), status: 'REFUSED', message: refusal });
    } else {
      exchange.json(200, { status: 'REFUSED', message: refusal, mode: 'CHUNK', format: 'JSON' });
    }
    return;
  }

  // A missing timeout means 10 minutes, as the SDK documentation says of the server default.
  const subscription = gateway.channel.create(
    session.id,
    session.loginName,
    names,
    body.timeout ?? 10,
  );
  const polling = `/OTEvents?subscriptionId=${subscription.id}`;
  exchange.json(200, {
    subscriptionId: subscription.id,
    publicPollingUrl: `${gateway.urls.publicEvent}${polling}`,
    privatePollingUrl: `${gateway.urls.event}${polling}`,
    status: 'ACCEPTED',
    mode: 'CHUNK',
    format: 'JSON',
  });
}

export function users(request: ServiceRequest): void {
  const { gateway, exchange, segments } = request;
  if (exchange.method !== 'GET') throw methodNotAllowed('GET');
  const [key, ...rest] = segments;
  if (rest.length > 0) throw notFound();
  const companyPhone = exchange.url.searchParams.get('companyPhone');
  if (key === undefined && companyPhone === null) {
    exchange.json(200, { loginNames: gateway.directory.loginNames() });
    return;
  }
  const user =
    key === undefined
      ? gateway.directory.byExtension(companyPhone ?? '')
      : gateway.directory.resolve(key);
  if (!user) throw notFound('No user with this login name or phone number.');
  exchange.json(200, gateway.directory.toJson(user));
}

export function logins(request: ServiceRequest): void {
  if (request.exchange.method !== 'GET') throw methodNotAllowed('GET');
  if (request.segments.length > 0) throw notFound();
  request.exchange.json(200, { loginNames: request.gateway.directory.loginNames() });
}

export function eventSummary(request: ServiceRequest): void {
  if (request.exchange.method !== 'GET') throw methodNotAllowed('GET');
  if (request.segments.length > 0) throw notFound();
  const line = request.gateway.lines.get(request.user.loginName);
  request.exchange.json(200, { ...line.counters });
}

const forwardBody = z.object({
  forwardRoute: z.object({
    forwardType: z.enum(['BUSY', 'NO_ANSWER', 'BUSY_NO_ANSWER']).optional(),
    destinations: z
      .array(
        z.object({
          type: z.enum(['VOICEMAIL', 'NUMBER', 'MOBILE']),
          number: z
            .string()
            .regex(/^\+?[0-9*#]{1,32}$/, 'not a phone number')
            .optional(),
        }),
      )
      .length(1, 'exactly one destination'),
  }),
});

export async function routing(request: ServiceRequest): Promise<void> {
  const { gateway, exchange, user, segments } = request;
  const lines = gateway.lines;
  const line = lines.get(user.loginName);
  const resource = segments.join('/');
  const method = exchange.method;

  if (resource === '' && method === 'GET') {
    exchange.json(200, {
      presentationRoute: true,
      forwardRoute: true,
      overflowRoute: false,
      dnd: true,
    });
  } else if (resource === 'state' && method === 'GET') {
    exchange.json(200, routingStateOf(line));
  } else if (resource === 'state/snapshot' && method === 'POST') {
    exchange.empty(204);
    lines.setForward(user.loginName, line.forward);
  } else if (resource === 'dnd' && method === 'GET') {
    exchange.json(200, { activate: line.dnd });
  } else if (resource === 'dnd' && (method === 'POST' || method === 'DELETE')) {
    exchange.empty(204);
    lines.setDnd(user.loginName, method === 'POST');
  } else if (resource === 'forwardroute' && method === 'GET') {
    exchange.json(200, line.forward ?? {});
  } else if (resource === 'forwardroute' && method === 'POST') {
    const body = await readBody(exchange, forwardBody);
    const destination = body.forwardRoute.destinations[0];
    if (destination?.type !== 'VOICEMAIL' && !destination?.number) {
      throw routingError(
        400,
        'BAD_PARAMETER_VALUE',
        'NULL_OR_EMPTY_PARAMETER',
        'A number is required.',
      );
    }
    const route: ForwardRoute = {
      ...(body.forwardRoute.forwardType ? { forwardType: body.forwardRoute.forwardType } : {}),
      destinations: [{ ...destination, selected: true }],
    };
    exchange.empty(204);
    lines.setForward(user.loginName, route);
  } else if (resource === 'forwardroute' && method === 'DELETE') {
    exchange.empty(204);
    lines.setForward(user.loginName, undefined);
  } else if (resource === 'overflowroute' && method === 'GET') {
    exchange.json(200, {});
  } else if (
    ['', 'state', 'state/snapshot', 'dnd', 'forwardroute', 'overflowroute'].includes(resource)
  ) {
    throw methodNotAllowed('the documented methods');
  } else {
    throw new GatewayError(404, 'No such routing resource.');
  }
}
