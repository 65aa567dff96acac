/**
 * Logging vocabulary of the gateway engine (plain Node, main process or terminal): one logger
 * per module, created by name from an injected factory, plus the scrubber that keeps secrets
 * (passwords, Basic credentials, the AlcUserId cookie, subscription ids) out of every line.
 */

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Creates the logger of one module, e.g. `factory('gateway.session')`. */
export type LoggerFactory = (module: string) => Logger;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export const silentLoggerFactory: LoggerFactory = () => silent;

/** Field names whose values never reach a log line, whatever the logger backend. */
export const SECRET_FIELD_NAMES = [
  'password',
  'authorization',
  'cookie',
  'setCookie',
  'subscriptionId',
  'credential',
] as const;

const knownSecrets = new Set<string>();

/**
 * Registers a value (a password, or anything derived from it) that must be scrubbed from every
 * string passed through `redactSecrets`. The engine registers the password and its Basic form.
 */
export function registerSecret(value: string): void {
  if (value.length >= 3) knownSecrets.add(value);
}

const MASK = '[redacted]';

const PATTERNS: readonly RegExp[] = [
  // Authorization: Basic <base64> (also Bearer and friends).
  /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/gi,
  // AlcUserId=<value> in Cookie and Set-Cookie headers.
  /\b(AlcUserId)=[^;,\s"]+/gi,
  // subscriptionId=<value> in polling URLs, and "subscriptionId":"<value>" in JSON.
  /\b(subscriptionId)=[^&\s"']+/gi,
  /("subscriptionId"\s*:\s*")[^"]*/gi,
  /\/subscriptions\/([^/?\s"']+)/gi,
];

/** Scrubs known secret shapes and registered secret values from any text. */
export function redactSecrets(text: string): string {
  let out = text;
  out = out.replace(PATTERNS[0]!, (_m, scheme: string) => `${scheme} ${MASK}`);
  out = out.replace(PATTERNS[1]!, (_m, name: string) => `${name}=${MASK}`);
  out = out.replace(PATTERNS[2]!, (_m, name: string) => `${name}=${MASK}`);
  out = out.replace(PATTERNS[3]!, (_m, prefix: string) => `${prefix}${MASK}`);
  out = out.replace(PATTERNS[4]!, () => `/subscriptions/${MASK}`);
  for (const secret of knownSecrets) {
    out = out.split(secret).join(MASK);
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    out = out.split(base64).join(MASK);
  }
  return out;
}

/** Copies log fields with secret-named keys masked and every string scrubbed. */
export function redactFields(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELD_NAMES.some((name) => name.toLowerCase() === key.toLowerCase())) {
      out[key] = MASK;
    } else if (typeof value === 'string') {
      out[key] = redactSecrets(value);
    } else if (value instanceof Error) {
      out[key] = redactSecrets(`${value.name}: ${value.message}`);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Wraps a factory so every message and field it logs is scrubbed first. */
export function redactingFactory(inner: LoggerFactory): LoggerFactory {
  return (module) => {
    const log = inner(module);
    const wrap =
      (level: keyof Logger) =>
      (msg: string, fields?: LogFields): void =>
        log[level](redactSecrets(msg), redactFields(fields));
    return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
  };
}
