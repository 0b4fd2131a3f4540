import type * as NodeFs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const os = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as string,
  userData: '',
  failRename: false,
}));

// A reversible stand-in for the OS keychain: the ciphertext must not contain the plain text.
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'userData' ? os.userData : '/nowhere') },
  safeStorage: {
    isEncryptionAvailable: () => os.available,
    getSelectedStorageBackend: () => os.backend,
    encryptString: (text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(text).map((b) => b ^ 0x5a)]),
    decryptString: (data: Buffer) => {
      if (data.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(data.subarray(3).map((b) => b ^ 0x5a)).toString();
    },
  },
}));

// Lets a test make the final rename fail, as a crash between write and rename would.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (os.failRename) throw new Error('ENOSPC');
      fs.renameSync(from, to);
    },
  };
});

const { SafeStorageVault } = await import('../../../../src/main/electron/vault');

beforeEach(() => {
  os.userData = mkdtempSync(join(tmpdir(), 'deckhand-vault-'));
  os.available = true;
  os.backend = 'gnome_libsecret';
  os.failRename = false;
});
afterEach(() => rmSync(os.userData, { recursive: true, force: true }));

const SECRET = 'cc_live_0123456789abcdef';

describe('SafeStorageVault', () => {
  it('round-trips secrets through safeStorage and a base64 file under userData', () => {
    new SafeStorageVault({ platform: 'linux' }).write('account:a', SECRET);
    const file = readFileSync(join(os.userData, 'vault.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    const stored = (JSON.parse(file) as { secrets: Record<string, string> }).secrets['account:a']!;
    expect(Buffer.from(stored, 'base64').subarray(0, 3).toString()).toBe('v10');

    const again = new SafeStorageVault({ platform: 'linux' });
    expect(again.read('account:a')).toBe(SECRET);
    expect(again.read('account:b')).toBeNull();
    again.remove('account:a');
    expect(new SafeStorageVault({ platform: 'linux' }).read('account:a')).toBeNull();
  });

  it('tells OS encryption from Linux basic_text and from none', () => {
    expect(new SafeStorageVault({ platform: 'linux' }).encryption()).toBe('os');
    os.backend = 'basic_text';
    expect(new SafeStorageVault({ platform: 'linux' }).encryption()).toBe('basic_text');
    expect(new SafeStorageVault({ platform: 'darwin' }).encryption()).toBe('os');
    os.available = false;
    expect(new SafeStorageVault({ platform: 'linux' }).encryption()).toBe('unavailable');
  });

  it('refuses to store a secret without encryption, without echoing it', () => {
    os.available = false;
    const vault = new SafeStorageVault({ platform: 'win32' });
    expect(() => vault.write('account:a', SECRET)).toThrow(expect.objectContaining({ code: 'WeakEncryption' }));
    expect(() => vault.write('account:a', SECRET)).not.toThrow(new RegExp(SECRET));
    expect(readdirSync(os.userData)).toEqual([]);
  });

  it('writes atomically: a failed write leaves the previous vault readable', () => {
    const vault = new SafeStorageVault({ platform: 'linux' });
    vault.write('account:a', SECRET);
    os.failRename = true;
    expect(() => vault.write('account:a', 'cc_other_secret_value')).toThrow('ENOSPC');
    os.failRename = false;
    expect(new SafeStorageVault({ platform: 'linux' }).read('account:a')).toBe(SECRET);
  });

  it('reads an undecryptable or corrupt entry as absent', () => {
    const file = join(os.userData, 'vault.json');
    writeFileSync(file, JSON.stringify({ version: 1, secrets: { bad: Buffer.from('garbage').toString('base64') } }));
    expect(new SafeStorageVault({ platform: 'linux' }).read('bad')).toBeNull();
    writeFileSync(file, '{ not json');
    expect(new SafeStorageVault({ platform: 'linux' }).read('bad')).toBeNull();
  });

  it('tells a secret it cannot decrypt (another keyring, or none now) from one never stored', () => {
    const file = join(os.userData, 'vault.json');
    writeFileSync(file, JSON.stringify({ version: 1, secrets: { other: Buffer.from('garbage').toString('base64') } }));
    const vault = new SafeStorageVault({ platform: 'linux' });
    vault.write('account:a', SECRET);
    expect([vault.read('other'), vault.has('other')]).toEqual([null, true]);
    expect([vault.read('account:b'), vault.has('account:b')]).toEqual([null, false]);
    // The keyring is gone: the stored key stays, unreadable, until the agent removes it.
    os.available = false;
    expect([vault.read('account:a'), vault.has('account:a')]).toEqual([null, true]);
    vault.remove('account:a');
    expect(vault.has('account:a')).toBe(false);
  });
});
