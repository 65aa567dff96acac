/**
 * The contract of the gateway connection engine (plain Node, no Electron): what the desktop
 * shell, the terminal front end, the renderer's browser tests and the benchmarks drive.
 */
import type { AccessMode } from '../../shared/settings/schema.js';
import type { AlertChange, PresenceView } from '../../shared/presence/types.js';
import type { ActionResult, DoctorCheck } from '../../shared/ipc/channels.js';

export interface EngineConfig {
  /** host, host:port or URL of the O2G REST gateway. */
  readonly server: string;
  readonly login: string;
  readonly password: string;
  readonly accessMode: AccessMode;
  /** PEM text of extra CAs to trust on top of the system store. */
  readonly caPems: readonly string[];
  /** Explicit proxy URL; undefined = HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment. */
  readonly proxy?: string;
  readonly applicationName: string;
}

export interface PresenceEngine {
  /** Connects (or switches account: the old one is torn down first). Never throws. */
  start(config: EngineConfig): Promise<void>;
  /** Closes the stream, deletes the subscription, closes the session within 2 s. */
  stop(): Promise<void>;
  /** Wake, unlock or network change: drop the stream, check the session, reconnect now. */
  nudge(reason: string): void;
  readonly view: PresenceView;
  onView(listener: (view: PresenceView) => void): () => void;
  onAlert(listener: (change: AlertChange) => void): () => void;
  answer(callRef: string): Promise<ActionResult>;
  hangUp(callRef: string): Promise<ActionResult>;
  sendToVoicemail(callRef: string): Promise<ActionResult>;
  setDnd(on: boolean): Promise<ActionResult>;
}

export type DoctorProgress = (check: DoctorCheck) => void;
