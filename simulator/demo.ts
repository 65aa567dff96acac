// Demo mode's call generator (plain Node): a varied, endless stream of incoming calls for one
// user, drawn from simulator/scenarios/demo.json. Used by the terminal `--demo` mode, the app's
// demo mode and `npm run simulator -- --scenario demo`.
import { z } from 'zod';
import demoData from './scenarios/demo.json' with { type: 'json' };
import type { CallOrigin, Simulator } from './simulator.js';

const range = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const demoSchema = z.object({
  callers: z
    .array(
      z.union([
        z.object({ loginName: z.string() }),
        z.object({ anonymous: z.literal(true) }),
        z.object({
          number: z.string(),
          firstName: z.string().optional(),
          lastName: z.string().optional(),
          displayName: z.string().optional(),
        }),
      ]),
    )
    .min(1),
  outcomes: z
    .array(
      z.object({
        kind: z.enum(['answered', 'missed', 'voicemail', 'deflected']),
        weight: z.number().min(0),
      }),
    )
    .min(1),
  ringMs: range,
  talkMs: range,
});

export type DemoScript = z.infer<typeof demoSchema>;
export type DemoOutcome = DemoScript['outcomes'][number]['kind'];

export const DEMO_SCRIPT: DemoScript = demoSchema.parse(demoData);

export interface DemoOptions {
  /** Pause between the end of one call and the next one ringing (default 15-30 s). */
  minGapMs?: number;
  maxGapMs?: number;
  ringMs?: [number, number];
  talkMs?: [number, number];
  /** Injected for reproducible tests; default Math.random. */
  random?: () => number;
  /** Called after each call with what happened (for logs and tests). */
  onCall?: (call: { callRef: string; outcome: DemoOutcome; caller: string }) => void;
  script?: DemoScript;
}

function between(random: () => number, [low, high]: readonly [number, number]): number {
  return Math.round(low + random() * Math.max(0, high - low));
}

function pick<T extends { weight: number }>(random: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = random() * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item;
  }
  return items[items.length - 1] as T;
}

function originOf(caller: DemoScript['callers'][number], random: () => number): CallOrigin {
  if ('loginName' in caller) return { loginName: caller.loginName };
  if ('anonymous' in caller) return { number: '', anonymous: true };
  const { number, ...name } = caller;
  // Vary the last digits a little so the call log does not show the same number ten times.
  const varied = random() < 0.3 ? number.replace(/\d$/, String(Math.floor(random() * 10))) : number;
  return { number: varied, name };
}

/** Starts the generator; the returned function stops it (a call in progress is hung up). */
export function startDemo(
  sim: Simulator,
  loginName: string,
  options: DemoOptions = {},
): () => void {
  const random = options.random ?? Math.random;
  const script = options.script ?? DEMO_SCRIPT;
  const gap: [number, number] = [options.minGapMs ?? 15_000, options.maxGapMs ?? 30_000];
  const callers = script.callers.filter((c) => !('loginName' in c) || c.loginName !== loginName);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: string | undefined;

  // The call may already be gone (the user answered and hung up, or a test ended it).
  const hangUpQuietly = (callRef: string) =>
    void sim.hangUp(callRef, 'caller').catch(() => undefined);

  const later = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });

  const oneCall = async (): Promise<void> => {
    const caller = callers[Math.floor(random() * callers.length)] ?? { anonymous: true as const };
    const outcome = pick(random, script.outcomes).kind;
    const callRef = await sim.placeCall(originOf(caller, random), loginName);
    current = callRef;
    if (stopped) return hangUpQuietly(callRef);
    await later(between(random, options.ringMs ?? script.ringMs));
    if (stopped) return;
    if (outcome === 'answered') {
      await sim.answer(callRef);
      await later(between(random, options.talkMs ?? script.talkMs));
      if (stopped) return;
      await sim.hangUp(callRef, random() < 0.5 ? 'caller' : 'callee');
    } else if (outcome === 'deflected') {
      await sim.redirect(callRef, 'VOICEMAIL');
    } else {
      await sim.ringOut(callRef);
      if (outcome === 'voicemail') await sim.leaveVoicemail(loginName);
    }
    current = undefined;
    options.onCall?.({ callRef, outcome, caller: JSON.stringify(caller) });
  };

  void (async () => {
    while (!stopped) {
      await later(between(random, gap));
      if (stopped) break;
      // A call the user or a test already ended (or DND refused) is not an error for the demo.
      await oneCall().catch(() => undefined);
    }
  })();

  return () => {
    stopped = true;
    clearTimeout(timer);
    if (current) hangUpQuietly(current);
  };
}
