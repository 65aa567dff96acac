/**
 * The one undici dispatcher of an engine run (plain Node): it carries the trusted CAs and the
 * proxy for every request, REST and event stream alike. Nothing here touches the process-wide
 * TLS settings; extra CAs are added on top of the system store for this dispatcher only.
 */
import tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';

export interface DispatcherOptions {
  readonly caPems: readonly string[];
  /** Explicit proxy URL; undefined or empty = the environment's HTTP(S)_PROXY / NO_PROXY. */
  readonly proxy?: string;
}

/** Headers must come within this time; the body of an event stream may stay silent forever. */
export const HEADERS_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 10_000;

export function createGatewayDispatcher(options: DispatcherOptions): Dispatcher {
  const ca = options.caPems.length > 0 ? [...tls.rootCertificates, ...options.caPems] : undefined;
  const tlsOptions = { ...(ca ? { ca } : {}), timeout: CONNECT_TIMEOUT_MS };
  const common = {
    connect: tlsOptions,
    headersTimeout: HEADERS_TIMEOUT_MS,
    // The event stream is a long-lived response: silence on it is normal, never a timeout.
    bodyTimeout: 0,
    keepAliveTimeout: 10_000,
  };

  if (options.proxy !== undefined && options.proxy !== '') {
    return new ProxyAgent({ ...common, uri: options.proxy, requestTls: tlsOptions });
  }
  const fromEnvironment =
    process.env.HTTPS_PROXY ??
    process.env.https_proxy ??
    process.env.HTTP_PROXY ??
    process.env.http_proxy;
  if (fromEnvironment) return new EnvHttpProxyAgent({ ...common, requestTls: tlsOptions });
  return new Agent(common);
}
