/**
 * Low-level probes of the connection doctor (plain Node): name resolution, a bare TCP connect
 * and a TLS handshake that reports who issued the gateway's certificate, so the doctor can say
 * which CA the user would need.
 */
import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';

export async function resolveAddress(hostname: string): Promise<string> {
  if (net.isIP(hostname)) return hostname;
  const { address } = await dns.lookup(hostname);
  return address;
}

export function tcpConnect(host: string, port: number, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(Object.assign(new Error('connection timed out'), { code: 'ETIMEDOUT' })),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}

export interface TlsProbe {
  readonly trusted: boolean;
  /** Why verification failed (OpenSSL code), when it did. */
  readonly errorCode?: string;
  readonly subject?: string;
  /** Issuer of the top certificate the server sent: the CA the user would need to trust. */
  readonly issuer?: string;
  readonly validTo?: string;
}

function name(fields: Record<string, unknown> | undefined): string | undefined {
  if (!fields) return undefined;
  const parts = ['CN', 'O', 'OU'].flatMap((key) => {
    const value = fields[key];
    return typeof value === 'string' ? [`${key}=${value}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Handshakes without rejecting, then reports whether the chain verified against our CAs. */
export function probeTls(
  host: string,
  port: number,
  caPems: readonly string[],
  timeoutMs = 5_000,
): Promise<TlsProbe> {
  const ca = caPems.length > 0 ? [...tls.rootCertificates, ...caPems] : undefined;
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      servername: net.isIP(host) ? undefined : host,
      ca,
      // We only look at the certificate here; nothing is sent over this connection.
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(Object.assign(new Error('TLS handshake timed out'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    socket.once('secureConnect', () => {
      let top = socket.getPeerCertificate(true);
      // Walk to the last certificate the server sent (its issuer is the missing CA).
      for (let i = 0; i < 8 && top.issuerCertificate && top.issuerCertificate !== top; i++) {
        top = top.issuerCertificate;
      }
      const leaf = socket.getPeerCertificate(false);
      const authorizationError = socket.authorizationError as unknown;
      // The chain may verify while the name does not match: that fails a real request too.
      const nameError = net.isIP(host) ? undefined : tls.checkServerIdentity(host, leaf);
      resolve({
        trusted: socket.authorized && nameError === undefined,
        errorCode:
          authorizationError instanceof Error
            ? ((authorizationError as { code?: string }).code ?? authorizationError.message)
            : typeof authorizationError === 'string'
              ? authorizationError
              : (nameError as { code?: string } | undefined)?.code,
        subject: name(leaf.subject as unknown as Record<string, unknown>),
        issuer: name(top.issuer as unknown as Record<string, unknown>),
        validTo: leaf.valid_to,
      });
      socket.end();
    });
  });
}
