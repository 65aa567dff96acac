// D1 in the shell: a caller number carrying terminal escapes, BEL, a C1 CSI, bidi overrides or
// line breaks goes from the gateway event through the real model (describeCaller, the tray
// tooltip) into the notification and the tray; none of those characters arrives there.
import { Tray as ElectronTray, Menu as ElectronMenu } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { notificationOptions } from '../../electron/main/alerts/notification-registry.js';
import { TrayService } from '../../electron/main/tray/tray-service.js';
import { trayImagePath } from '../../electron/main/tray/tray-images.js';
import { TRAY_WORDS } from '../../electron/main/tray/tray-words.js';
import type { O2gEvent } from '../../shared/events/index.js';
import {
  describeCaller,
  initialPresenceState,
  reducePresence,
  setConnection,
  toPresenceView,
} from '../../shared/presence/index.js';
import { emitReady, resetElectronStub, trayRecord } from '../electron-stub/index.js';
import { recordingLog } from './recording-log.js';

const ESC = '\u001b';
const BEL = '\u0007';
const INJECTED = `0240${ESC}[2J${ESC}]0;PWNED${BEL}\u009b31m\u202e\n1`;
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LOGIN = 'oxe31001';

/** A ringing incoming call (OnCallCreated) whose caller is known only by the injected number. */
function ringingView() {
  const event = {
    eventName: 'OnCallCreated',
    loginName: LOGIN,
    callRef: '7001',
    initiator: 'p-1',
    callData: {
      state: 'RINGING_INCOMING',
      initialCalled: { id: { phoneNumber: `31900${ESC}]52;c;aGk=${BEL}` } },
    },
    legs: [{ deviceId: '31001', state: 'RINGING_INCOMING', ringingRemote: false }],
    participants: [{ participantId: 'p-1', identity: { id: { phoneNumber: INJECTED } } }],
  } as unknown as O2gEvent;
  const online = setConnection(initialPresenceState(LOGIN), { status: 'online' });
  return toPresenceView(reducePresence(online, event, 1000));
}

beforeEach(() => {
  resetElectronStub();
  emitReady();
});

describe('D1: gateway text on the desktop', () => {
  it('notification title and body, built from describeCaller, hold no control or bidi character', () => {
    const caller = describeCaller(
      { identity: { id: { phoneNumber: INJECTED } } },
      { ownNumbers: [LOGIN], initialCalled: `31900${ESC}]52;c;aGk=${BEL}` },
    );
    const alert = { callRef: '7001', caller, since: 0, canAnswer: true, canSendToVoicemail: true };
    for (const platform of ['linux', 'win32', 'darwin']) {
      const { title, body } = notificationOptions(alert, platform);
      expect(title).not.toMatch(UNSAFE);
      expect(body).not.toMatch(UNSAFE);
    }
    // The number is the title, so the body is the "via" line alone, on one line.
    expect(notificationOptions(alert, 'win32')).toMatchObject({
      title: '0240[2J]0;PWNED31m 1',
      body: 'via 31900]52;c;aGk=',
    });
  });

  it('the tray tooltip of a call rung through the model, in English and French, is clean', () => {
    const view = ringingView();
    expect(view.tray).toBe('ringing');
    expect(view.alerts[0]?.caller.number).toBe('0240[2J]0;PWNED31m 1');

    const tray = new TrayService({
      createTray: (image) => new ElectronTray(image),
      buildMenu: (template) => ElectronMenu.buildFromTemplate(template),
      imageFor: (state) => trayImagePath('/gen', 'linux', state),
      actions: {
        openDashboard: () => undefined,
        openSettings: () => undefined,
        setDnd: () => undefined,
        setStartAtLogin: () => undefined,
        openLogFolder: () => undefined,
        quit: () => undefined,
      },
      log: recordingLog().log,
    });
    tray.start(view, false);
    const tooltip = trayRecord.created[0]?.tooltips.at(-1);
    expect(tooltip).toContain('0240[2J]0;PWNED31m 1');
    expect(tooltip).not.toMatch(UNSAFE);
    expect(TRAY_WORDS.fr.tooltip(view)).not.toMatch(UNSAFE);
  });
});
