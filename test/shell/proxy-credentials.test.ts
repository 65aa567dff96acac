// A proxy address with credentials that the engine refuses (a SOCKS proxy, a missing scheme)
// must not put the proxy password into the log file or on screen (tray tooltip, dashboard),
// whichever way the settings reach the engine.
import { describe, expect, it } from 'vitest';
import { createPresenceEngine, runDoctor } from '../../electron/gateway/index.js';
import type { DoctorCheck } from '../../shared/ipc/channels.js';
import { buildEngineConfig } from '../../electron/main/settings/engine-config.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { recordingLog } from './recording-log.js';

const PROXY_PASSWORD = 'Pr0xyS3cret';

async function configWithProxy(proxy: string) {
  const settings = {
    ...DEFAULT_SETTINGS,
    gateway: { ...DEFAULT_SETTINGS.gateway, server: '127.0.0.1:1', login: 'oxe', proxy },
  };
  const result = await buildEngineConfig(settings, 'gateway-password', async () => '');
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

describe('proxy credentials', () => {
  it.each([
    `socks5://alice:${PROXY_PASSWORD}@proxy.corp:1080`,
    `alice:${PROXY_PASSWORD}@proxy.corp:3128`,
    `socks://alice:${PROXY_PASSWORD}/x@y@proxy.corp:1080`,
  ])('an unusable proxy %s: refused without its password in log or view', async (proxy) => {
    const { factory, lines } = recordingLog();
    const engine = createPresenceEngine({ logger: factory });
    await engine.start(await configWithProxy(proxy));
    const view = engine.view;
    await engine.stop();

    expect(JSON.stringify(view.connection)).toMatch(/proxy/i);
    expect(JSON.stringify(view)).not.toContain(PROXY_PASSWORD);
    expect(JSON.stringify(lines)).not.toContain(PROXY_PASSWORD);
  });

  it('the connection doctor says the same without the password', async () => {
    const { factory, lines } = recordingLog();
    const checks: DoctorCheck[] = [];
    const config = await configWithProxy(`socks5://alice:${PROXY_PASSWORD}@proxy.corp:1080`);
    const result = await runDoctor(config, (check) => checks.push(check), factory);
    expect(JSON.stringify([result, checks, lines])).not.toContain(PROXY_PASSWORD);
  });
});

describe('gateway address with credentials typed in', () => {
  it('an address that does not parse is quoted without its password', async () => {
    const { factory, lines } = recordingLog();
    const engine = createPresenceEngine({ logger: factory });
    const config = await configWithProxy('');
    await engine.start({ ...config, server: `https://alice:${PROXY_PASSWORD}@o2g corp:8443` });
    const view = engine.view;
    await engine.stop();

    expect(JSON.stringify(view.connection)).toMatch(/host name/);
    expect(JSON.stringify([view, lines])).not.toContain(PROXY_PASSWORD);
  });
});
