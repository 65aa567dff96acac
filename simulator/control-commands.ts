// The commands a running simulator accepts from its control endpoint (plain Node): their JSON
// shape (validated with zod) and how each one drives the Simulator API.
import { z } from 'zod';
import { startDemo } from './demo.js';
import { loadScenario, playScenario } from './scenario.js';
import type { CallOrigin, Simulator } from './simulator.js';

const side = z.enum(['caller', 'callee']);
const callRef = z.string().min(1, 'callRef is required');
const user = z.string().min(1, 'a user (login name or extension) is required');

const faultCommand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('split'), offsets: z.array(z.number().int().min(0)).min(1) }),
  z.object({ kind: z.literal('bytewise') }),
  z.object({ kind: z.literal('batch'), count: z.number().int().min(2) }),
  z.object({ kind: z.literal('end') }),
  z.object({ kind: z.literal('reset') }),
  z.object({
    kind: z.literal('cut'),
    atByte: z.number().int().min(1).optional(),
    how: z.enum(['reset', 'end']).optional(),
    requeue: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('silent') }),
  z.object({
    kind: z.literal('fail'),
    path: z.string().min(1),
    method: z.string().optional(),
    status: z.union([z.number().int().min(100).max(599), z.literal('reset')]),
    times: z.number().int().min(1).optional(),
  }),
  z.object({ kind: z.literal('expire'), user: z.string().optional() }),
  z.object({
    kind: z.literal('delay'),
    path: z.string().min(1),
    method: z.string().optional(),
    ms: z.number().int().min(0).max(600_000),
    times: z.number().int().min(1).optional(),
  }),
  z.object({ kind: z.literal('clear') }),
]);

export const controlCommand = z.discriminatedUnion('command', [
  z.object({
    command: z.literal('call'),
    from: z.string().min(1, 'from (a number or a login) is required'),
    name: z.string().optional(),
    anonymous: z.boolean().optional(),
    to: user,
  }),
  z.object({ command: z.literal('answer'), callRef }),
  z.object({ command: z.literal('hangup'), callRef, side: side.optional() }),
  z.object({ command: z.literal('missed'), callRef, cause: z.string().optional() }),
  z.object({ command: z.literal('redirect'), callRef, to: z.string().min(1) }),
  z.object({ command: z.literal('pickup'), callRef, by: user }),
  z.object({ command: z.literal('hold'), callRef, side: side.optional() }),
  z.object({ command: z.literal('retrieve'), callRef, side: side.optional() }),
  z.object({ command: z.literal('voicemail'), to: user }),
  z.object({ command: z.literal('dnd'), user, on: z.boolean() }),
  z.object({
    command: z.literal('counters'),
    user,
    missedCallsNb: z.number().int().min(0).optional(),
    voiceMessagesNb: z.number().int().min(0).optional(),
  }),
  z.object({
    command: z.literal('inject'),
    user,
    event: z.union([z.string(), z.object({}).loose()]),
  }),
  z.object({ command: z.literal('fault'), fault: faultCommand }),
  z.object({ command: z.literal('scenario'), name: z.string().min(1, 'a scenario name or file') }),
  z.object({ command: z.literal('demo'), user: user.optional(), on: z.boolean() }),
  z.object({ command: z.literal('calls') }),
  z.object({ command: z.literal('status') }),
]);

export type ControlCommand = z.infer<typeof controlCommand>;

/** "Marc Olivier" -> first name Marc, last name Olivier; one word is a display name. */
export function callerFrom(
  sim: Simulator,
  from: string,
  name?: string,
  anonymous?: boolean,
): CallOrigin {
  const internal = sim.users().find((u) => u.loginName === from || u.extension === from);
  if (internal) return { loginName: internal.loginName };
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const [firstName, ...rest] = words;
  const named =
    words.length > 1
      ? { firstName, lastName: rest.join(' ') }
      : firstName
        ? { displayName: firstName }
        : undefined;
  return { number: from, ...(named ? { name: named } : {}), anonymous: anonymous ?? false };
}

/** What a control endpoint keeps running between commands. */
export interface ControlState {
  stopDemo?: () => void;
  stopScenario?: () => void;
}

export async function runCommand(
  sim: Simulator,
  command: ControlCommand,
  state: ControlState = {},
): Promise<unknown> {
  switch (command.command) {
    case 'call':
      return {
        callRef: await sim.placeCall(
          callerFrom(sim, command.from, command.name, command.anonymous),
          command.to,
        ),
      };
    case 'answer':
      return sim.answer(command.callRef);
    case 'hangup':
      return sim.hangUp(command.callRef, command.side ?? 'caller');
    case 'missed':
      return sim.ringOut(command.callRef, command.cause);
    case 'redirect':
      return sim.redirect(command.callRef, command.to);
    case 'pickup':
      return sim.pickUp(command.callRef, command.by);
    case 'hold':
      return sim.hold(command.callRef, command.side ?? 'callee');
    case 'retrieve':
      return sim.retrieve(command.callRef, command.side ?? 'callee');
    case 'voicemail':
      return sim.leaveVoicemail(command.to);
    case 'dnd':
      return sim.setDnd(command.user, command.on);
    case 'counters': {
      const { command: _name, user: login, ...counters } = command;
      return sim.setCounters(login, counters);
    }
    case 'inject':
      return sim.injectEvent(command.user, command.event);
    case 'fault':
      return runFault(sim, command.fault);
    case 'scenario': {
      const scenario = await loadScenario(command.name);
      state.stopScenario?.();
      const run = playScenario(sim, scenario);
      state.stopScenario = run.stop;
      // Failures surface in the simulator's own output; the command only starts the replay.
      run.done.catch((error: unknown) => console.error(String(error)));
      return { started: scenario.name, description: scenario.description ?? '' };
    }
    case 'demo':
      state.stopDemo?.();
      state.stopDemo = undefined;
      if (command.on) state.stopDemo = startDemo(sim, command.user ?? 'oxe31001');
      return { demo: command.on ? (command.user ?? 'oxe31001') : 'off' };
    case 'calls':
      return sim.calls();
    case 'status':
      return {
        restUrl: sim.restUrl,
        eventPortUrl: sim.eventPortUrl,
        counts: sim.counts(),
        calls: sim.calls(),
      };
  }
}

function runFault(sim: Simulator, fault: z.infer<typeof faultCommand>): unknown {
  const { faults } = sim;
  switch (fault.kind) {
    case 'split':
      return faults.splitNextEvent(fault.offsets);
    case 'bytewise':
      return faults.splitNextEvent('bytewise');
    case 'batch':
      return faults.batchNext(fault.count);
    case 'end':
      return faults.endStreams();
    case 'reset':
      return faults.resetStreams();
    case 'cut':
      return faults.cutMidEvent(fault);
    case 'silent':
      return faults.goSilent();
    case 'fail':
      return faults.failEndpoint(
        { path: fault.path, ...(fault.method ? { method: fault.method } : {}) },
        fault.status,
        fault.times ?? 1,
      );
    case 'expire':
      return { expired: faults.expireSessions(fault.user) };
    case 'delay':
      return faults.delay(
        { path: fault.path, ...(fault.method ? { method: fault.method } : {}) },
        fault.ms,
        fault.times,
      );
    case 'clear':
      return faults.clear();
  }
}
