// The renderer's Content Security Policy, without electron, so the e2e host serves the very same
// (test/e2e/host/static-files.ts). src/renderer/index.html carries it as a meta tag too (all of
// it but frame-ancestors, which a meta tag cannot set); both apply, the stricter wins, so they
// are kept equal (test/unit/main/electron/csp.test.ts).
//
// No network source for images, audio or video: message media comes from main as bytes, under
// its media policy (services/media), and is shown from blob: URLs. A remote <img> in the page
// would load by itself from anywhere, which is what tracking pixels need.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
