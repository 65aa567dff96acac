// The Telephony service (protocol §12-13), plain Node: state and calls read from the model, and
// answer / release / redirect / hold / make-call requests acted on it for the session's user.
import { z } from 'zod';
import { deviceCapabilitiesOf, restCallOf, legOf, participantOf, type Party } from './call-view.js';
import { methodNotAllowed, notFound, readBody, type ServiceRequest } from './gateway.js';
import { deviceStatesOf } from './line-state.js';
import { telephonyError } from './rest-error.js';

const deviceBody = z.object({ deviceId: z.string().min(1, 'deviceId is required') });
const redirectBody = z.object({
  redirectTo: z.string().min(1, 'redirectTo is required'),
  anonymous: z.boolean().optional(),
});
const makeCallBody = z.object({
  deviceId: z.string().min(1, 'deviceId is required'),
  callee: z.string().min(1, 'callee is required'),
  autoAnswer: z.boolean().optional(),
  inhibitProgressTone: z.boolean().optional(),
  associatedData: z.string().optional(),
  hexaBinaryAssociatedData: z.string().optional(),
  callingNumber: z.string().optional(),
});

function requireOwnDevice(request: ServiceRequest, deviceId: string): void {
  if (deviceId !== request.user.extension) {
    throw telephonyError(
      400,
      'BAD_PARAMETER_VALUE',
      'INVALID_DEVICE',
      `Device ${deviceId} is not yours.`,
    );
  }
}

function stateOf(request: ServiceRequest): Record<string, unknown> {
  const { telephony } = request.gateway;
  const { user } = request;
  const line = request.gateway.lines.get(user.loginName);
  return {
    calls: telephony.callsOf(user.loginName).map(({ call, side }) => restCallOf(call, side)),
    deviceCapabilities: deviceCapabilitiesOf(user),
    userState: line.userState,
    deviceStates: { deviceStates: deviceStatesOf(user.extension, line) },
  };
}

async function makeCall(request: ServiceRequest, created: number): Promise<void> {
  const body = await readBody(request.exchange, makeCallBody);
  requireOwnDevice(request, body.deviceId);
  const { directory, telephony } = request.gateway;
  if (request.gateway.lines.get(request.user.loginName).deviceState === 'OUT_OF_SERVICE') {
    throw telephonyError(
      403,
      'INCOMPATIBLE_WITH_STATE',
      'DEVICE_OUT_OF_SERVICE',
      'Your phone is out of service.',
    );
  }
  const target = directory.resolve(body.callee);
  if (!target && !/^\+?[0-9*#]{1,32}$/.test(body.callee)) {
    throw telephonyError(
      400,
      'BAD_PARAMETER_VALUE',
      'INVALID_DESTINATION',
      'Not a dialable number.',
    );
  }
  if (target?.loginName === request.user.loginName) {
    throw telephonyError(
      400,
      'BAD_PARAMETER_VALUE',
      'INVALID_DESTINATION',
      'You cannot call yourself.',
    );
  }
  const callee: Party = target
    ? { kind: 'user', user: target }
    : { kind: 'external', number: body.callee, anonymous: false };
  const callRef = telephony.placeCall({ kind: 'user', user: request.user }, callee);
  request.exchange.json(created, { callRef });
}

async function callAction(request: ServiceRequest, callRef: string, action: string): Promise<void> {
  const { exchange, user } = request;
  const { telephony } = request.gateway;
  const { call, side } = telephony.find(callRef, user.loginName);
  if (action === 'answer' || action === 'hold' || action === 'retrieve') {
    requireOwnDevice(request, (await readBody(exchange, deviceBody)).deviceId);
  }
  if (action === 'answer') {
    if (side !== 'callee') {
      throw telephonyError(
        403,
        'INCOMPATIBLE_WITH_STATE',
        'INVALID_CONNECTION_STATE',
        'Only the called party answers.',
      );
    }
    telephony.answer(call.ref);
  } else if (action === 'dropme') {
    telephony.hangUp(call.ref, side);
  } else if (action === 'hold' || action === 'retrieve') {
    telephony.hold(call.ref, side, action === 'hold');
  } else if (action === 'overflowToVoiceMail') {
    // The caller sends its own ringing call to the callee's voicemail: same result as a deflection.
    if (side !== 'caller' || call.phase !== 'ringing') {
      throw telephonyError(
        403,
        'INCOMPATIBLE_WITH_STATE',
        'INVALID_CONNECTION_STATE',
        'Only a ringing outgoing call can overflow.',
      );
    }
    telephony.redirect(call.ref, 'VOICEMAIL');
  } else if (action === 'redirect') {
    const body = await readBody(exchange, redirectBody);
    if (side !== 'callee' || call.phase !== 'ringing') {
      throw telephonyError(
        403,
        'INCOMPATIBLE_WITH_STATE',
        'INVALID_CONNECTION_STATE',
        'Only a ringing incoming call can be redirected.',
      );
    }
    telephony.redirect(call.ref, body.redirectTo);
  } else {
    throw notFound('No such call action.');
  }
  exchange.empty(204);
}

/** The ringing incoming call on a device, for the basicCall variants that take no callRef. */
function ringingOn(request: ServiceRequest): string {
  const found = request.gateway.telephony
    .callsOf(request.user.loginName)
    .find(({ call, side }) => side === 'callee' && call.phase === 'ringing');
  if (!found)
    throw telephonyError(
      403,
      'INCOMPATIBLE_WITH_STATE',
      'INVALID_CONNECTION_STATE',
      'Nothing is ringing.',
    );
  return found.call.ref;
}

export async function telephonyService(request: ServiceRequest): Promise<void> {
  const { exchange, user, segments } = request;
  const { telephony } = request.gateway;
  const method = exchange.method;
  const [first, second, third, ...rest] = segments;
  if (rest.length > 0) throw notFound();

  if (first === 'state' && second === undefined && method === 'GET') {
    exchange.json(200, stateOf(request));
  } else if (first === 'state' && second === 'snapshot' && method === 'POST') {
    exchange.empty(204);
    const state = stateOf(request);
    if (request.gateway.options.snapshotDeviceStates === 'flat') {
      state.deviceStates = deviceStatesOf(
        user.extension,
        request.gateway.lines.get(user.loginName),
      );
    }
    request.gateway.channel.publish(user.loginName, {
      eventName: 'OnTelephonyState',
      loginName: user.loginName,
      state,
    });
  } else if (first === 'calls' && second === undefined && method === 'GET') {
    exchange.json(200, { calls: stateOf(request).calls });
  } else if (first === 'calls' && second === undefined && method === 'POST') {
    await makeCall(request, 200);
  } else if (first === 'basicCall' && second === undefined && method === 'POST') {
    await makeCall(request, 201);
  } else if (first === 'basicCall' && second === 'answer' && method === 'POST') {
    requireOwnDevice(request, (await readBody(exchange, deviceBody)).deviceId);
    telephony.answer(ringingOn(request));
    exchange.empty(204);
  } else if (first === 'basicCall' && second === 'dropme' && method === 'POST') {
    const found = telephony.callsOf(user.loginName)[0];
    if (!found)
      throw telephonyError(404, 'CALL_REFERENCE_NOT_FOUND', 'INVALID_CALL_ID', 'No call to drop.');
    telephony.hangUp(found.call.ref, found.side);
    exchange.empty(204);
  } else if (first === 'calls' && second !== undefined) {
    await callResource(request, second, third);
  } else if (first === 'devices' && method === 'GET') {
    const states = deviceStatesOf(user.extension, request.gateway.lines.get(user.loginName));
    if (second === undefined) exchange.json(200, { deviceStates: states });
    else if (second === user.extension && third === undefined) exchange.json(200, states[0]);
    else throw notFound('No such device.');
  } else if (first === 'huntingGroupLogOn' && method === 'GET') {
    exchange.json(200, { logon: false });
  } else if (first === 'incomingCallbacks' && method === 'GET') {
    exchange.json(200, { callbacks: [] });
  } else if (['state', 'calls', 'basicCall', 'devices'].includes(first ?? '')) {
    throw methodNotAllowed('the documented methods');
  } else {
    throw notFound('No such telephony resource.');
  }
}

async function callResource(
  request: ServiceRequest,
  callRef: string,
  action?: string,
): Promise<void> {
  const { exchange, user } = request;
  const { telephony } = request.gateway;
  const method = exchange.method;
  if (action === undefined && method === 'GET') {
    const { call, side } = telephony.find(callRef, user.loginName);
    exchange.json(200, restCallOf(call, side));
  } else if (action === undefined && method === 'DELETE') {
    const { call, side } = telephony.find(callRef, user.loginName);
    telephony.hangUp(call.ref, side);
    exchange.empty(204);
  } else if (action === 'deviceLegs' && method === 'GET') {
    const { call, side } = telephony.find(callRef, user.loginName);
    exchange.json(200, { legs: [legOf(call, side)] });
  } else if (action === 'participants' && method === 'GET') {
    const { call, side } = telephony.find(callRef, user.loginName);
    exchange.json(200, { participants: [participantOf(call, side)] });
  } else if (action !== undefined && method === 'POST') {
    await callAction(request, callRef, action);
  } else {
    throw methodNotAllowed('the documented methods');
  }
}
