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

/** Turns anything thrown by undici (or our own code) into a GatewayError. */
export function classifyError(error: unknown, what: string): GatewayError {
  if (error instanceof GatewayError) return error;
  const codes = errorCodes(error);
  const message = error instanceof Error ? error.message : String(error);

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
