// Public API of the O2G gateway simulator (plain Node, no Electron): what tests, the CLI, the
// terminal `--demo` mode, the benchmarks and the app's demo mode import.
export { startSimulator, Simulator } from './simulator.js';
export type { CallOrigin, SimulatorCounts, SimulatorEvents } from './simulator.js';
export { DEFAULT_USERS, DEFAULT_SERVICES } from './options.js';
export type { ServiceEntry, SimulatorOptions, SimulatorUser } from './options.js';
export type { SimulatorFaults } from './fault-knobs.js';
export type { EndpointMatch } from './endpoint-faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { Counters, ForwardRoute } from './line-state.js';
export type { RestErrorInfo } from './rest-error.js';
export { startDemo, DEMO_SCRIPT } from './demo.js';
export type { DemoOptions, DemoOutcome, DemoScript } from './demo.js';
export { loadScenario, playScenario, scenarioSchema } from './scenario.js';
export type { Scenario, ScenarioRun, ScenarioStep } from './scenario.js';
export { startControlServer, CONTROL_FILE } from './control-server.js';
export type { ControlServer } from './control-server.js';
export type { ControlCommand } from './control-commands.js';
