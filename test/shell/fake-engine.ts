/**
 * Test-only: an in-memory PresenceEngine for the shell's tests. Records what the shell asked of
 * it and lets a test push views and alert changes. Its start() logs the way a careless HTTP
 * layer might (the Basic Authorization header), so tests prove the shell's log redaction.
 */
import type { ActionResult } from '../../shared/ipc/channels.js';
import { initialPresenceState, toPresenceView } from '../../shared/presence/index.js';
import type { Alert, AlertChange, PresenceView } from '../../shared/presence/types.js';
import type { LoggerFactory } from '../../electron/gateway/log.js';
import type { EngineConfig, PresenceEngine } from '../../electron/gateway/types.js';

export function baseView(): PresenceView {
  return toPresenceView(initialPresenceState('oxe31001'));
}

export function viewWith(partial: Partial<PresenceView>): PresenceView {
  return { ...baseView(), ...partial };
}

export function alertFor(callRef: string, overrides: Partial<Alert> = {}): Alert {
  return {
    callRef,
    caller: {
      name: 'Marc Olivier',
      number: '0240123456',
      via: null,
      anonymous: false,
      unknown: false,
    },
    since: 1_700_000_000_000,
    canAnswer: true,
    canSendToVoicemail: true,
    ...overrides,
  };
}

export class FakeEngine implements PresenceEngine {
  view: PresenceView = baseView();
  readonly starts: EngineConfig[] = [];
  stops = 0;
  readonly nudges: string[] = [];
  readonly calls: Array<{ action: string; arg: string | boolean }> = [];
  actionResult: ActionResult = { ok: true };
  private readonly viewListeners = new Set<(view: PresenceView) => void>();
  private readonly alertListeners = new Set<(change: AlertChange) => void>();

  constructor(private readonly logger: LoggerFactory) {}

  async start(config: EngineConfig): Promise<void> {
    this.starts.push(config);
    const basic = Buffer.from(`${config.login}:${config.password}`).toString('base64');
    this.logger('gateway.http').info(`GET /api/rest/authenticate Authorization: Basic ${basic}`);
    this.logger('gateway.http').debug('credentials', { password: config.password });
    this.pushView({ connection: { status: 'online' }, tray: 'free', tooltip: 'Free' });
  }

  async stop(): Promise<void> {
    this.stops += 1;
  }

  nudge(reason: string): void {
    this.nudges.push(reason);
  }

  onView(listener: (view: PresenceView) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  onAlert(listener: (change: AlertChange) => void): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  async answer(callRef: string): Promise<ActionResult> {
    this.calls.push({ action: 'answer', arg: callRef });
    return this.actionResult;
  }

  async hangUp(callRef: string): Promise<ActionResult> {
    this.calls.push({ action: 'hangUp', arg: callRef });
    return this.actionResult;
  }

  async sendToVoicemail(callRef: string): Promise<ActionResult> {
    this.calls.push({ action: 'sendToVoicemail', arg: callRef });
    return this.actionResult;
  }

  async setDnd(on: boolean): Promise<ActionResult> {
    this.calls.push({ action: 'setDnd', arg: on });
    return this.actionResult;
  }

  pushView(partial: Partial<PresenceView>): void {
    this.view = { ...this.view, ...partial };
    for (const listener of this.viewListeners) listener(this.view);
  }

  pushAlert(change: AlertChange): void {
    for (const listener of this.alertListeners) listener(change);
  }
}
