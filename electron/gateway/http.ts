/**
 * The REST transport of one engine run (plain Node): undici requests through the run's single
 * dispatcher, the AlcUserId session cookie kept in a tough-cookie jar (undici has no jar of its
 * own, so Cookie headers are attached here), JSON in and out, and every failure classified.
 */
import { request } from 'undici';
import type { Dispatcher } from 'undici';
import { CookieJar } from 'tough-cookie';
import { GatewayError, classifyError, parseRestErrorInfo } from './errors.js';
import type { Logger } from './log.js';

export interface RequestOptions {
  readonly body?: unknown;
  readonly basicAuth?: { readonly login: string; readonly password: string };
  readonly signal?: AbortSignal;
  /** Deadline for the whole exchange; REST calls always have one. */
  readonly timeoutMs?: number;
}

export interface GatewayResponse {
  readonly status: number;
  readonly json: unknown;
  readonly durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export class GatewayHttp {
  readonly jar = new CookieJar();

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly log: Logger,
  ) {}

  /** Sends one REST request; any HTTP status is returned, transport failures are thrown. */
  async send(method: string, url: string, options: RequestOptions = {}): Promise<GatewayResponse> {
    const what = `${method} ${new URL(url).pathname}`;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    const cookie = await this.jar.getCookieString(url);
    if (cookie) headers.cookie = cookie;
    if (options.basicAuth) {
      const { login, password } = options.basicAuth;
      headers.authorization = `Basic ${Buffer.from(`${login}:${password}`, 'utf8').toString('base64')}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }

    const started = performance.now();
    try {
      const response = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal,
        dispatcher: this.dispatcher,
      });
      await this.keepCookies(url, response.headers['set-cookie']);
      const text = await response.body.text();
      const durationMs = Math.round(performance.now() - started);
      this.log.debug('gateway answered', {
        request: what,
        status: response.statusCode,
        durationMs,
      });
      return { status: response.statusCode, json: parseJson(text), durationMs };
    } catch (error) {
      if (timeout.aborted && !options.signal?.aborted) {
        throw new GatewayError('timeout', `${what}: no answer in time`);
      }
      throw classifyError(error, what, url);
    }
  }

  /** Like `send`, but a non-2xx answer is thrown as an 'http' GatewayError with its error body. */
  async call(method: string, url: string, options: RequestOptions = {}): Promise<GatewayResponse> {
    const response = await this.send(method, url, options);
    if (response.status < 200 || response.status > 299) {
      const info = parseRestErrorInfo(response.json);
      const detail = info?.helpMessage ? `: ${info.helpMessage}` : '';
      throw new GatewayError(
        'http',
        `${method} ${new URL(url).pathname} answered HTTP ${response.status}${detail}`,
        response.status,
        info,
      );
    }
    return response;
  }

  private async keepCookies(url: string, header: string | string[] | undefined): Promise<void> {
    if (header === undefined) return;
    for (const line of Array.isArray(header) ? header : [header]) {
      try {
        await this.jar.setCookie(line, url);
      } catch {
        this.log.warn('ignored a cookie the gateway set with invalid attributes');
      }
    }
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
