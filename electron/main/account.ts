/**
 * Main process: the user's gateway account as the shell sees it: effective settings (policy
 * applied), the password vault, and connecting the engine to the real gateway or to the
 * built-in demo simulator. Settings saves and "Test connection" from the settings window land
 * here.
 */
import type { DoctorCheck, SaveSettingsResult, SettingsView } from '../../shared/ipc/channels.js';
import type { Settings } from '../../shared/settings/schema.js';
import type { Logger } from '../gateway/log.js';
import { registerSecret } from '../gateway/log.js';
import type { EngineConfig, PresenceEngine } from '../gateway/types.js';
import type { EngineConfigResult } from './settings/engine-config.js';
import { buildEngineConfig } from './settings/engine-config.js';
import type { PasswordVault } from './settings/password-vault.js';
import type { Policy } from './settings/policy.js';
import { applyPolicy, lockedFieldErrors } from './settings/policy.js';
import type { SettingsStore } from './settings/settings-store.js';

/** The built-in simulator, started on demand for "Try the demo". */
export interface DemoGateway {
  start(): Promise<EngineConfig>;
  /** Starts the scripted calls, once the engine is listening. */
  play(): void;
  stop(): Promise<void>;
}

export type Doctor = (
  config: EngineConfig,
  onProgress: (check: DoctorCheck) => void,
) => Promise<DoctorCheck[]>;

export interface AccountDeps {
  store: SettingsStore;
  vault: PasswordVault;
  policy: Policy;
  engine: Pick<PresenceEngine, 'start' | 'stop'>;
  demo: DemoGateway | null;
  doctor: Doctor;
  readCaFile(path: string): Promise<string>;
  log: Logger;
}

export type ConnectOutcome =
  | { readonly connected: true; readonly demo: boolean }
  | { readonly connected: false; readonly missing: string; readonly message: string };

export class Account {
  private demoRunning = false;

  constructor(private readonly deps: AccountDeps) {}

  settings(): Settings {
    return applyPolicy(this.deps.store.read(), this.deps.policy);
  }

  view(): SettingsView {
    return {
      settings: this.settings(),
      hasPassword: this.deps.vault.hasPassword(),
      canStorePassword: this.deps.vault.canStore(),
      locked: this.deps.policy.lock,
    };
  }

  /** Nothing to connect to yet: first start, or the user never finished the settings. */
  needsSetup(): boolean {
    const settings = this.settings();
    if (settings.demoMode) return false;
    return (
      settings.gateway.server === '' ||
      settings.gateway.login === '' ||
      !this.deps.vault.hasPassword()
    );
  }

  save(next: Settings, password: string | undefined): SaveSettingsResult {
    const errors = lockedFieldErrors(next, this.deps.policy);
    if (Object.keys(errors).length > 0) return { ok: false, errors };

    // A stored password belongs to the gateway and login it was saved for: moving to another one
    // without typing a password forgets it rather than sending it to the new address.
    const keepsAccount = sameAccount(applyPolicy(next, this.deps.policy), this.settings());
    this.deps.store.write(next);
    if (password === undefined && !keepsAccount) this.deps.vault.clear();
    if (password !== undefined) {
      if (password === '') this.deps.vault.clear();
      else {
        registerSecret(password);
        this.deps.vault.save(password);
      }
    }
    return { ok: true };
  }

  async connect(): Promise<ConnectOutcome> {
    const settings = this.settings();
    if (settings.demoMode && this.deps.demo) {
      let config: EngineConfig;
      try {
        config = await this.deps.demo.start();
      } catch (error) {
        this.deps.log.error('The built-in demo gateway did not start', { error });
        const reason = error instanceof Error ? error.message : String(error);
        return {
          connected: false,
          missing: 'demo',
          message: `The demo could not start: ${reason}`,
        };
      }
      this.demoRunning = true;
      await this.deps.engine.start(config);
      this.deps.demo.play();
      this.deps.log.info('Connected to the built-in demo gateway');
      return { connected: true, demo: true };
    }

    await this.stopDemo();
    const result = await this.engineConfig(settings, undefined);
    if (!result.ok) {
      await this.deps.engine.stop();
      return { connected: false, missing: result.missing, message: result.message };
    }
    await this.deps.engine.start(result.config);
    return { connected: true, demo: false };
  }

  async startDemo(): Promise<ConnectOutcome> {
    if (!this.deps.demo) {
      return { connected: false, missing: 'demo', message: 'The demo is not in this build.' };
    }
    this.deps.store.write({ ...this.deps.store.read(), demoMode: true });
    return this.connect();
  }

  async testConnection(
    candidate: Settings,
    password: string | undefined,
    onProgress: (check: DoctorCheck) => void,
  ): Promise<DoctorCheck[]> {
    const tested = applyPolicy(candidate, this.deps.policy);
    const typed = password !== undefined && password !== '';
    // The stored password goes only to the gateway and login it was saved for: testing another
    // address must not hand it to whatever server was typed in the form.
    const result =
      typed || sameAccount(tested, this.settings())
        ? await this.engineConfig(tested, password)
        : { ok: false as const, message: ANOTHER_ACCOUNT };
    if (!result.ok) {
      const check: DoctorCheck = {
        id: 'settings',
        label: 'Settings',
        status: 'fail',
        detail: result.message,
      };
      onProgress(check);
      return [check];
    }
    return this.deps.doctor(result.config, onProgress);
  }

  async shutdown(): Promise<void> {
    await this.deps.engine.stop();
    await this.stopDemo();
  }

  private async stopDemo(): Promise<void> {
    if (!this.demoRunning || !this.deps.demo) return;
    this.demoRunning = false;
    await this.deps.demo.stop();
  }

  private engineConfig(
    settings: Settings,
    password: string | undefined,
  ): Promise<EngineConfigResult> {
    const secret = password !== undefined && password !== '' ? password : this.deps.vault.read();
    if (secret) registerSecret(secret);
    return buildEngineConfig(settings, secret, this.deps.readCaFile);
  }
}

const ANOTHER_ACCOUNT =
  'Type the password to test this address or login: the stored password is only sent to the ' +
  'gateway and login it was saved for.';

function sameAccount(a: Settings, b: Settings): boolean {
  const norm = (text: string) => text.trim().toLowerCase();
  return (
    norm(a.gateway.server) === norm(b.gateway.server) &&
    norm(a.gateway.login) === norm(b.gateway.login)
  );
}
