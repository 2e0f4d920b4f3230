/**
 * The renderer's Content-Security-Policy (security.md §1 item 7): only the app's own scripts, styles
 * and images; no eval, no inline script, no frames, no plugins, no form posts, no remote connects.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ')
