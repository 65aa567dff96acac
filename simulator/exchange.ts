// One HTTP request/answer pair on either simulator port (plain Node): body reading with a size
// limit, JSON answers, RestErrorInfo answers, and the request-log entry written with the status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError, restError } from './rest-error.js';
import type { RequestLog } from './request-log.js';

const MAX_BODY_BYTES = 64 * 1024;

export class Exchange {
  readonly url: URL;
  readonly method: string;
  /** Taken at once: the socket is detached from the request once the connection closes. */
  readonly connection: number;
  private logged = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly log: RequestLog,
    readonly port: 'rest' | 'event',
  ) {
    // The Host header is not trusted for anything: it only fills the URL parser's base.
    this.url = new URL(req.url ?? '/', 'http://simulator.invalid');
    this.method = (req.method ?? 'GET').toUpperCase();
    this.connection = log.connectionId(req.socket);
  }

  get pathname(): string {
    return this.url.pathname;
  }

  /** Writes the log entry once, when the status is known (streams log when they open). */
  record(status: number): void {
    if (this.logged) return;
    this.logged = true;
    this.log.record({
      method: this.method,
      rawPath: this.req.url ?? '/',
      status,
      connection: this.connection,
      port: this.port,
    });
  }

  json(status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
    const text = JSON.stringify(body);
    this.record(status);
    this.res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': Buffer.byteLength(text),
    });
    this.res.end(text);
  }

  empty(status: number, headers: Record<string, string> = {}): void {
    this.record(status);
    this.res.writeHead(status, headers);
    this.res.end();
  }

  raw(status: number, body: string, contentType = 'application/json;charset=UTF-8'): void {
    this.record(status);
    this.res.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
    });
    this.res.end(body);
  }

  fail(error: GatewayError, headers: Record<string, string> = {}): void {
    this.json(error.status, error.body, headers);
  }

  /** Drops the TCP connection with a reset instead of answering (fault injection). */
  reset(): void {
    this.record(0);
    this.req.socket?.resetAndDestroy();
  }

  /** The body as text; past the size limit the rest is drained unread and a 413 follows. */
  readText(): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      this.req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      this.req.on('error', reject);
      this.req.on('end', () => {
        if (size > MAX_BODY_BYTES) {
          reject(new GatewayError(413, `Request body larger than ${MAX_BODY_BYTES} bytes.`));
        } else {
          resolve(Buffer.concat(chunks).toString('utf8'));
        }
      });
    });
  }

  /** The JSON body, or undefined when there is none; a malformed body is a 400. */
  async readJson(): Promise<unknown> {
    const text = await this.readText();
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new GatewayError(400, 'The request body is not valid JSON.', {
        type: 'BAD_REQUEST',
        innerMessage: (error as Error).message,
      });
    }
  }

  /** Answers an unexpected failure without taking the simulator down. */
  crash(error: unknown): void {
    if (error instanceof GatewayError) {
      if (!this.res.headersSent) this.fail(error);
      return;
    }
    if (this.res.headersSent) {
      this.res.destroy();
      return;
    }
    this.json(500, restError(500, 'Internal simulator error.', { innerMessage: String(error) }));
  }
}
