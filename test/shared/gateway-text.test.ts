/**
 * Terminal and display injection through gateway-supplied text (QA defect D1): every name and
 * number the model takes from the gateway loses control characters (C0, DEL, C1), line breaks
 * and bidi overrides, isolates and marks; numbers keep every other character as given.
 */
import { describe, expect, it } from 'vitest';
import {
  describeCaller,
  describeTray,
  notificationText,
  toPresenceView,
} from '../../shared/presence/index.js';
import type { O2gEvent } from '../../shared/events/index.js';
import { E1_LINE, LOGIN } from './fixtures.js';
import { last, run } from './presence-harness.js';

const ESC = '\u001b';
const BEL = '\u0007';
/** Clears the screen, sets the window title, and writes the clipboard (OSC 52). */
const INJECTED_NUMBER = `0240${ESC}[2J${ESC}]0;PWNED${BEL}${ESC}]52;c;aGk=${BEL}`;
/** Everything that must never survive into the model's display text. */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function alertText(participants: unknown, initialCalled?: string): string[] {
  const base = JSON.parse(E1_LINE) as Record<string, unknown>;
  const event = {
    ...base,
    participants,
    ...(initialCalled !== undefined
      ? { callData: { initialCalled: { id: { phoneNumber: initialCalled } } } }
      : {}),
  } as O2gEvent;
  const step = last(run([event]));
  const alert = toPresenceView(step.state).alerts[0];
  if (!alert) throw new Error('no alert');
  const { title, body } = notificationText(alert);
  return [
    alert.caller.name,
    alert.caller.number ?? '',
    alert.caller.via ?? '',
    title,
    body.replaceAll('\n', ' '),
    step.tooltip,
  ];
}

describe('caller numbers from the gateway', () => {
  it('drop escape sequences, BEL and C1 CSI but keep every other character as given', () => {
    const caller = describeCaller(
      { identity: { id: { phoneNumber: `+33 2 40${'\u009b'}2J 12` } } },
      { ownNumbers: [], initialCalled: INJECTED_NUMBER },
    );
    expect(caller.number).toBe('+33 2 402J 12');
    expect(caller.name).toBe('+33 2 402J 12');
    expect(caller.via).toBe('0240[2J]0;PWNED]52;c;aGk=');
  });

  it('through the model: title, body, via and tooltip of an injected number are clean', () => {
    const texts = alertText(
      [{ participantId: 'p-1', identity: { id: { phoneNumber: INJECTED_NUMBER } } }],
      `3190\u202e0\n${ESC}[31m`,
    );
    for (const value of texts) expect(value).not.toMatch(UNSAFE);
    expect(texts[0]).toBe('0240[2J]0;PWNED]52;c;aGk=');
    expect(texts[2]).toBe('31900 [31m');
  });

  it('a number that is nothing but control characters counts as absent', () => {
    const caller = describeCaller(
      { identity: { id: { phoneNumber: `${ESC}${BEL}\u200f\r\n` } } },
      { ownNumbers: [], initialCalled: '\u009b\u202e' },
    );
    expect(caller).toMatchObject({ name: 'Unknown caller', number: null, via: null });
  });

  it('names lose bidi marks, isolates, the Arabic letter mark and newlines', () => {
    const caller = describeCaller(
      {
        identity: {
          displayName: `Ali\u200fce\u061c \u2067Martin\u2069\nCFO${ESC}]0;x${BEL}`,
          id: { phoneNumber: '0612' },
        },
      },
      { ownNumbers: [] },
    );
    expect(caller.name).not.toMatch(UNSAFE);
    expect(caller.name).toBe('Alice Martin CFO ]0;x');
  });
});

describe('user info from the gateway (OnUserInfoChanged)', () => {
  it('cleans first name, last name and company phone before they reach the model', () => {
    const event = {
      eventName: 'OnUserInfoChanged',
      loginName: LOGIN,
      user: {
        loginName: LOGIN,
        firstName: `Anne${ESC}[2J`,
        lastName: `Ker\u202ejean\n`,
        companyPhone: `31001${ESC}]52;c;aGk=${BEL}`,
      },
    } as O2gEvent;
    const { state } = last(run([event]));
    expect(state.user).toMatchObject({
      firstName: 'Anne [2J',
      lastName: 'Kerjean',
      companyPhone: '31001]52;c;aGk=',
    });
    expect(describeTray(state)).not.toMatch(UNSAFE);
  });

  it('keeps the login name without the line breaks around it', () => {
    const event = {
      eventName: 'OnUserInfoChanged',
      loginName: LOGIN,
      user: { loginName: `\n${LOGIN.toUpperCase()}\r\n\t` },
    } as O2gEvent;
    expect(last(run([event])).state.user?.loginName).toBe(LOGIN.toUpperCase());
  });

  it('a company phone of only control characters is absent', () => {
    const event = {
      eventName: 'OnUserInfoChanged',
      loginName: LOGIN,
      user: { loginName: LOGIN, companyPhone: `${ESC}${BEL}`, firstName: '\u200e' },
    } as O2gEvent;
    expect(last(run([event])).state.user).toMatchObject({ companyPhone: null, firstName: null });
  });
});
