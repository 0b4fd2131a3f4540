import { describe, expect, it } from 'vitest';
import { linkify } from '../../../../src/renderer/screens/conversation/linkify';

describe('linkify', () => {
  it('keeps plain text as one text segment, markup included', () => {
    const text = '<b>Hallo</b><script>alert(1)</script> Ist mein Paket schon da?';
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('splits text around http(s) links', () => {
    expect(linkify('Mehr dazu: https://shop.example.de/hilfe/zahlung und so')).toEqual([
      { kind: 'text', text: 'Mehr dazu: ' },
      { kind: 'link', text: 'https://shop.example.de/hilfe/zahlung', href: 'https://shop.example.de/hilfe/zahlung' },
      { kind: 'text', text: ' und so' },
    ]);
  });

  it('keeps the query of a link and leaves the sentence’s punctuation outside', () => {
    const segments = linkify('Hier: https://shop.example.de/p/regenjacke-fjord?farbe=gelb&groesse=M.');
    expect(segments[1]).toEqual({
      kind: 'link',
      text: 'https://shop.example.de/p/regenjacke-fjord?farbe=gelb&groesse=M',
      href: 'https://shop.example.de/p/regenjacke-fjord?farbe=gelb&groesse=M',
    });
    expect(segments[2]).toEqual({ kind: 'text', text: '.' });
  });

  it('keeps balanced parentheses and drops an enclosing one', () => {
    expect(linkify('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({ text: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
    const segments = linkify('(siehe https://example.de/faq)');
    expect(segments).toEqual([
      { kind: 'text', text: '(siehe ' },
      { kind: 'link', text: 'https://example.de/faq', href: 'https://example.de/faq' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('leaves mailto addresses as text (main opens only http(s) outside the app)', () => {
    expect(linkify('Schreib an mailto:hilfe@example.de!')).toEqual([{ kind: 'text', text: 'Schreib an mailto:hilfe@example.de!' }]);
  });

  it('never links other schemes, and stops a link at markup', () => {
    expect(linkify('javascript:alert(1) data:text/html,x file:///etc/passwd //evil.example')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x file:///etc/passwd //evil.example' },
    ]);
    expect(linkify('<a href="https://evil.example">x</a>')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'https://evil.example', href: 'https://evil.example/' },
      { kind: 'text', text: '">x</a>' },
    ]);
  });

  it('leaves an address it refuses as text (credentials in the host)', () => {
    expect(linkify('https://user:pw@evil.example/login')).toEqual([{ kind: 'text', text: 'https://user:pw@evil.example/login' }]);
  });

  it('keeps line breaks inside the text segments', () => {
    expect(linkify('Zeile 1\nhttps://a.example\nZeile 3')).toEqual([
      { kind: 'text', text: 'Zeile 1\n' },
      { kind: 'link', text: 'https://a.example', href: 'https://a.example/' },
      { kind: 'text', text: '\nZeile 3' },
    ]);
  });

  it('finds several links and is case-insensitive about the scheme', () => {
    const links = linkify('HTTPS://A.example, http://b.example; https://c.example').filter((s) => s.kind === 'link');
    expect(links.map((l) => l.text)).toEqual(['HTTPS://A.example', 'http://b.example', 'https://c.example']);
  });

  it('does not link a scheme inside a word', () => {
    expect(linkify('xhttps://a.example')).toEqual([{ kind: 'text', text: 'xhttps://a.example' }]);
  });
});
