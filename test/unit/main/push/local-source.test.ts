import { describe, expect, it } from 'vitest';
import { LOCAL_TOKEN_SECRET, LocalTokenSource } from '../../../../src/main/services/push/local-source';
import { MemoryVault } from '../../../support/memory-vault';

describe('LocalTokenSource', () => {
  it('keeps its token in a vault the OS encrypts, and the same token comes back', async () => {
    const vault = new MemoryVault('os');
    const first = new LocalTokenSource({ vault });
    await first.start();
    expect(vault.read(LOCAL_TOKEN_SECRET)).toBe(first.token());
    const again = new LocalTokenSource({ vault });
    await again.start();
    expect(again.token()).toBe(first.token());
  });

  it('keeps it in memory only where the vault merely obfuscates, and drops what was stored before', async () => {
    const vault = new MemoryVault('basic_text');
    vault.write(LOCAL_TOKEN_SECRET, 'local-left-by-an-earlier-version');
    const source = new LocalTokenSource({ vault });
    await source.start();
    expect(source.token()).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(vault.names()).toEqual([]);
  });
});
