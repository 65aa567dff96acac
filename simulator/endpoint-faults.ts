// Fault knobs for whole requests on either port (plain Node): answer a matching endpoint with a
// given status (or a connection reset) for the next N requests, and delay matching answers.

export interface EndpointMatch {
  method?: string;
  /** A string matches a path equal to it or ending with it; a RegExp is tested on the path. */
  path: string | RegExp;
}

export interface EndpointFailure {
  match: EndpointMatch;
  /** 'reset' drops the connection instead of answering. */
  status: number | 'reset';
  remaining: number;
  /** Body to send; default a RestErrorInfo for the status (an empty body for 2xx). */
  body?: string | object;
}

interface EndpointDelay {
  match: EndpointMatch;
  ms: number;
  remaining: number;
}

export function matches(match: EndpointMatch, method: string, pathname: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (typeof match.path === 'string') {
    return pathname === match.path || pathname.endsWith(match.path);
  }
  match.path.lastIndex = 0;
  return match.path.test(pathname);
}

export class EndpointFaults {
  private readonly failures: EndpointFailure[] = [];
  private readonly delays: EndpointDelay[] = [];

  fail(failure: EndpointFailure): void {
    if (!(failure.remaining > 0)) throw new Error('failEndpoint needs times >= 1.');
    this.failures.push({ ...failure });
  }

  delay(match: EndpointMatch, ms: number, times = Number.POSITIVE_INFINITY): void {
    if (!(ms >= 0) || !(times > 0)) throw new Error('delay needs ms >= 0 and times >= 1.');
    this.delays.push({ match, ms, remaining: times });
  }

  /** The failure to apply to this request, consuming one of its N uses. */
  takeFailure(method: string, pathname: string): EndpointFailure | undefined {
    const index = this.failures.findIndex((f) => matches(f.match, method, pathname));
    const failure = this.failures[index];
    if (!failure) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(index, 1);
    return failure;
  }

  takeDelay(method: string, pathname: string): number {
    const index = this.delays.findIndex((d) => matches(d.match, method, pathname));
    const delay = this.delays[index];
    if (!delay) return 0;
    delay.remaining -= 1;
    if (delay.remaining <= 0) this.delays.splice(index, 1);
    return delay.ms;
  }

  clear(): void {
    this.failures.length = 0;
    this.delays.length = 0;
  }
}
