// The desktop demo on the real simulator (loopback): start gives a config that signs in as the
// demo user, play starts the generated calls once, stop frees the ports, start again works.
import { afterEach, describe, expect, it } from 'vitest';
import { builtInDemo, DEMO_LOGIN } from '../../electron/main/system/demo-gateway.js';

const demo = builtInDemo('O2G Presence');
afterEach(async () => demo.stop());

describe('built-in demo gateway', () => {
  it('starts the simulator on loopback and signs in as the demo user', async () => {
    const config = await demo.start();
    expect(config).toMatchObject({ login: DEMO_LOGIN, accessMode: 'auto', caPems: [] });
    expect(new URL(config.server).hostname).toBe('127.0.0.1');
    const discovery = await fetch(new URL('/api/rest', config.server));
    expect(discovery.status).toBe(200);
    expect(await demo.start()).toEqual(config);
    demo.play();
    demo.play();
  });

  it('stops the simulator and can start a fresh one', async () => {
    const first = await demo.start();
    await demo.stop();
    await expect(fetch(new URL('/api/rest', first.server))).rejects.toThrow();
    const second = await demo.start();
    expect(second.login).toBe(DEMO_LOGIN);
  });
});
