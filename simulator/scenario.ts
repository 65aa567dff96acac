// Scenario files (simulator/scenarios/*.json) and their replayer (plain Node): a scripted list of
// calls, answers, hang-ups, DND changes and raw events, with waits, played against a simulator.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import referenceScenario from './scenarios/reference.json' with { type: 'json' };
import type { CallOrigin, Simulator } from './simulator.js';

const origin = z.union([
  z.object({ loginName: z.string().min(1) }),
  z.object({
    number: z.string(),
    name: z
      .object({
        firstName: z.string().optional(),
        lastName: z.string().optional(),
        displayName: z.string().optional(),
      })
      .optional(),
    anonymous: z.boolean().optional(),
  }),
]);

const step = z.discriminatedUnion('action', [
  z.object({ action: z.literal('wait'), ms: z.number().int().min(0) }),
  z.object({ action: z.literal('waitForStream'), user: z.string().min(1) }),
  z.object({
    action: z.literal('call'),
    id: z.string().min(1),
    from: origin,
    to: z.string().min(1),
  }),
  z.object({ action: z.literal('answer'), call: z.string() }),
  z.object({ action: z.literal('hangup'), call: z.string(), side: z.enum(['caller', 'callee']) }),
  z.object({ action: z.literal('ringOut'), call: z.string(), cause: z.string().optional() }),
  z.object({ action: z.literal('redirect'), call: z.string(), to: z.string().min(1) }),
  z.object({ action: z.literal('pickUp'), call: z.string(), by: z.string().min(1) }),
  z.object({ action: z.literal('voicemail'), user: z.string().min(1) }),
  z.object({ action: z.literal('dnd'), user: z.string().min(1), on: z.boolean() }),
  z.object({
    action: z.literal('inject'),
    user: z.string().min(1),
    event: z.union([z.string(), z.object({}).loose()]),
  }),
]);

export const scenarioSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  steps: z.array(step).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioStep = z.infer<typeof step>;

export interface ScenarioRun {
  /** Settles when the last step ran (or rejects with the failing step's number and reason). */
  done: Promise<void>;
  stop(): void;
}

/** The built-in reference scenario, or a scenario file by path. */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  const raw: unknown =
    nameOrPath === 'reference'
      ? referenceScenario
      : (JSON.parse(await readFile(nameOrPath, 'utf8')) as unknown);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Scenario ${nameOrPath} is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Resolves when the user has an open event stream (at once if it already has one). */
function streamOpened(sim: Simulator, loginName: string, signal: AbortSignal): Promise<void> {
  if (sim.hasOpenStream(loginName)) return Promise.resolve();
  return new Promise((resolve) => {
    const settle = () => {
      sim.off('stream-open', onOpen);
      signal.removeEventListener('abort', settle);
      resolve();
    };
    const onOpen = (info: { loginName: string }) => {
      if (info.loginName === loginName) settle();
    };
    sim.on('stream-open', onOpen);
    signal.addEventListener('abort', settle);
  });
}

/** Plays the steps in order; `timeScale` 0.01 makes a 4 s wait last 40 ms (tests). */
export function playScenario(
  sim: Simulator,
  scenario: Scenario,
  options: { timeScale?: number } = {},
): ScenarioRun {
  const controller = new AbortController();
  const calls = new Map<string, string>();
  const refOf = (id: string): string => {
    const ref = calls.get(id);
    if (!ref) throw new Error(`no call "${id}" was placed before this step`);
    return ref;
  };

  const run = async (action: ScenarioStep): Promise<void> => {
    switch (action.action) {
      case 'wait':
        return void (await sleep(action.ms * (options.timeScale ?? 1), undefined, {
          signal: controller.signal,
        }));
      case 'waitForStream':
        return streamOpened(sim, action.user, controller.signal);
      case 'call':
        calls.set(action.id, await sim.placeCall(action.from as CallOrigin, action.to));
        return;
      case 'answer':
        return sim.answer(refOf(action.call));
      case 'hangup':
        return sim.hangUp(refOf(action.call), action.side);
      case 'ringOut':
        return sim.ringOut(refOf(action.call), action.cause);
      case 'redirect':
        return sim.redirect(refOf(action.call), action.to);
      case 'pickUp':
        return sim.pickUp(refOf(action.call), action.by);
      case 'voicemail':
        return sim.leaveVoicemail(action.user);
      case 'dnd':
        return sim.setDnd(action.user, action.on);
      case 'inject':
        return sim.injectEvent(action.user, action.event);
    }
  };

  const done = (async () => {
    for (const [index, action] of scenario.steps.entries()) {
      if (controller.signal.aborted) return;
      try {
        await run(action);
      } catch (error) {
        if (controller.signal.aborted) return;
        throw new Error(
          `Scenario ${scenario.name}, step ${index + 1} (${action.action}): ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
  })();
  return { done, stop: () => controller.abort() };
}
