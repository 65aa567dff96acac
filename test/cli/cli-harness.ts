// Spawns the terminal front end from source (`node --import tsx electron/cli/main.ts`) and
// collects its output line by line, for the CLI tests.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
  waitForLine(check: (line: string) => boolean, what: string, timeoutMs?: number): Promise<void>;
}

export function runCli(args: string[], env: Record<string, string> = {}, input?: string): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const split = (target: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      target.push(...lines);
    };
  };
  child.stdout.on('data', split(stdout));
  child.stderr.on('data', split(stderr));
  if (input !== undefined) child.stdin.end(input);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const waitForLine = async (
    check: (line: string) => boolean,
    what: string,
    timeoutMs = 15_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    while (!stdout.some(check)) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(
          `CLI: no line for ${what}\nstdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, stdout, stderr, exited, waitForLine };
}
