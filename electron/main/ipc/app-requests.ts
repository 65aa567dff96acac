/**
 * Main process: what each renderer request does. Validation and the trusted-sender check have
 * already happened (request-handlers.ts); here are the actions. Popup buttons act, then dismiss
 * the popup; a failed action keeps it so the user sees why.
 */
import type { ActionResult, DoctorCheck } from '../../../shared/ipc/channels.js';
import type { Alert, PresenceView } from '../../../shared/presence/types.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { PresenceEngine } from '../../gateway/types.js';
import type { Account } from '../account.js';
import type { ExternalOpener } from '../security/external-links.js';
import { crmUrlFor } from '../security/external-links.js';
import type { AppWindowKind } from '../windows/app-windows.js';
import type { EventReceiver } from './event-sender.js';
import { sendToContents } from './event-sender.js';
import type { RequestHandlers } from './request-handlers.js';

export interface AppRequestDeps {
  engine: Pick<PresenceEngine, 'view' | 'answer' | 'sendToVoicemail' | 'setDnd'>;
  account: Pick<Account, 'view' | 'save' | 'testConnection' | 'startDemo' | 'settings'>;
  dismissPopup(callRef: string): void;
  ringingAlert(callRef: string): Alert | undefined;
  openWindow(kind: AppWindowKind): void;
  writeClipboard(text: string): Promise<void> | void;
  shell: ExternalOpener;
  chooseCaFile(): Promise<string | null>;
  reconnect(): Promise<ActionResult>;
  /** `reconnect` is true when the gateway, the password or demo mode changed. */
  settingsSaved(settings: Settings, change: { readonly reconnect: boolean }): void;
}

const OK: ActionResult = { ok: true };
const fail = (message: string): ActionResult => ({ ok: false, message });

function callerNumber(view: PresenceView, alert: Alert | undefined, callRef: string) {
  if (alert) return alert.caller.number;
  return view.calls.find((call) => call.callRef === callRef)?.caller.number ?? null;
}

/** Alert or language changes must not drop a working connection. */
function sameConnection(a: Settings, b: Settings): boolean {
  return a.demoMode === b.demoMode && JSON.stringify(a.gateway) === JSON.stringify(b.gateway);
}

export function appRequestHandlers(deps: AppRequestDeps): RequestHandlers {
  const thenDismiss = async (callRef: string, action: () => Promise<ActionResult>) => {
    const result = await action();
    if (result.ok) deps.dismissPopup(callRef);
    return result;
  };

  return {
    'presence:get': () => deps.engine.view,

    'call:answer': ({ callRef }) =>
      thenDismiss(callRef, async () => {
        const alert = deps.ringingAlert(callRef);
        if (alert && !alert.canAnswer) return fail('This call cannot be answered from here.');
        return deps.engine.answer(callRef);
      }),

    'call:send-to-voicemail': ({ callRef }) =>
      thenDismiss(callRef, () => deps.engine.sendToVoicemail(callRef)),

    'call:copy-number': ({ callRef }) =>
      thenDismiss(callRef, async () => {
        const number = callerNumber(deps.engine.view, deps.ringingAlert(callRef), callRef);
        if (!number) return fail('This caller has no number to copy.');
        await deps.writeClipboard(number);
        return OK;
      }),

    'call:open-crm': ({ callRef }) =>
      thenDismiss(callRef, async () => {
        const number = callerNumber(deps.engine.view, deps.ringingAlert(callRef), callRef);
        const url = crmUrlFor(deps.account.settings().alerts.crmUrlTemplate, number);
        if (!url) return fail('No usable CRM address is configured for this caller.');
        await deps.shell.openExternal(url);
        return OK;
      }),

    'popup:dismiss': ({ callRef }) => {
      deps.dismissPopup(callRef);
      return OK;
    },

    'dnd:set': ({ on }) => deps.engine.setDnd(on),

    'connection:reconnect': () => deps.reconnect(),

    'settings:get': () => deps.account.view(),

    'settings:save': ({ settings, password }) => {
      const before = deps.account.settings();
      const result = deps.account.save(settings, password);
      if (result.ok) {
        const after = deps.account.settings();
        const reconnect = password !== undefined || !sameConnection(before, after);
        deps.settingsSaved(after, { reconnect });
      }
      return result;
    },

    'settings:test-connection': ({ settings, password }, { sender }) =>
      deps.account.testConnection(settings, password, (check: DoctorCheck) =>
        sendToContents(sender as EventReceiver, 'doctor:progress', check),
      ),

    'settings:choose-ca-file': () => deps.chooseCaFile(),

    'demo:start': async () => {
      const outcome = await deps.account.startDemo();
      return outcome.connected ? OK : fail(outcome.message);
    },

    'window:open-dashboard': () => {
      deps.openWindow('dashboard');
      return OK;
    },

    'window:open-settings': () => {
      deps.openWindow('settings');
      return OK;
    },
  };
}
