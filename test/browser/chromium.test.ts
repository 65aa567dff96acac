/**
 * Chromium discovery for the browser suite: the environment variable wins, then the system
 * paths in order, and a machine without Chromium fails loudly with the install command.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_CANDIDATES, findChromium } from './chromium.js';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findChromium', () => {
  it('prefers O2G_CHROMIUM', () => {
    expect(
      findChromium(
        { O2G_CHROMIUM: '/opt/chrome/chrome' },
        only('/opt/chrome/chrome', '/usr/bin/chromium'),
      ),
    ).toBe('/opt/chrome/chrome');
  });

  it('fails when O2G_CHROMIUM points nowhere instead of silently using another browser', () => {
    expect(() => findChromium({ O2G_CHROMIUM: '/nope' }, only('/usr/bin/chromium'))).toThrow(
      /O2G_CHROMIUM=\/nope does not exist.*apt-get install chromium/,
    );
  });

  it('tries the system paths in order', () => {
    expect(findChromium({}, only('/usr/bin/chromium-browser', '/usr/bin/google-chrome'))).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findChromium({}, only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
  });

  it('fails with the command that installs Chromium when there is none', () => {
    expect(() => findChromium({}, only())).toThrow(/apt-get install chromium/);
    expect(() => findChromium({}, only())).toThrow(CHROMIUM_CANDIDATES.join(', '));
  });
});
