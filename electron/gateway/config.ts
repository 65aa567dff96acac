/**
 * Gateway configuration as the engine needs it (plain Node): the address the user typed turned
 * into the discovery URL, and the settings checked once, with clear errors for bad input.
 *
 * The protocol (§1.1) always builds discovery as `https://{address}/api/rest`. We follow that for
 * a bare host or host:port, but an explicit `http://` URL keeps its scheme: the simulator, the
 * tests and some sites serve plain HTTP, and a user who typed `http://` meant it.
 */
import type { EngineConfig } from './types.js';

export interface GatewayAddress {
  /** `https://host[:port]` or `http://host[:port]`, no trailing slash. */
  readonly origin: string;
  /** Always `{origin}/api/rest`. */
  readonly discoveryUrl: string;
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses host, host:port or URL. A URL path, if any, is ignored: discovery is always /api/rest. */
export function parseGatewayAddress(input: string): GatewayAddress {
  const text = input.trim();
  if (text === '') throw new ConfigError('No gateway address configured.');

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw new ConfigError(`"${withoutCredentials(text)}" is not a host name, host:port or URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`The gateway address must use https:// or http://, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new ConfigError('Put the login and password in their own fields, not in the address.');
  }
  if (url.hostname === '') throw new ConfigError(`"${text}" has no host name.`);

  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const origin = `${url.protocol}//${url.host}`;
  return {
    origin,
    discoveryUrl: `${origin}/api/rest`,
    secure,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
  };
}

/** Checks a whole configuration; throws a ConfigError naming the first bad field. */
export function validateConfig(config: EngineConfig): GatewayAddress {
  const address = parseGatewayAddress(config.server);
  if (config.login.trim() === '') throw new ConfigError('No login configured.');
  if (config.password === '') throw new ConfigError('No password given.');
  if (!['auto', 'private', 'public'].includes(config.accessMode)) {
    throw new ConfigError(`Unknown access mode "${String(config.accessMode)}".`);
  }
  for (const pem of config.caPems) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError('An extra CA file is not a PEM certificate.');
    }
  }
  if (config.proxy !== undefined && config.proxy !== '') {
    try {
      const proxy = new URL(config.proxy);
      if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') throw new Error('scheme');
    } catch {
      throw new ConfigError(
        `The proxy "${withoutCredentials(config.proxy)}" is not an http:// or https:// URL.`,
      );
    }
  }
  return address;
}

/**
 * Protocol §1.3: an http:// authentication or sessions URL handed out by an HTTPS gateway is
 * moved to https, dropping an explicit :80 (TLS on port 80 would never answer). Used only when
 * discovery itself ran over https; a plain-http gateway's URLs are used verbatim.
 */
export function ensureHttps(url: string, discoveryWasHttps: boolean): string {
  if (!discoveryWasHttps) return url;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') return url;
  parsed.protocol = 'https:';
  if (parsed.port === '80') parsed.port = '';
  return parsed.toString();
}

/**
 * An address (proxy or gateway) as it may be shown and logged: a `user:password@` part (the way
 * proxy credentials are given; everything up to the last `@`, as a typed password may hold a
 * `/`) becomes `***@`, whether or not the address parses as a URL.
 */
function withoutCredentials(address: string): string {
  return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, '$1***@');
}
