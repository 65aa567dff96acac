/**
 * Call actions from the alert and the dashboard (plain Node, protocol §13): answer, hang up,
 * send to voicemail, DND on/off. Each answers an ActionResult whose message is already worded
 * for the user from the gateway's RestErrorInfo (§14).
 */
import type { ActionResult } from '../../shared/ipc/channels.js';
import type { PresenceState } from '../../shared/presence/index.js';
import { GatewayError, classifyError } from './errors.js';
import type { RestErrorInfo } from './errors.js';
import type { GatewayHttp } from './http.js';
import type { Logger } from './log.js';
import type { ServiceUrls } from './services.js';

export interface ActionContext {
  readonly http: GatewayHttp;
  readonly services: ServiceUrls;
  readonly state: PresenceState;
  readonly log: Logger;
}

type Action = 'answer' | 'hang up' | 'send to voicemail' | 'change do-not-disturb';

const NOT_CONNECTED: ActionResult = {
  ok: false,
  message: 'Not connected to the gateway right now; try again in a moment.',
};

/** Words for a refused action; never the raw body, never a stack. */
export function actionMessage(action: Action, error: GatewayError): string {
  const info: RestErrorInfo | undefined = error.errorInfo;
  const errorType = info?.telephony?.errorType ?? info?.routing?.errorType;
  if (errorType === 'CALL_REFERENCE_NOT_FOUND' || errorType === 'LEG_NOT_FOUND') {
    return `Could not ${action}: this call no longer exists.`;
  }
  if (errorType === 'INCOMPATIBLE_WITH_STATE') {
    return `Could not ${action}: the call is not in a state that allows it.`;
  }
  if (errorType === 'SERVICE_NOT_PROVIDED' || errorType === 'UNAUTHORIZED') {
    return `Could not ${action}: your account is not allowed to (licence or rights on the gateway).`;
  }
  if (error.kind === 'http') {
    if (error.status === 403) {
      return `Could not ${action}: the gateway refused it (licence or rights; ask your administrator).`;
    }
    if (error.status === 404) return `Could not ${action}: the gateway does not know this call.`;
    if (error.status === 401) return `Could not ${action}: the session expired; reconnecting.`;
    const help = info?.helpMessage ? ` ${info.helpMessage}` : '';
    return `Could not ${action}: the gateway answered HTTP ${error.status ?? '?'}.${help}`;
  }
  if (error.kind === 'protocol') return `Could not ${action}: ${error.message}.`;
  if (error.kind === 'timeout') return `Could not ${action}: the gateway did not answer in time.`;
  return `Could not ${action}: the gateway cannot be reached.`;
}

async function perform(
  ctx: ActionContext | undefined,
  action: Action,
  service: keyof Pick<ServiceUrls, 'telephony' | 'routing'>,
  send: (ctx: ActionContext, base: string) => Promise<unknown>,
): Promise<ActionResult> {
  if (!ctx) return NOT_CONNECTED;
  const base = ctx.services[service];
  if (!base) {
    return { ok: false, message: `Could not ${action}: your account has no ${service} service.` };
  }
  try {
    await send(ctx, base);
    ctx.log.info('call action done', { action });
    return { ok: true };
  } catch (error) {
    const classified = error instanceof GatewayError ? error : classifyError(error, action);
    ctx.log.warn('call action refused', {
      action,
      status: classified.status,
      kind: classified.kind,
    });
    return { ok: false, message: actionMessage(action, classified) };
  }
}

const callUrl = (base: string, callRef: string) => `${base}/calls/${encodeURIComponent(callRef)}`;

/** The device to answer on: the user's ringing leg, else the user's first device. */
export function answeringDevice(state: PresenceState, callRef: string): string | undefined {
  const call = state.calls.get(callRef);
  const ringing = call?.legs.find((leg) => leg['state'] === 'RINGING_INCOMING');
  const fromLeg = ringing?.['deviceId'] ?? call?.legs[0]?.['deviceId'];
  if (typeof fromLeg === 'string' && fromLeg !== '') return fromLeg;
  return state.user?.devices[0] ?? state.user?.companyPhone ?? undefined;
}

export function answer(ctx: ActionContext | undefined, callRef: string): Promise<ActionResult> {
  return perform(ctx, 'answer', 'telephony', async (c, base) => {
    const deviceId = answeringDevice(c.state, callRef);
    if (!deviceId) throw new GatewayError('protocol', 'no device of the user is known');
    await c.http.call('POST', `${callUrl(base, callRef)}/answer`, { body: { deviceId } });
  });
}

export function hangUp(ctx: ActionContext | undefined, callRef: string): Promise<ActionResult> {
  return perform(ctx, 'hang up', 'telephony', (c, base) =>
    c.http.call('DELETE', callUrl(base, callRef)),
  );
}

export function sendToVoicemail(
  ctx: ActionContext | undefined,
  callRef: string,
): Promise<ActionResult> {
  return perform(ctx, 'send to voicemail', 'telephony', (c, base) =>
    c.http.call('POST', `${callUrl(base, callRef)}/redirect`, {
      body: { redirectTo: 'VOICEMAIL', anonymous: false },
    }),
  );
}

export function setDnd(ctx: ActionContext | undefined, on: boolean): Promise<ActionResult> {
  return perform(ctx, 'change do-not-disturb', 'routing', (c, base) =>
    c.http.call(on ? 'POST' : 'DELETE', `${base}/dnd`),
  );
}
