// The shape of a user's line outside calls (plain Node, pure): user and device state, event
// summary counters, routing (DND, forward), and their event / REST forms (protocol §8.4, §9, §10).

export interface Counters {
  missedCallsNb: number;
  voiceMessagesNb: number;
  callBackRequestsNb: number;
  faxNb: number;
  newTextNb: number;
  oldTextNb: number;
  eventWaiting: boolean;
}

export interface Destination {
  type: 'VOICEMAIL' | 'NUMBER' | 'MOBILE';
  number?: string;
  selected?: boolean;
}

export interface ForwardRoute {
  /** Absent = immediate forward. */
  forwardType?: 'BUSY' | 'NO_ANSWER' | 'BUSY_NO_ANSWER';
  destinations: Destination[];
}

export interface LineState {
  userState: 'FREE' | 'BUSY';
  deviceState: 'IN_SERVICE' | 'OUT_OF_SERVICE';
  counters: Counters;
  dnd: boolean;
  forward: ForwardRoute | undefined;
}

export function newLineState(): LineState {
  return {
    userState: 'FREE',
    deviceState: 'IN_SERVICE',
    counters: {
      missedCallsNb: 0,
      voiceMessagesNb: 0,
      callBackRequestsNb: 0,
      faxNb: 0,
      newTextNb: 0,
      oldTextNb: 0,
      eventWaiting: false,
    },
    dnd: false,
    forward: undefined,
  };
}

/** The message-waiting lamp follows unread voice messages. */
export function withWaitingFlag(counters: Counters): Counters {
  return { ...counters, eventWaiting: counters.voiceMessagesNb > 0 || counters.newTextNb > 0 };
}

export function routingStateOf(line: LineState): object {
  return {
    presentationRoutes: [{ destinations: [{ type: 'MOBILE', selected: false }] }],
    forwardRoutes: line.forward ? [line.forward] : [],
    overflowRoutes: [],
    dndState: { activate: line.dnd },
  };
}

export function summaryEvent(loginName: string, line: LineState): object {
  return { eventName: 'OnEventSummaryUpdated', loginName, eventSummary: { ...line.counters } };
}

export function routingEvent(loginName: string, line: LineState): object {
  return { eventName: 'OnRoutingStateChanged', loginName, routingState: routingStateOf(line) };
}

export function userStateEvent(loginName: string, line: LineState): object {
  return { eventName: 'OnUserStateModified', loginName, state: line.userState };
}

export function deviceStatesOf(extension: string, line: LineState): object[] {
  return [{ deviceId: extension, state: line.deviceState }];
}
