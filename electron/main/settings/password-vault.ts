/**
 * Main process: the gateway password. Stored only as OS-keychain ciphertext (Electron
 * safeStorage, base64 in the settings file). Where Linux offers only its plain-text fallback
 * ("basic_text") or no encryption at all, nothing is stored: the password lives in memory for
 * this run and the user is asked again at the next start. The password never leaves the main
 * process; renderers only learn whether there is one.
 */
import type { SafeStorage } from 'electron';
import type { Logger } from '../../gateway/log.js';

export type KeychainLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface CiphertextSlot {
  passwordCiphertext(): string | undefined;
  setPasswordCiphertext(ciphertext: string | null): void;
}

/** Linux backends that are not a real keychain: the "encryption" key is a constant. */
const PLAIN_TEXT_BACKENDS = new Set(['basic_text', 'unknown']);

export class PasswordVault {
  private sessionPassword: string | null = null;
  private warned = false;

  constructor(
    private readonly keychain: KeychainLike,
    private readonly slot: CiphertextSlot,
    private readonly platform: string,
    private readonly log: Logger,
  ) {}

  /** False where the OS has no real keychain: the password is then asked at each start. */
  canStore(): boolean {
    if (!this.keychain.isEncryptionAvailable()) return false;
    if (this.platform !== 'linux') return true;
    return !PLAIN_TEXT_BACKENDS.has(this.keychain.getSelectedStorageBackend());
  }

  /** Keeps the password for this run, and as ciphertext on disk where that is safe. */
  save(password: string): 'stored' | 'this-session-only' {
    this.sessionPassword = password;
    if (!this.canStore()) {
      this.slot.setPasswordCiphertext(null);
      if (!this.warned) {
        this.log.warn('No secure keychain on this desktop: the password is kept in memory only');
        this.warned = true;
      }
      return 'this-session-only';
    }
    const ciphertext = this.keychain.encryptString(password).toString('base64');
    this.slot.setPasswordCiphertext(ciphertext);
    return 'stored';
  }

  /** The password for connecting, or null when the user has to be asked. */
  read(): string | null {
    if (this.sessionPassword !== null) return this.sessionPassword;
    const ciphertext = this.slot.passwordCiphertext();
    if (!ciphertext || !this.canStore()) return null;
    try {
      this.sessionPassword = this.keychain.decryptString(Buffer.from(ciphertext, 'base64'));
      return this.sessionPassword;
    } catch {
      // The keychain changed (new profile, reset wallet): ask again rather than fail for good.
      this.log.warn('The stored password could not be decrypted; it will be asked again');
      this.slot.setPasswordCiphertext(null);
      return null;
    }
  }

  hasPassword(): boolean {
    return this.sessionPassword !== null || (this.canStore() && !!this.slot.passwordCiphertext());
  }

  clear(): void {
    this.sessionPassword = null;
    this.slot.setPasswordCiphertext(null);
  }
}
