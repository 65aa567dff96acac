// The gateway's error body ("RestErrorInfo", protocol §14) and the status names it carries.
// Plain Node; used by every REST and event-port handler of the simulator.
import { STATUS_CODES } from 'node:http';

export interface ServiceErrorDetail {
  errorType: string;
  errorCause: string;
  message: string;
}

export interface RestErrorInfo {
  httpStatus: string;
  code: number;
  helpMessage: string;
  type: string;
  innerMessage: string;
  canRetry: boolean;
  telephony?: ServiceErrorDetail;
  routing?: ServiceErrorDetail;
}

export interface ErrorDetails {
  type?: string;
  innerMessage?: string;
  canRetry?: boolean;
  telephony?: ServiceErrorDetail;
  routing?: ServiceErrorDetail;
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'RESOURCE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** "NOT_FOUND" for 404: the real format of httpStatus is unknown, this is one documented guess. */
export function statusName(status: number): string {
  const phrase = STATUS_CODES[status] ?? 'Unknown';
  return phrase.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export function restError(
  status: number,
  helpMessage: string,
  details: ErrorDetails = {},
): RestErrorInfo {
  return {
    httpStatus: statusName(status),
    code: status,
    helpMessage,
    type: details.type ?? TYPE_BY_STATUS[status] ?? 'UNKNOWN',
    innerMessage: details.innerMessage ?? helpMessage,
    canRetry: details.canRetry ?? status >= 500,
    ...(details.telephony ? { telephony: details.telephony } : {}),
    ...(details.routing ? { routing: details.routing } : {}),
  };
}

/** A failure a handler raises; the REST layer turns it into status + RestErrorInfo. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    helpMessage: string,
    readonly details: ErrorDetails = {},
  ) {
    super(helpMessage);
    this.name = 'GatewayError';
  }

  get body(): RestErrorInfo {
    return restError(this.status, this.message, this.details);
  }
}

export function telephonyError(
  status: number,
  errorType: string,
  errorCause: string,
  message: string,
): GatewayError {
  return new GatewayError(status, message, { telephony: { errorType, errorCause, message } });
}

export function routingError(
  status: number,
  errorType: string,
  errorCause: string,
  message: string,
): GatewayError {
  return new GatewayError(status, message, { routing: { errorType, errorCause, message } });
}
