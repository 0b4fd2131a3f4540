// Secrets must never reach the renderer or a log, even inside a message someone else built (a
// library's error that quotes a header, a URL with a token). Every secret shape a platform uses
// is listed here, so adding a platform means adding its shapes in one place.
const secretShapes: readonly RegExp[] = [
  // ChatCaptain API keys.
  /\bcc_[A-Za-z0-9_-]{8,}/g,
  // Botpress personal access tokens and bot/integration keys (bp_pat_…, bp_bak_…, bp_iak_…).
  /\bbp_[a-z]{3}_[A-Za-z0-9_-]{8,}/g,
  // Anything sent as a bearer token, whatever its shape.
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  // JSON Web Tokens (three base64url parts).
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

export function redact(text: string): string {
  return secretShapes.reduce((result, shape) => result.replace(shape, (match, bearer?: string) => (typeof bearer === 'string' ? `${bearer}…` : `${match.slice(0, 3)}…`)), text);
}
