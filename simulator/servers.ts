// The two listening sockets of the simulator (plain Node): the REST port and the event port,
// HTTP or HTTPS, each request wrapped in an Exchange that endpoint faults may intercept.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EndpointFailure, EndpointFaults } from './endpoint-faults.js';
import { Exchange } from './exchange.js';
import type { RequestLog } from './request-log.js';
import { restError } from './rest-error.js';
import type { TestCertificates } from './test-ca.js';

export type PortName = 'rest' | 'event';

export interface ListeningServer {
  server: Server;
  url: string;
}

export async function listen(
  port: number,
  host: string,
  certificates: TestCertificates | undefined,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<ListeningServer> {
  const server: Server = certificates
    ? createHttpsServer({ key: certificates.keyPem, cert: certificates.certPem }, handle)
    : createHttpServer(handle);
  // A malformed request gets a 400 and a closed socket; it never reaches a handler.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  // Streams are long-lived: no server-side timeout may cut them behind the simulator's back.
  server.requestTimeout = 0;
  server.timeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const scheme = certificates ? 'https' : 'http';
  return { server, url: `${scheme}://${host}:${address.port}` };
}

export async function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/** Wraps a port's handler with delays, injected failures and crash protection. */
export function requestHandler(
  port: PortName,
  log: RequestLog,
  faults: EndpointFaults,
  answer: (exchange: Exchange) => void | Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const exchange = new Exchange(req, res, log, port);
    void (async () => {
      try {
        const delay = faults.takeDelay(exchange.method, exchange.pathname);
        if (delay > 0) await sleep(delay);
        const failure = faults.takeFailure(exchange.method, exchange.pathname);
        if (failure) injectFailure(exchange, failure);
        else await answer(exchange);
      } catch (error) {
        exchange.crash(error);
      }
    })();
  };
}

function injectFailure(exchange: Exchange, failure: EndpointFailure): void {
  exchange.req.resume();
  if (failure.status === 'reset') {
    exchange.reset();
  } else if (failure.body !== undefined) {
    const text = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body);
    exchange.raw(failure.status, text);
  } else if (failure.status >= 400) {
    exchange.json(failure.status, restError(failure.status, 'Failure injected by the simulator.'));
  } else {
    exchange.raw(failure.status, '');
  }
}
