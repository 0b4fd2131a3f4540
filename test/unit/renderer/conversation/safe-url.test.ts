import { describe, expect, it } from 'vitest';
import { mapUrl, safeLinkUrl, safeMediaUrl } from '../../../../src/renderer/screens/conversation/safe-url';

const refused = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,iVBORw0KGgo=',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'blob:https://example.com/uuid',
  '/media/demo/photo-1.svg',
  'media/photo.png',
  '//evil.example/x.png',
  'ftp://files.example/x',
  'smb://server/share',
  'https://user:secret@evil.example/',
  'https://',
  '',
];

describe('safeMediaUrl', () => {
  it('allows http and https and answers the normalised address', () => {
    expect(safeMediaUrl('https://cdn.example.de/a b.png')).toBe('https://cdn.example.de/a%20b.png');
    expect(safeMediaUrl('http://127.0.0.1:4010/media/demo/photo-1.svg')).toBe('http://127.0.0.1:4010/media/demo/photo-1.svg');
    expect(safeMediaUrl('HTTPS://CDN.EXAMPLE.DE/x')).toBe('https://cdn.example.de/x');
  });

  it.each(refused)('refuses %j', (url) => {
    expect(safeMediaUrl(url)).toBeNull();
  });

  it('refuses mailto: a mail address is no image or video', () => {
    expect(safeMediaUrl('mailto:someone@example.de')).toBeNull();
  });

  it('refuses absurdly long addresses', () => {
    expect(safeMediaUrl(`https://example.de/${'a'.repeat(9000)}`)).toBeNull();
  });
});

describe('safeLinkUrl', () => {
  it('allows http and https', () => {
    expect(safeLinkUrl('https://shop.example.de/p/regenjacke-fjord?farbe=gelb&groesse=M')).toBe(
      'https://shop.example.de/p/regenjacke-fjord?farbe=gelb&groesse=M',
    );
    expect(safeLinkUrl('http://example.com')).toBe('http://example.com/');
  });

  it.each(refused)('refuses %j', (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });

  it('refuses mailto, with or without an address', () => {
    expect(safeLinkUrl('mailto:support@example.de')).toBeNull();
    expect(safeLinkUrl('mailto:')).toBeNull();
  });

  it('refuses tel and other schemes that hand control to another program', () => {
    expect(safeLinkUrl('tel:+4915112345678')).toBeNull();
    expect(safeLinkUrl('ms-msdt:/id PCWDiagnostic')).toBeNull();
  });
});

describe('mapUrl', () => {
  it('points OpenStreetMap at the coordinates', () => {
    expect(mapUrl(50.9413, 6.9583)).toBe('https://www.openstreetmap.org/?mlat=50.9413&mlon=6.9583#map=16/50.9413/6.9583');
    expect(mapUrl(51.5136, -0.1365)).toContain('mlat=51.5136&mlon=-0.1365');
  });

  it('refuses coordinates outside the globe', () => {
    expect(mapUrl(91, 0)).toBeNull();
    expect(mapUrl(0, -181)).toBeNull();
    expect(mapUrl(Number.NaN, 0)).toBeNull();
  });
});
