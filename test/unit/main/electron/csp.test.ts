// The renderer's CSP: no network source for images, audio or video (message media comes from
// main as blob: URLs), and the meta tag in index.html the same policy as the header.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../src/main/electron/csp';

type Policy = Map<string, string[]>;

const parse = (policy: string): Policy =>
  new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );

const metaPolicy = (): string => {
  const html = readFileSync(new URL('../../../../src/renderer/index.html', import.meta.url), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!match) throw new Error('src/renderer/index.html has no CSP meta tag');
  return match[1]!;
};

describe('the renderer’s Content Security Policy', () => {
  const policy = parse(CONTENT_SECURITY_POLICY);

  it('loads images only from the app, data: and blob:, and audio and video only from the app and blob:', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no network scheme or wildcard anywhere', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
  });

  it('is the same in index.html’s meta tag, but for frame-ancestors (which a meta tag cannot set)', () => {
    const expected = new Map(policy);
    expected.delete('frame-ancestors');
    expect(parse(metaPolicy())).toEqual(expected);
  });
});
