// Pure pieces of the engine: failure classification, the status and words a failure means,
// the keepalive period, and the presence store announcing only real changes.
import { describe, expect, it } from 'vitest';
import { GatewayError, classifyError, parseRestErrorInfo } from '../../electron/gateway/errors.js';
import { keepaliveIntervalMs } from '../../electron/gateway/keepalive.js';
import { silentLoggerFactory } from '../../electron/gateway/log.js';
import { PresenceStore } from '../../electron/gateway/presence-store.js';
import { failureStatus, technicalReason } from '../../electron/gateway/status.js';
import { setConnection } from '../../shared/presence/index.js';

const withCode = (code: string, cause?: unknown) =>
  Object.assign(new Error(`failed ${code}`), { code, cause });

describe('classifyError', () => {
  it('recognises TLS verification failures, also nested in a cause', () => {
    expect(classifyError(withCode('SELF_SIGNED_CERT_IN_CHAIN'), 'x').kind).toBe('tls');
    const nested = new TypeError('fetch failed', {
      cause: withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
    });
    expect(classifyError(nested, 'x')).toMatchObject({
      kind: 'tls',
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
  });

  it('tells refused, reset, unresolvable and timed out apart', () => {
    expect(classifyError(withCode('ECONNREFUSED'), 'GET /x').message).toBe(
      'GET /x: connection refused',
    );
    expect(classifyError(withCode('UND_ERR_SOCKET'), 'x').message).toMatch(/connection reset/);
    expect(classifyError(withCode('ENOTFOUND'), 'x').message).toMatch(/does not resolve/);
    expect(classifyError(withCode('UND_ERR_HEADERS_TIMEOUT'), 'x').kind).toBe('timeout');
    expect(classifyError(new DOMException('stop', 'AbortError'), 'x').kind).toBe('aborted');
  });

  it('reads a TLS handshake answered in plain HTTP as that, never as a certificate problem', () => {
    const wrongVersion = new TypeError('fetch failed', {
      cause: withCode('ERR_SSL_WRONG_VERSION_NUMBER'),
    });
    expect(
      classifyError(wrongVersion, 'GET /api/rest', 'https://gw.example:8080/api/rest'),
    ).toEqual(
      expect.objectContaining({
        kind: 'network',
        code: 'PLAIN_HTTP',
        message:
          'GET /api/rest: the server answered in plain HTTP, not TLS: ' +
          'use http://gw.example:8080 if this gateway really has no TLS',
      }),
    );
    const eproto = Object.assign(new Error('write EPROTO ...:wrong version number:...'), {
      code: 'EPROTO',
    });
    expect(classifyError(eproto, 'x').code).toBe('PLAIN_HTTP');
    expect(classifyError(withCode('EPROTO'), 'x').code).toBe('EPROTO');
  });

  it('reads RestErrorInfo leniently, including the capital-T Type spelling', () => {
    expect(parseRestErrorInfo({ Type: 'RESOURCE_NOT_FOUND', code: 404 })).toMatchObject({
      type: 'RESOURCE_NOT_FOUND',
      code: 404,
    });
    expect(parseRestErrorInfo('not json')).toBeUndefined();
    expect(parseRestErrorInfo([1])).toBeUndefined();
  });
});

describe('failureStatus', () => {
  const refused = new GatewayError(
    'network',
    'x: connection refused',
    undefined,
    undefined,
    'ECONNREFUSED',
  );

  it('maps each failure to the status the user should see', () => {
    const tls = new GatewayError('tls', 'x', undefined, undefined, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(failureStatus(tls, 'rest', false, 5).status).toBe('certificate-untrusted');
    expect(failureStatus(tls, 'stream', true, 5).status).toBe('certificate-untrusted');
    expect(failureStatus(refused, 'rest', false, 5).status).toBe('unreachable');
    expect(failureStatus(refused, 'rest', true, 5).status).toBe('reconnecting');
    expect(
      failureStatus(refused, 'stream', true, 5, 'http://gw:8014/OTEvents?subscriptionId=s'),
    ).toEqual({
      status: 'event-port-unreachable',
      reason: 'event port 8014 refused the connection',
      nextAttemptAt: 5,
    });
    const unavailable = new GatewayError('http', 'x', 503);
    expect(failureStatus(unavailable, 'stream', true, 9)).toEqual({
      status: 'reconnecting',
      reason: 'gateway busy (HTTP 503)',
      nextAttemptAt: 9,
    });
  });

  it('words reasons for people, not for the log', () => {
    const reason = (error: GatewayError, phase: 'rest' | 'stream') =>
      failureStatus(error, phase, true, 0).reason;
    for (const status of [401, 403, 404]) {
      expect(reason(new GatewayError('http', 'x', status), 'stream')).toBe(
        'session ended by the gateway; signing in again',
      );
    }
    expect(reason(new GatewayError('http', 'x', 401), 'rest')).toBe(
      'session ended by the gateway; signing in again',
    );
    expect(reason(new GatewayError('http', 'x', 503), 'rest')).toBe('gateway busy (HTTP 503)');
    expect(reason(new GatewayError('http', 'x', 500), 'rest')).toBe('gateway error (HTTP 500)');
    const reset = classifyError(withCode('ECONNRESET'), 'Event stream');
    expect(reason(reset, 'stream')).toBe('connection to the gateway lost');
    const cut = classifyError(new Error('event stream cut short'), 'Event stream');
    expect(reason(cut, 'stream')).toBe('connection to the gateway lost');
    expect(reason(refused, 'rest')).toBe('gateway refused the connection');
    for (const phase of ['rest', 'stream'] as const) {
      for (const error of [reset, cut, refused, new GatewayError('http', 'x', 404)]) {
        expect(reason(error, phase)).not.toMatch(/answered HTTP|ECONN|UND_ERR|cut short/);
      }
    }
  });

  it('keeps the technical words for the log', () => {
    const error = new GatewayError('http', 'x', 404);
    expect(technicalReason(error, 'stream')).toBe('event stream answered HTTP 404');
    const reset = classifyError(withCode('ECONNRESET'), 'Event stream');
    expect(technicalReason(reset, 'stream')).toBe('event stream: connection reset');
  });
});

describe('keepaliveIntervalMs', () => {
  it('is half the time to live, capped at 5 minutes, never under a second', () => {
    expect(keepaliveIntervalMs(60)).toBe(30_000);
    expect(keepaliveIntervalMs(1800)).toBe(300_000);
    expect(keepaliveIntervalMs(1)).toBe(1_000);
  });
});

describe('PresenceStore', () => {
  it('announces a view only when it changes', () => {
    const store = new PresenceStore('oxe1', silentLoggerFactory('test'));
    const views: unknown[] = [];
    store.onView((view) => views.push(view));
    store.update((s) => s);
    store.update((s) => ({ ...s, seq: s.seq + 1 }));
    expect(views).toHaveLength(0);
    store.update((s) => setConnection(s, { status: 'connecting' }));
    store.update((s) => setConnection(s, { status: 'connecting' }));
    expect(views).toHaveLength(1);
  });

  it('keeps going when a listener throws', () => {
    const store = new PresenceStore('oxe1', silentLoggerFactory('test'));
    const seen: string[] = [];
    store.onView(() => {
      throw new Error('broken front end');
    });
    store.onView((view) => seen.push(view.connection.status));
    store.update((s) => setConnection(s, { status: 'online' }));
    expect(seen).toEqual(['online']);
  });
});
