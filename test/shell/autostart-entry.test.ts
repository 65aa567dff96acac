// The XDG autostart entry read back the way desktops read it (GLib's key-file string escapes,
// then the Desktop Entry spec's Exec quoting and % field codes): whatever the install path
// holds, the Exec line must give back exactly the program and arguments we wrote.
import { describe, expect, it } from 'vitest';
import { desktopEntry } from '../../electron/main/system/start-at-login.js';

/** A key-file string value: only \s \n \t \r \\ are escapes; anything else is an error. */
function unescapeKeyFileValue(value: string): string {
  const escapes: Record<string, string> = { s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' };
  return value.replace(/\\(.?)/g, (_match, next: string) => {
    const plain = escapes[next];
    if (plain === undefined) throw new Error(`invalid escape sequence \\${next}`);
    return plain;
  });
}

/** Splits an Exec value into arguments; %% is a literal %, any other % code is refused. */
function execArguments(exec: string): string[] {
  const args: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < exec.length; i += 1) {
    const c = exec[i]!;
    if (c === '%') {
      if (exec[i + 1] !== '%') throw new Error(`field code %${exec[i + 1] ?? ''} in Exec`);
      current = (current ?? '') + '%';
      i += 1;
    } else if (quoted && c === '\\') {
      current = (current ?? '') + exec[i + 1];
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
      current ??= '';
    } else if (c === ' ' && !quoted) {
      if (current !== null) args.push(current);
      current = null;
    } else {
      current = (current ?? '') + c;
    }
  }
  if (quoted) throw new Error('unterminated quote in Exec');
  if (current !== null) args.push(current);
  return args;
}

function readBack(entry: string): { exec: string[]; keys: string[] } {
  const lines = entry.split('\n').filter((line) => line !== '' && !line.startsWith('['));
  const keys = lines.map((line) => line.slice(0, line.indexOf('=')));
  const execLine = lines.find((line) => line.startsWith('Exec='));
  if (!execLine) throw new Error('no Exec line');
  return { exec: execArguments(unescapeKeyFileValue(execLine.slice('Exec='.length))), keys };
}

describe('autostart entry Exec line', () => {
  it.each([
    ['a plain path', '/opt/o2g/o2g-presence'],
    ['spaces', '/opt/O2G Presence/o2g-presence'],
    ['double quotes and a dollar', '/home/a "b"/$app'],
    ['a backslash', '/home/me/odd\\name/O2G.AppImage'],
    ['a percent sign', '/home/me/Apps 100%/O2G %f.AppImage'],
    ['a backtick and a single quote', "/home/o'neil/`x`/o2g"],
  ])('gives back a path with %s unchanged', (_name, executable) => {
    const entry = desktopEntry({ executable, args: ['/srv/app dir'] });
    expect(readBack(entry).exec).toEqual([executable, '/srv/app dir', '--autostart']);
  });

  it('a line break in a path cannot start a key of its own', () => {
    const executable = '/tmp/x\nExec=/tmp/evil\nHidden=true';
    const { exec, keys } = readBack(desktopEntry({ executable, args: [] }));
    expect(exec).toEqual([executable, '--autostart']);
    expect(keys.filter((key) => key === 'Exec')).toHaveLength(1);
    expect(keys).not.toContain('Hidden');
  });
});
