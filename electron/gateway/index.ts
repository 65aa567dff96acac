/**
 * Public face of the gateway engine (plain Node): the factory the Electron shell, the terminal
 * front end, the tests and the benchmarks use, plus the doctor and the logging vocabulary.
 */
import { GatewayPresenceEngine } from './engine.js';
import type { EngineDeps } from './engine.js';
import type { PresenceEngine } from './types.js';

export type { EngineConfig, PresenceEngine, DoctorProgress } from './types.js';
export type { EngineDeps } from './engine.js';
export type { Logger, LoggerFactory } from './log.js';
export { redactSecrets, silentLoggerFactory } from './log.js';
export { ConfigError, parseGatewayAddress } from './config.js';
export { runDoctor } from './doctor.js';

export function createPresenceEngine(deps?: EngineDeps): PresenceEngine {
  return new GatewayPresenceEngine(deps);
}
