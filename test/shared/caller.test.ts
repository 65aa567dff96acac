/**
 * Caller text for tray, popup and notification: field reports F8 (missing or odd identity,
 * driven through the model as six copies of E1) and F9 (markup shown literally), plus "via".
 */
import { describe, expect, it } from 'vitest';
import {
  capText,
  describeCaller,
  notificationText,
  toPresenceView,
} from '../../shared/presence/index.js';
import type { Alert } from '../../shared/presence/index.js';
import { E1_LINE } from './fixtures.js';
import { last, run } from './presence-harness.js';

/** E1 with another callRef and its participant replaced (or its participants key changed). */
function e1With(callRef: string, participants: unknown): Record<string, unknown> {
  const base = JSON.parse(E1_LINE) as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...base, callRef };
  if (participants === undefined) delete copy['participants'];
  else copy['participants'] = participants;
  return copy;
}

const identity = (fields: Record<string, unknown>) => [
  { participantId: 'p-1', identity: { id: { phoneNumber: '0240123456' }, ...fields } },
];

describe('F8: caller identity missing or oddly shaped', () => {
  const longName = 'A'.repeat(260);
  const events = [
    e1With('7201', identity({ firstName: 'Marc', lastName: 'Olivier', displayName: null })),
    e1With('7202', [
      {
        participantId: 'p-1',
        identity: { id: { phoneNumber: '+41 22 555 01 99' }, displayName: 'ACCUEIL MAIRIE' },
      },
    ]),
    e1With('7203', [
      { participantId: 'p-1', identity: { id: { phoneNumber: '' } }, anonymous: true },
    ]),
    e1With('7204', [{ participantId: 'p-1', anonymous: false }]),
    e1With('7205', []),
    e1With('7206', identity({ displayName: longName })),
  ].map((e) => e as never);
  const view = toPresenceView(last(run(events)).state);
  const alert = (callRef: string): Alert => {
    const found = view.alerts.find((a) => a.callRef === callRef);
    if (!found) throw new Error(`no alert ${callRef}`);
    return found;
  };

  it('raises an alert for every one of the six calls', () => {
    expect(view.alerts.map((a) => a.callRef)).toEqual([
      '7201',
      '7202',
      '7203',
      '7204',
      '7205',
      '7206',
    ]);
  });

  it('never shows "null" or "undefined" in any text of the view or a notification', () => {
    const texts = JSON.stringify(view, (_key, value: unknown) =>
      typeof value === 'string' && /null|undefined/i.test(value) ? `BAD:${value}` : value,
    );
    expect(texts).not.toContain('BAD:');
    for (const a of view.alerts) {
      const text = notificationText(a);
      expect(`${text.title}\n${text.body}`).not.toMatch(/null|undefined/i);
    }
  });

  it('uses first and last name when displayName is null', () => {
    expect(alert('7201').caller).toEqual({
      name: 'Marc Olivier',
      number: '0240123456',
      via: null,
      anonymous: false,
      unknown: false,
    });
  });

  it('keeps the number exactly as given, leading + and spaces included', () => {
    expect(alert('7202').caller).toMatchObject({
      name: 'ACCUEIL MAIRIE',
      number: '+41 22 555 01 99',
    });
    expect(notificationText(alert('7202'))).toEqual({
      title: 'ACCUEIL MAIRIE',
      body: '+41 22 555 01 99',
    });
  });

  it('labels the anonymous caller as withheld with no number; it can still go to voicemail', () => {
    expect(alert('7203').caller).toMatchObject({
      name: 'Withheld number',
      number: null,
      anonymous: true,
    });
    expect(alert('7203').canSendToVoicemail).toBe(true);
    expect(notificationText(alert('7203'))).toEqual({ title: 'Withheld number', body: '' });
  });

  it('labels a caller without identity, or a call without participants, as unknown', () => {
    for (const callRef of ['7204', '7205']) {
      expect(alert(callRef).caller).toEqual({
        name: 'Unknown caller',
        number: null,
        via: null,
        anonymous: false,
        unknown: true,
      });
    }
  });

  it('cuts a 260-letter name with a single ellipsis in the notification title', () => {
    const { title } = notificationText(alert('7206'));
    expect(title).toHaveLength(64);
    expect(title.endsWith('…')).toBe(true);
    expect(title.match(/…/g)).toHaveLength(1);
    expect(alert('7206').caller.name.length).toBeLessThanOrEqual(128);
  });
});

describe('F9: markup in a caller name is plain text', () => {
  const markup = '<img src=x onerror="window.__pwned=1">Léa & Co <b>VIP</b>';

  it('keeps every character literally in the caller and the notification', () => {
    const caller = describeCaller(
      {
        participantId: 'p',
        identity: { displayName: markup, id: { phoneNumber: '0240<script>1</script>' } },
      },
      { ownNumbers: ['31001'] },
    );
    expect(caller.name).toBe(markup);
    expect(caller.number).toBe('0240<script>1</script>');
    const text = notificationText({
      callRef: '1',
      caller,
      since: 0,
      canAnswer: true,
      canSendToVoicemail: true,
    });
    expect(text).toEqual({ title: markup, body: '0240<script>1</script>' });
  });

  it('keeps "Dupont & Fils" intact', () => {
    const caller = describeCaller(
      { identity: { displayName: 'Dupont & Fils' } },
      { ownNumbers: [] },
    );
    expect(
      notificationText({
        callRef: '1',
        caller,
        since: 0,
        canAnswer: false,
        canSendToVoicemail: false,
      }).title,
    ).toBe('Dupont & Fils');
  });

  it('turns control and bidi-override characters into spaces so a name cannot fake lines', () => {
    const caller = describeCaller(
      { identity: { displayName: 'Bank\n\u202eSupport\u0007' } },
      { ownNumbers: [] },
    );
    expect(caller.name).toBe('Bank Support');
  });
});

describe('describeCaller', () => {
  it('picks the remote party named by the initiator in the model', () => {
    const call = {
      ...JSON.parse(E1_LINE),
      initiator: 'p-2',
      participants: [
        { participantId: 'p-1', identity: { displayName: 'Conference bridge' } },
        { participantId: 'p-2', identity: { displayName: 'Marc Olivier' } },
      ],
    };
    expect(toPresenceView(last(run([call])).state).alerts[0]?.caller.name).toBe('Marc Olivier');
  });

  it('adds "via" for a group or forwarded number, not for the user\'s own numbers', () => {
    const opts = { ownNumbers: ['31001', '31501'] };
    expect(describeCaller(undefined, { ...opts, initialCalled: '31900' }).via).toBe('31900');
    expect(describeCaller(undefined, { ...opts, initialCalled: '31001' }).via).toBeNull();
    expect(
      describeCaller(undefined, { ...opts, initialCalled: '+33 2 98 03 15 01' }).via,
    ).toBeNull();
    expect(describeCaller(undefined, { ...opts, initialCalled: '  ' }).via).toBeNull();
    // A hunting group whose number is a suffix of the extension is still another number.
    expect(describeCaller(undefined, { ...opts, initialCalled: '1001' }).via).toBe('1001');
    expect(
      describeCaller(undefined, { ownNumbers: ['+33298031001'], initialCalled: '0298031001' }).via,
    ).toBeNull();
    expect(
      describeCaller(undefined, { ownNumbers: ['31001'], initialCalled: '0298031002' }).via,
    ).toBe('0298031002');
    const text = notificationText({
      callRef: '1',
      caller: describeCaller(
        { identity: { firstName: 'Ana', id: { phoneNumber: '0612' } } },
        { ...opts, initialCalled: '31900' },
      ),
      since: 0,
      canAnswer: true,
      canSendToVoicemail: true,
    });
    expect(text).toEqual({ title: 'Ana', body: '0612\nvia 31900' });
  });

  it('names a caller by number alone when there is no name, without repeating it', () => {
    const caller = describeCaller(
      { identity: { firstName: '  ', id: { phoneNumber: '0612' } } },
      { ownNumbers: [] },
    );
    expect(caller).toMatchObject({ name: '0612', number: '0612', unknown: false });
    expect(
      notificationText({
        callRef: '1',
        caller,
        since: 0,
        canAnswer: true,
        canSendToVoicemail: true,
      }),
    ).toEqual({
      title: '0612',
      body: '',
    });
  });

  it('falls back to first and last name when the display name is only control characters', () => {
    const caller = describeCaller(
      { identity: { displayName: '\u0007', firstName: 'Ana', lastName: 'Lima' } },
      { ownNumbers: [] },
    );
    expect(caller.name).toBe('Ana Lima');
  });

  it('honours the call-wide anonymous flag', () => {
    const caller = describeCaller(
      { identity: { displayName: 'Marc' } },
      { ownNumbers: [], anonymous: true },
    );
    expect(caller).toMatchObject({ name: 'Withheld number', anonymous: true });
  });

  it('survives wrong-typed identity fields', () => {
    const caller = describeCaller(
      { identity: { displayName: 42, firstName: ['x'], id: 'x' } } as never,
      { ownNumbers: [] },
    );
    expect(caller.name).toBe('Unknown caller');
  });
});

describe('capText', () => {
  it('leaves short text alone and never splits an emoji', () => {
    expect(capText('Marc', 64)).toBe('Marc');
    const capped = capText('👨‍👩‍👧'.repeat(10), 5);
    expect(capped).toBe(`${'👨‍👩‍👧'.repeat(4)}…`);
  });
});
