// `npm run simulator -- [options]`: starts the O2G gateway simulator in a terminal (plain Node),
// prints how to connect to it, opens the loopback control endpoint for `npm run simctl`, and
// optionally plays the reference scenario or the demo call generator.
import { parseArgs } from 'node:util';
import { startControlServer } from './control-server.js';
import { startDemo } from './demo.js';
import type { SimulatorOptions } from './options.js';
import { loadScenario, playScenario } from './scenario.js';
import { startSimulator } from './simulator.js';

const HELP = `Usage: npm run simulator -- [options]

  --tls                     HTTPS on both ports (certificate from a generated test CA)
  --port N                  REST port (default: any free port)
  --event-port N            event port (default: any free port)
  --control-port N          control endpoint port (default: any free port)
  --scenario NAME|FILE      reference | demo | none (default) | a scenario JSON file
  --demo-user LOGIN         user the demo calls ring (default oxe31001)
  --ttl SECONDS             session timeToLive (default 1800)
  --heartbeat-ms N          keepalive line interval, 0 = none (default 30000)
  --lf                      end event lines with \\n instead of \\r\\n
  --refusal 200|400         how a refused subscription is answered (default 200)
  --quiet                   do not print each request
  --help`;

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${flag} needs a whole number.`);
  return number;
}

/** Single-quotes a value for a POSIX shell, so the hint can be pasted as it is. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A path is left bare when the shell would read it unchanged anyway. */
function shellWord(value: string): string {
  return /^[\w./:@-]+$/.test(value) ? value : shellQuote(value);
}

/**
 * A ready-to-paste `watch` line. The address keeps its scheme: a client reads a bare host:port
 * as HTTPS (protocol §1.1), which fails against the plain-HTTP default.
 */
function watchHint(
  restUrl: string,
  caPath: string | null,
  users: ReadonlyArray<{ loginName: string; password: string }>,
): string {
  const user = users.find((candidate) => candidate.loginName === 'oxe19141') ?? users[0];
  if (!user) return '';
  const ca = caPath ? ` --ca ${shellWord(caPath)}` : '';
  const args = `watch --server ${restUrl} --login ${user.loginName} --password-env O2G_PASSWORD${ca}`;
  const password = `O2G_PASSWORD=${shellQuote(user.password)}`;
  return `Try it (after npm run build, or straight from source):
  ${password} node dist/cli/o2g-presence.cjs ${args}
  ${password} npm run -s o2g-presence -- ${args}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tls: { type: 'boolean', default: false },
      port: { type: 'string' },
      'event-port': { type: 'string' },
      'control-port': { type: 'string' },
      scenario: { type: 'string', default: 'none' },
      'demo-user': { type: 'string', default: 'oxe31001' },
      ttl: { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      lf: { type: 'boolean', default: false },
      refusal: { type: 'string', default: '200' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const heartbeat = integer(values['heartbeat-ms'], '--heartbeat-ms');
  const options: SimulatorOptions = {
    tls: values.tls,
    restPort: integer(values.port, '--port') ?? 0,
    eventPort: integer(values['event-port'], '--event-port') ?? 0,
    sessionTtlSeconds: integer(values.ttl, '--ttl') ?? 1800,
    heartbeatMs: heartbeat === 0 ? null : (heartbeat ?? 30_000),
    lineEnding: values.lf ? '\n' : '\r\n',
    refusalStyle: values.refusal === '400' ? 'http400' : 'status200',
  };
  // Load a scenario first: a typo must not leave a half-started simulator behind.
  const scenario =
    values.scenario === 'none' || values.scenario === 'demo'
      ? undefined
      : await loadScenario(values.scenario);
  const sim = await startSimulator(options);
  const control = await startControlServer(sim, {
    port: integer(values['control-port'], '--control-port') ?? 0,
  });

  console.log(`O2G simulator running
  REST (server address): ${sim.restUrl}
  Event port:            ${sim.eventPortUrl}
  Control endpoint:      ${control.url}   (npm run simctl -- status)
  CA certificate:        ${sim.caPath ?? '(none: plain HTTP; use --tls for HTTPS)'}
  Users (login / password / extension):`);
  for (const user of sim.users()) {
    console.log(`    ${user.loginName} / ${user.password} / ${user.extension}`);
  }
  console.log(watchHint(sim.restUrl, sim.caPath, sim.users()));

  let stopScenario: () => void = () => undefined;
  if (values.scenario === 'demo') {
    stopScenario = startDemo(sim, values['demo-user'], {
      onCall: ({ outcome, callRef }) => console.log(`demo: call ${callRef} ${outcome}`),
    });
    console.log(`Demo calls ring ${values['demo-user']} every 15-30 s.`);
  } else if (scenario) {
    const run = playScenario(sim, scenario);
    stopScenario = run.stop;
    console.log(`Scenario "${scenario.name}" waiting for a client: ${scenario.description ?? ''}`);
    run.done.then(
      () => console.log(`Scenario "${scenario.name}" finished.`),
      (error: unknown) => console.error(String(error)),
    );
  }
  if (!values.quiet) {
    sim.on('request', (entry) => {
      console.log(
        `${entry.port} #${entry.connection} ${entry.method} ${entry.path} -> ${entry.status}`,
      );
    });
  }

  const shutdown = async () => {
    stopScenario();
    await control.stop();
    await sim.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`Simulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
