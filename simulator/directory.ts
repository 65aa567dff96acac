// The gateway's user directory (plain Node): accounts, password check, and the `User` objects
// returned by the Users service and carried by OnUserInfoChanged (protocol §11).
import { timingSafeEqual } from 'node:crypto';
import type { SimulatorUser } from './options.js';

export interface UserJson {
  loginName: string;
  companyPhone: string;
  firstName: string;
  lastName: string;
  nodeId: string;
  voicemail: { number: string; type: string };
  devices: Array<{ type: string; id: string; subType?: string }>;
}

export class Directory {
  private readonly users = new Map<string, SimulatorUser>();

  constructor(
    users: readonly SimulatorUser[],
    private readonly voicemailNumber: string,
  ) {
    for (const user of users) this.add(user);
  }

  add(user: SimulatorUser): void {
    if (!/^\S+$/.test(user.loginName)) throw new Error('A login name may not contain spaces.');
    const owner = this.byExtension(user.extension);
    if (owner && owner.loginName !== user.loginName) {
      throw new Error(`Extension ${user.extension} already belongs to another user.`);
    }
    this.users.set(user.loginName, { ...user });
  }

  get(loginName: string): SimulatorUser | undefined {
    return this.users.get(loginName);
  }

  byExtension(extension: string): SimulatorUser | undefined {
    for (const user of this.users.values()) if (user.extension === extension) return user;
    return undefined;
  }

  /** A login name, or (as the tutorial's capture suggests) a company phone number. */
  resolve(loginOrNumber: string): SimulatorUser | undefined {
    return this.get(loginOrNumber) ?? this.byExtension(loginOrNumber);
  }

  loginNames(): string[] {
    return [...this.users.keys()];
  }

  all(): SimulatorUser[] {
    return [...this.users.values()];
  }

  /** Constant-time comparison so the simulator does not teach clients timing shortcuts. */
  checkPassword(loginName: string, password: string): SimulatorUser | undefined {
    const user = this.users.get(loginName);
    if (!user) return undefined;
    const expected = Buffer.from(user.password, 'utf8');
    const given = Buffer.from(password, 'utf8');
    if (expected.length !== given.length) return undefined;
    return timingSafeEqual(expected, given) ? user : undefined;
  }

  toJson(user: SimulatorUser): UserJson {
    return {
      loginName: user.loginName,
      companyPhone: user.extension,
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? user.loginName,
      nodeId: '1',
      voicemail: { number: this.voicemailNumber, type: 'VM_4635' },
      devices: [{ type: 'DESKPHONE', id: user.extension, subType: 'ALE-500' }],
    };
  }
}
