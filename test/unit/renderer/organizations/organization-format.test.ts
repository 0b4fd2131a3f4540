import { describe, expect, it } from 'vitest';
import { languageName, safeWebHref, websiteDomain } from '../../../../src/renderer/screens/organizations/organization-format';

describe('websiteDomain', () => {
  it.each([
    ['https://www.mueller-soehne.de/kontakt', 'mueller-soehne.de'],
    ['http://Blackwood-Consulting.co.uk', 'blackwood-consulting.co.uk'],
    ['https://shop.neue-firma.de', 'shop.neue-firma.de'],
  ])('%s → %s', (url, domain) => {
    expect(websiteDomain(url)).toBe(domain);
  });

  it('is null for anything that is not an http(s) address with a domain', () => {
    expect(websiteDomain(undefined)).toBeNull();
    expect(websiteDomain('mueller-soehne.de')).toBeNull();
    expect(websiteDomain('javascript:alert(1)')).toBeNull();
    expect(websiteDomain('file:///etc/passwd')).toBeNull();
  });
});

describe('safeWebHref', () => {
  it('links http(s) addresses only', () => {
    expect(safeWebHref('https://neue-firma.de')).toBe('https://neue-firma.de/');
    expect(safeWebHref('http://neue-firma.de/a b')).toBe('http://neue-firma.de/a%20b');
    expect(safeWebHref('javascript:alert(1)')).toBeNull();
    expect(safeWebHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeWebHref('https://evil@neue-firma.de')).toBeNull();
    expect(safeWebHref(undefined)).toBeNull();
  });
});

describe('languageName', () => {
  it('names the language in the UI language, or gives the code back', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('en', 'de')).toBe('Englisch');
    expect(languageName(undefined, 'en')).toBeNull();
    expect(languageName('not a code!', 'en')).toBe('not a code!');
  });
});
