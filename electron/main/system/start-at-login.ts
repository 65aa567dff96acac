/**
 * Main process: "Start at login". Windows and macOS register the app as a login item through
 * Electron; Linux desktops read an XDG autostart entry (~/.config/autostart/*.desktop). Either
 * way the app is launched with --autostart and starts hidden in the tray.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from 'electron';

export const AUTOSTART_FLAG = '--autostart';
export const DESKTOP_ENTRY_NAME = 'o2g-presence.desktop';

export interface StartAtLoginDeps {
  platform: string;
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  /** ~/.config/autostart, or $XDG_CONFIG_HOME/autostart. */
  autostartDir: string;
  /** The program to launch and the arguments that start this app (the app path in development). */
  command: { readonly executable: string; readonly args: readonly string[] };
}

/**
 * Quotes an Exec argument as the Desktop Entry specification asks: `%` starts a field code, so
 * it is doubled; inside double quotes, `"`, backtick, `$` and `\` take a backslash.
 */
function quoteExecArgument(argument: string): string {
  const literal = argument.replaceAll('%', '%%');
  if (!/[\s"`$\\'<>~|&;*?#()]/.test(literal)) return literal;
  return `"${literal.replace(/(["`$\\])/g, '\\$1')}"`;
}

const KEY_FILE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * The key file's own string escapes come on top of the Exec quoting (desktops undo them first,
 * and GLib rejects the whole value on an unknown one such as `\"`): a backslash is written twice,
 * and a line break as `\n`, so no path can end the Exec line and add a key of its own.
 */
function escapeKeyFileValue(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) => KEY_FILE_ESCAPES[c] ?? c);
}

export function desktopEntry(command: StartAtLoginDeps['command']): string {
  const exec = [command.executable, ...command.args, AUTOSTART_FLAG].map(quoteExecArgument);
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=O2G Presence',
    'Comment=Phone presence and incoming-call alerts',
    `Exec=${escapeKeyFileValue(exec.join(' '))}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export class StartAtLogin {
  constructor(private readonly deps: StartAtLoginDeps) {}

  private get entryPath(): string {
    return join(this.deps.autostartDir, DESKTOP_ENTRY_NAME);
  }

  async set(on: boolean): Promise<void> {
    if (this.deps.platform === 'linux') {
      if (on) {
        await mkdir(this.deps.autostartDir, { recursive: true });
        await writeFile(this.entryPath, desktopEntry(this.deps.command), { mode: 0o644 });
      } else {
        await rm(this.entryPath, { force: true });
      }
      return;
    }
    this.deps.app.setLoginItemSettings({
      openAtLogin: on,
      path: this.deps.command.executable,
      args: [...this.deps.command.args, AUTOSTART_FLAG],
    });
  }

  async isOn(): Promise<boolean> {
    if (this.deps.platform === 'linux') {
      try {
        return (await readFile(this.entryPath, 'utf8')).includes(AUTOSTART_FLAG);
      } catch {
        return false;
      }
    }
    return this.deps.app.getLoginItemSettings().openAtLogin;
  }
}

/** Started by the login item: stay in the tray instead of opening the dashboard. */
export function launchedAtLogin(
  argv: readonly string[],
  platform: string,
  app: Pick<App, 'getLoginItemSettings'>,
): boolean {
  if (argv.includes(AUTOSTART_FLAG)) return true;
  // macOS does not pass arguments to login items; it says so itself.
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
