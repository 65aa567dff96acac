// Authentication tokens (the AlcUserId cookie) and sessions with a timeToLive that really expires
// (plain Node). A session ends by expiry, DELETE or a fault; listeners then drop its subscriptions.
import { randomBytes, randomUUID } from 'node:crypto';

export interface Session {
  readonly id: string;
  readonly cookie: string;
  readonly loginName: string;
  readonly applicationName: string;
  readonly createdAt: Date;
  expiresAt: Date;
  timer: NodeJS.Timeout | undefined;
}

export type SessionEndReason = 'expired' | 'closed' | 'replaced' | 'stopped';

interface Credential {
  loginName: string;
  session: Session | undefined;
  /** A credential that never opened a session lapses like a session would. */
  lapseTimer: NodeJS.Timeout;
}

export class SessionStore {
  private readonly credentials = new Map<string, Credential>();
  private readonly sessions = new Map<string, Session>();
  private readonly endListeners = new Set<(session: Session, reason: SessionEndReason) => void>();
  authentications = 0;

  constructor(private readonly ttlSeconds: number) {}

  get openCount(): number {
    return this.sessions.size;
  }

  onEnd(listener: (session: Session, reason: SessionEndReason) => void): void {
    this.endListeners.add(listener);
  }

  /** A successful Basic authentication: returns the new cookie value. */
  authenticate(loginName: string): string {
    this.authentications += 1;
    const cookie = randomBytes(24).toString('base64url');
    const lapseTimer = setTimeout(() => {
      const credential = this.credentials.get(cookie);
      if (credential && !credential.session) this.credentials.delete(cookie);
    }, this.ttlSeconds * 1000);
    lapseTimer.unref();
    this.credentials.set(cookie, { loginName, session: undefined, lapseTimer });
    return cookie;
  }

  loginForCookie(cookie: string | undefined): string | undefined {
    return cookie === undefined ? undefined : this.credentials.get(cookie)?.loginName;
  }

  /** Opens a session for the cookie; an earlier session of the same cookie ends ("replaced"). */
  open(cookie: string, applicationName: string): Session | undefined {
    const credential = this.credentials.get(cookie);
    if (!credential) return undefined;
    clearTimeout(credential.lapseTimer);
    if (credential.session) this.end(credential.session, 'replaced', false);
    const now = new Date();
    const session: Session = {
      id: randomUUID(),
      cookie,
      loginName: credential.loginName,
      applicationName,
      createdAt: now,
      expiresAt: now,
      timer: undefined,
    };
    credential.session = session;
    this.sessions.set(session.id, session);
    this.touch(session);
    return session;
  }

  /** The live session behind a cookie, if any. */
  byCookie(cookie: string | undefined): Session | undefined {
    if (cookie === undefined) return undefined;
    return this.credentials.get(cookie)?.session;
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  /** Restarts the timeToLive countdown. */
  touch(session: Session): void {
    clearTimeout(session.timer);
    session.expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    session.timer = setTimeout(() => this.end(session, 'expired'), this.ttlSeconds * 1000);
    session.timer.unref();
  }

  /** Ends a session; its cookie stops working, so the client must authenticate again. */
  end(session: Session, reason: SessionEndReason, dropCredential = true): void {
    if (!this.sessions.delete(session.id)) return;
    clearTimeout(session.timer);
    if (dropCredential) this.credentials.delete(session.cookie);
    for (const listener of this.endListeners) listener(session, reason);
  }

  expireAll(loginName?: string): number {
    const victims = this.all().filter((s) => loginName === undefined || s.loginName === loginName);
    for (const session of victims) this.end(session, 'expired');
    return victims.length;
  }

  stop(): void {
    for (const session of this.all()) this.end(session, 'stopped');
    for (const credential of this.credentials.values()) clearTimeout(credential.lapseTimer);
    this.credentials.clear();
  }
}
