/**
 * A small driver for model tests: runs events through the reducer from an online state and
 * records, per event, the tray state and the alert changes the engine would emit.
 */
import type { O2gEvent } from '../../shared/events/index.js';
import {
  describeTray,
  deriveTrayState,
  diffAlerts,
  initialPresenceState,
  reducePresence,
  setConnection,
} from '../../shared/presence/index.js';
import type { AlertChange, PresenceState, TrayState } from '../../shared/presence/index.js';
import { LOGIN } from './fixtures.js';

export interface Step {
  readonly state: PresenceState;
  readonly tray: TrayState;
  readonly tooltip: string;
  readonly changes: AlertChange[];
}

export function onlineState(loginName = LOGIN): PresenceState {
  return setConnection(initialPresenceState(loginName), { status: 'online' });
}

/** Applies events one by one at times 1000, 2000, ...; one step per event. */
export function run(events: readonly O2gEvent[], start: PresenceState = onlineState()): Step[] {
  const steps: Step[] = [];
  let state = start;
  events.forEach((event, index) => {
    const next = reducePresence(state, event, (index + 1) * 1000);
    steps.push({
      state: next,
      tray: deriveTrayState(next),
      tooltip: describeTray(next),
      changes: diffAlerts(state, next),
    });
    state = next;
  });
  return steps;
}

export function last(steps: readonly Step[]): Step {
  const step = steps.at(-1);
  if (!step) throw new Error('no step');
  return step;
}

/** The alert changes of a run as short strings: "show 7001", "close 7001 answered". */
export function changeLog(steps: readonly Step[]): string[] {
  return steps.flatMap((step) =>
    step.changes.map((change) =>
      change.action === 'show'
        ? `show ${change.alert.callRef}`
        : `close ${change.callRef} ${change.reason}`,
    ),
  );
}
