/**
 * The part of Electron's main process the renderer talks to, rebuilt on plain Node for the
 * browser tests: each request is checked against the channel map's schema (as main's typed
 * handlers do) and served by the REAL presence engine and doctor; engine views are pushed to the
 * pages. Side effects main would perform (clipboard, opening a browser, closing a popup) are
 * recorded instead, for the tests to assert on.
 */
import type { BrowserContext } from 'playwright-core';
import { runDoctor, type EngineConfig, type PresenceEngine } from '../../electron/gateway/index.js';
import {
  requestSchemas,
  type ActionResult,
  type RequestChannel,
  type RequestPayload,
  type ResponseMap,
  type SettingsView,
} from '../../shared/ipc/channels.js';
import type { CallerDisplay } from '../../shared/presence/types.js';
import { pushToPages, type BridgeHost } from './page-bridge.js';

const OK: ActionResult = { ok: true };

export interface ShellStandInOptions {
  readonly context: BrowserContext;
  readonly engine: PresenceEngine;
  readonly settings: SettingsView;
  /** How a settings draft becomes an engine config for "Test connection". */
  readonly doctorConfig: (payload: RequestPayload<'settings:test-connection'>) => EngineConfig;
}

export class ShellStandIn implements BridgeHost {
  readonly dismissed: string[] = [];
  readonly copied: string[] = [];
  readonly openedUrls: string[] = [];
  /** Requests main would have refused (bad payload, unknown channel): must stay empty. */
  readonly refused: string[] = [];
  readonly requests: RequestChannel[] = [];
  private settings: SettingsView;
  private readonly disposeView: () => void;

  constructor(private readonly options: ShellStandInOptions) {
    this.settings = options.settings;
    this.disposeView = options.engine.onView((view) => {
      void pushToPages(options.context, 'presence:changed', view);
    });
  }

  async request(channel: RequestChannel, payload: unknown): Promise<unknown> {
    const schema = requestSchemas[channel];
    const parsed = schema?.safeParse(payload);
    if (!parsed?.success) {
      this.refused.push(`${channel}: ${parsed?.error.message ?? 'unknown channel'}`);
      throw new Error(`Refused ${channel}`);
    }
    this.requests.push(channel);
    return this.serve(channel, parsed.data as never);
  }

  close(): void {
    this.disposeView();
  }

  private async serve<C extends RequestChannel>(
    channel: C,
    payload: RequestPayload<C>,
  ): Promise<ResponseMap[C]> {
    const { engine } = this.options;
    const input = payload as Record<string, unknown>;
    const callRef = String(input?.callRef ?? '');
    const answers: { [K in RequestChannel]?: () => unknown } = {
      'presence:get': () => engine.view,
      'call:answer': () => engine.answer(callRef),
      'call:send-to-voicemail': () => engine.sendToVoicemail(callRef),
      'call:copy-number': () => this.copyNumber(callRef),
      'call:open-crm': () => this.openCrm(callRef),
      'popup:dismiss': () => (this.dismissed.push(callRef), OK),
      'dnd:set': () => engine.setDnd(Boolean(input.on)),
      'connection:reconnect': () => (engine.nudge('user asked to reconnect'), OK),
      'settings:get': () => this.settings,
      'settings:save': () => this.save(payload as RequestPayload<'settings:save'>),
      'settings:test-connection': () =>
        runDoctor(
          this.options.doctorConfig(payload as RequestPayload<'settings:test-connection'>),
          (check) => void pushToPages(this.options.context, 'doctor:progress', check),
        ),
      'settings:choose-ca-file': () => null,
      'demo:start': () => OK,
      'window:open-dashboard': () => OK,
      'window:open-settings': () => OK,
    };
    return (await answers[channel]!()) as ResponseMap[C];
  }

  private callerOf(callRef: string): CallerDisplay | null {
    const view = this.options.engine.view;
    const alert = view.alerts.find((candidate) => candidate.callRef === callRef);
    return alert?.caller ?? view.calls.find((call) => call.callRef === callRef)?.caller ?? null;
  }

  private copyNumber(callRef: string): ActionResult {
    const number = this.callerOf(callRef)?.number;
    if (!number) return { ok: false, message: 'This caller has no number to copy.' };
    this.copied.push(number);
    return OK;
  }

  private openCrm(callRef: string): ActionResult {
    const number = this.callerOf(callRef)?.number;
    const template = this.settings.settings.alerts.crmUrlTemplate;
    if (!number || !template) return { ok: false, message: 'No CRM address or no number.' };
    this.openedUrls.push(template.replaceAll('{number}', encodeURIComponent(number)));
    return OK;
  }

  private save(payload: RequestPayload<'settings:save'>): ResponseMap['settings:save'] {
    this.settings = {
      ...this.settings,
      settings: payload.settings,
      hasPassword: this.settings.hasPassword || payload.password !== undefined,
    };
    return { ok: true };
  }
}
