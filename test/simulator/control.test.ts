// The loopback control endpoint and the simctl argument mapping: JSON commands only, clear
// errors, and commands that really drive the simulator.
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseControlArgs } from '../../simulator/control-args.js';
import {
  startControlServer,
  startSimulator,
  type ControlServer,
  type Counters,
  type Simulator,
} from '../../simulator/index.js';
import { call, login, RawStream, serviceUrl, subscribe } from './plain-client.js';

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await check()).toBe(true);
}

let sim: Simulator | undefined;
let control: ControlServer | undefined;
let dir: string | undefined;
const streams: RawStream[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await control?.stop();
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  sim = undefined;
  control = undefined;
  dir = undefined;
});

async function ready(): Promise<{ sim: Simulator; control: ControlServer; file: string }> {
  sim = await startSimulator({ heartbeatMs: null });
  dir = await mkdtemp(join(tmpdir(), 'simctl-test-'));
  const file = join(dir, 'control.json');
  control = await startControlServer(sim, { file });
  return { sim, control, file };
}

async function send(body: unknown, contentType = 'application/json') {
  const response = await fetch(`${control?.url}/command`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('control endpoint', () => {
  it('listens on 127.0.0.1 and writes its URL to the control file', async () => {
    const { control: server, file } = await ready();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ url: server.url });
  });

  it('places, answers and hangs up a call on command; the user sees it on the stream', async () => {
    await ready();
    const who = await login(sim as Simulator, 'oxe19141');
    const stream = new RawStream((await subscribe(who)).pollingUrl);
    streams.push(stream);
    await stream.untilLines(1);
    const placed = await send({
      command: 'call',
      from: '0240123456',
      name: 'Marc Olivier',
      to: 'oxe19141',
    });
    expect(placed.status).toBe(200);
    const { callRef } = placed.body.result as { callRef: string };
    expect((await send({ command: 'answer', callRef })).body).toEqual({ ok: true });
    expect((await send({ command: 'hangup', callRef, side: 'caller' })).status).toBe(200);
    await stream.untilLines(7);
    expect(stream.events[1]).toMatchObject({
      participants: [
        { identity: { firstName: 'Marc', lastName: 'Olivier', id: { phoneNumber: '0240123456' } } },
      ],
    });
  });

  it('drives faults and reports the session count of an expiry', async () => {
    await ready();
    await login(sim as Simulator);
    expect((await send({ command: 'fault', fault: { kind: 'expire' } })).body).toEqual({
      ok: true,
      result: { expired: 1 },
    });
    await send({
      command: 'fault',
      fault: { kind: 'fail', path: '/api/rest', status: 503, times: 1 },
    });
    expect((await fetch(`${sim?.restUrl}/api/rest`)).status).toBe(503);
    expect((await fetch(`${sim?.restUrl}/api/rest`)).status).toBe(200);
  });

  it('answers bad input with a clear error and keeps running', async () => {
    await ready();
    const notJson = await send('{"command":', 'application/json');
    expect(notJson).toMatchObject({
      status: 400,
      body: { ok: false, error: expect.stringContaining('JSON') },
    });
    const wrongType = await send('{"command":"calls"}', 'text/plain');
    expect(wrongType.status).toBe(415);
    const unknown = await send({ command: 'explode' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('command') },
    });
    const missing = await send({ command: 'call', to: 'oxe19141' });
    expect(missing.body.error).toMatch(/from/);
    const noCall = await send({ command: 'answer', callRef: 'nope' });
    expect(noCall).toMatchObject({ status: 404, body: { ok: false, error: 'Unknown callRef.' } });
    const noUser = await send({ command: 'dnd', user: 'nobody', on: true });
    expect(noUser.body.error).toMatch(/no user "nobody"/);
    expect((await fetch(`${control?.url}/command`)).status).toBe(405);
    expect((await fetch(`${control?.url}/other`, { method: 'POST' })).status).toBe(404);
    expect((await send({ command: 'calls' })).body).toEqual({ ok: true, result: [] });
  });

  it('replays a scenario file on command and starts or stops the demo', async () => {
    const { sim: s } = await ready();
    const file = join(dir ?? '', 'quick.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'quick',
        steps: [
          { action: 'call', id: 'a', from: { number: '+4930555012345' }, to: 'oxe31001' },
          { action: 'ringOut', call: 'a' },
        ],
      }),
    );
    expect((await send({ command: 'scenario', name: file })).body).toMatchObject({
      ok: true,
      result: { started: 'quick' },
    });
    const who = await login(s, 'oxe31001');
    const summary = serviceUrl(who, 'eventsummary');
    await s.waitFor(() => s.calls().length === 0, 'the replay');
    await until(
      async () => ((await call(who, 'GET', summary)).json as Counters).missedCallsNb === 1,
    );
    const missing = await send({ command: 'scenario', name: join(dir ?? '', 'absent.json') });
    expect(missing).toMatchObject({
      status: 400,
      body: { ok: false, error: expect.stringContaining('absent.json') },
    });

    expect((await send({ command: 'demo', on: true, user: 'oxe19141' })).body).toEqual({
      ok: true,
      result: { demo: 'oxe19141' },
    });
    expect((await send({ command: 'demo', on: false })).body).toEqual({
      ok: true,
      result: { demo: 'off' },
    });
  });

  it('refuses a request whose Host is not the loopback address (DNS rebinding)', async () => {
    await ready();
    const port = Number(new URL(control?.url ?? '').port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/command',
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{"command":"status"}');
    });
    expect(status).toBe(403);
  });

  it('removes the control file on stop', async () => {
    const { file } = await ready();
    await control?.stop();
    control = undefined;
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('simctl arguments', () => {
  it('maps the documented command lines to commands', () => {
    expect(
      parseControlArgs([
        'call',
        '--from',
        '0240123456',
        '--name',
        'Marc Olivier',
        '--to',
        'oxe19141',
      ]).command,
    ).toEqual({
      command: 'call',
      from: '0240123456',
      name: 'Marc Olivier',
      to: 'oxe19141',
    });
    expect(parseControlArgs(['hangup', '7001', '--side', 'callee']).command).toEqual({
      command: 'hangup',
      callRef: '7001',
      side: 'callee',
    });
    expect(parseControlArgs(['dnd', 'on', '--user', 'oxe19141']).command).toEqual({
      command: 'dnd',
      user: 'oxe19141',
      on: true,
    });
    expect(parseControlArgs(['fault', 'split', '--offsets', '148,200']).command).toEqual({
      command: 'fault',
      fault: { kind: 'split', offsets: [148, 200] },
    });
    expect(
      parseControlArgs([
        'fault',
        'fail',
        '--path',
        '/keepalive',
        '--status',
        'reset',
        '--times',
        '3',
      ]).command,
    ).toEqual({
      command: 'fault',
      fault: { kind: 'fail', path: '/keepalive', status: 'reset', times: 3 },
    });
    expect(parseControlArgs(['scenario', 'reference']).command).toEqual({
      command: 'scenario',
      name: 'reference',
    });
    expect(parseControlArgs(['pickup', 'r1', '--user', 'oxe19140']).command).toEqual({
      command: 'pickup',
      callRef: 'r1',
      by: 'oxe19140',
    });
    expect(parseControlArgs(['demo', 'off']).command).toEqual({ command: 'demo', on: false });
    expect(parseControlArgs(['missed', 'abc', '--control', 'http://127.0.0.1:9']).control).toBe(
      'http://127.0.0.1:9',
    );
  });

  it('explains what is missing or wrong', () => {
    expect(() => parseControlArgs(['call', '--to', 'oxe19141'])).toThrow(/--from/);
    expect(() => parseControlArgs(['answer'])).toThrow(/callRef/);
    expect(() => parseControlArgs(['dnd', 'maybe', '--user', 'x'])).toThrow(/on or off/);
    expect(() => parseControlArgs(['fault', 'explode'])).toThrow(/Unknown fault/);
    expect(() => parseControlArgs(['fault', 'batch', '--count', 'two'])).toThrow(/whole number/);
    expect(() => parseControlArgs([])).toThrow(/No command/);
  });
});
