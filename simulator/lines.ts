// Every user's line outside calls (plain Node): counters, routing, device and user state, and the
// events their changes raise (OnEventSummaryUpdated, OnRoutingStateChanged, OnDeviceStateModified,
// OnUserStateModified).
import type { Directory } from './directory.js';
import {
  newLineState,
  routingEvent,
  summaryEvent,
  userStateEvent,
  withWaitingFlag,
  type Counters,
  type LineState,
} from './line-state.js';

export type Publish = (loginName: string, event: object) => void;

export class Lines {
  private readonly lines = new Map<string, LineState>();

  constructor(
    private readonly directory: Directory,
    private readonly publish: Publish,
  ) {}

  get(loginName: string): LineState {
    let line = this.lines.get(loginName);
    if (!line) {
      line = newLineState();
      this.lines.set(loginName, line);
    }
    return line;
  }

  /** Counters are sent whole, never as deltas (protocol §9). */
  setCounters(loginName: string, changes: Partial<Counters>): void {
    const line = this.get(loginName);
    line.counters = withWaitingFlag({ ...line.counters, ...changes });
    if (changes.eventWaiting !== undefined) line.counters.eventWaiting = changes.eventWaiting;
    this.publish(loginName, summaryEvent(loginName, line));
  }

  countMissedCall(loginName: string): void {
    this.setCounters(loginName, { missedCallsNb: this.get(loginName).counters.missedCallsNb + 1 });
  }

  leaveVoicemail(loginName: string): void {
    const voiceMessagesNb = this.get(loginName).counters.voiceMessagesNb + 1;
    this.setCounters(loginName, { voiceMessagesNb });
  }

  setDnd(loginName: string, on: boolean): void {
    const line = this.get(loginName);
    line.dnd = on;
    this.publish(loginName, routingEvent(loginName, line));
  }

  /** Also answers a routing snapshot request: the same event with the unchanged state. */
  setForward(loginName: string, forward: LineState['forward']): void {
    const line = this.get(loginName);
    line.forward = forward;
    this.publish(loginName, routingEvent(loginName, line));
  }

  setDeviceState(loginName: string, state: LineState['deviceState']): void {
    const line = this.get(loginName);
    line.deviceState = state;
    const extension = this.directory.get(loginName)?.extension ?? '';
    this.publish(loginName, {
      eventName: 'OnDeviceStateModified',
      loginName,
      deviceStates: [{ deviceId: extension, state }],
    });
  }

  /** Emits OnUserStateModified only on a real change. */
  setUserState(loginName: string, state: LineState['userState']): void {
    const line = this.get(loginName);
    if (line.userState === state) return;
    line.userState = state;
    this.publish(loginName, userStateEvent(loginName, line));
  }
}
