/**
 * What went wrong talking to the gateway, classified once (plain Node): the recovery policy,
 * the status shown to the user and the doctor all read these kinds instead of raw errors.
 */

export type FailureKind =
  /** TCP refused, reset, DNS failure, connect timeout: the address is not answering. */
  | 'network'
  /** The certificate chain is not trusted (or does not match the name). */
  | 'tls'
  /** An HTTP answer with a status we did not want. */
  | 'http'
  /** Our own deadline passed. */
  | 'timeout'
  /** We cancelled it (stop, nudge, account switch). */
  | 'aborted'
  /** The gateway answered something we cannot read (bad JSON, missing fields). */
  | 'protocol';

/** The parts of a RestErrorInfo body (protocol §14.1) the user messages need. */
export interface RestErrorInfo {
  readonly httpStatus?: string;
  readonly code?: number;
  readonly helpMessage?: string;
  readonly type?: string;
  readonly telephony?: { errorType?: string; errorCause?: string; message?: string };
  readonly routing?: { errorType?: string; errorCause?: string; message?: string };
}

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly errorInfo?: RestErrorInfo,
    readonly code?: string,
  ) {
    super(message);
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/**
 * OpenSSL's words when the peer's first bytes are not a TLS record: typically an HTTP server
 * answering our ClientHello with "HTTP/1.1 400", i.e. a plain-HTTP gateway reached as https.
 */
const PLAIN_HTTP_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
]);
const PLAIN_HTTP_WORDS = /wrong version number|packet length too long|http request/i;

/** Our own code for "the address answered in plain HTTP where TLS was expected". */
export const PLAIN_HTTP_CODE = 'PLAIN_HTTP';

/** True when a TLS handshake failed because the server spoke plain HTTP. */
export function isPlainHttpAnswer(error: unknown): boolean {
  const codes = errorCodes(error);
  if (codes.some((code) => PLAIN_HTTP_CODES.has(code))) return true;
  return codes.includes('EPROTO') && errorMessages(error).some((m) => PLAIN_HTTP_WORDS.test(m));
}

export const PLAIN_HTTP_PROBLEM = 'the server answered in plain HTTP, not TLS';

/** The way out of a plain-HTTP answer; `url` (the https one tried) gives the address to name. */
export function plainHttpFix(url?: string): string {
  let host = 'HOST:PORT';
  try {
    if (url) host = new URL(url).host;
  } catch {
    // Keep the placeholder: the words still say what to do.
  }
  return `use http://${host} if this gateway really has no TLS`;
}

function errorMessages(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string') messages.push(message);
    current = (current as { cause?: unknown }).cause;
  }
  return messages;
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/**
 * Turns anything thrown by undici (or our own code) into a GatewayError. `url`, when known,
 * lets a plain-HTTP answer name the http:// address to use instead.
 */
export function classifyError(error: unknown, what: string, url?: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const codes = errorCodes(error);
  const message = error instanceof Error ? error.message : String(error);

  // Before the TLS codes: this is no certificate problem, and a CA would not help.
  if (isPlainHttpAnswer(error)) {
    return new GatewayError(
      'network',
      `${what}: ${PLAIN_HTTP_PROBLEM}: ${plainHttpFix(url)}`,
      undefined,
      undefined,
      PLAIN_HTTP_CODE,
    );
  }

  const tlsCode = codes.find((code) => TLS_CODES.has(code));
  if (tlsCode) {
    return new GatewayError(
      'tls',
      `${what}: certificate not trusted (${tlsCode})`,
      undefined,
      undefined,
      tlsCode,
    );
  }
  if (
    (error instanceof Error && error.name === 'AbortError') ||
    codes.includes('ABORT_ERR') ||
    codes.includes('UND_ERR_ABORTED')
  ) {
    return new GatewayError('aborted', `${what}: cancelled`, undefined, undefined, 'ABORT_ERR');
  }
  if (
    codes.includes('UND_ERR_HEADERS_TIMEOUT') ||
    codes.includes('ETIMEDOUT') ||
    (error instanceof Error && error.name === 'TimeoutError')
  ) {
    return new GatewayError(
      'timeout',
      `${what}: no answer in time`,
      undefined,
      undefined,
      codes[0],
    );
  }
  const code = codes[0];
  return new GatewayError(
    'network',
    `${what}: ${describeNetworkCode(code, message)}`,
    undefined,
    undefined,
    code,
  );
}

function describeNetworkCode(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'address does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      return fallback;
  }
}

/** Reads a RestErrorInfo from a JSON error body, tolerating anything. */
export function parseRestErrorInfo(body: unknown): RestErrorInfo | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const raw = body as Record<string, unknown>;
  const pick = (value: unknown) =>
    value && typeof value === 'object' ? (value as RestErrorInfo['telephony']) : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    httpStatus: text(raw.httpStatus),
    code: typeof raw.code === 'number' ? raw.code : undefined,
    helpMessage: text(raw.helpMessage),
    // [JAVA] spells it `Type`; accept both.
    type: text(raw.type) ?? text(raw.Type),
    telephony: pick(raw.telephony),
    routing: pick(raw.routing),
  };
}
