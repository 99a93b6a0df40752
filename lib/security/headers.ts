/**
 * The security headers, as data and pure functions: the proxy (pages) and next.config.ts (APIs
 * and static files) only attach them. One place, so that pages and APIs cannot drift apart.
 */

/** Headers every response carries, pages, APIs and static files alike. */
export const COMMON_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // For browsers that predate CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  // The reader speaks (speechSynthesis needs no permission) but never uses these.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/**
 * An API answers JSON or a download, never a document that runs anything: it may load nothing and
 * be framed by no one.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The pages' policy. Scripts run only with this response's nonce ('strict-dynamic' lets Next's
 * nonce'd bootstrap load its own chunks, and next/dynamic ones), so an injected <script> or inline
 * handler never runs: no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline' because React
 * writes style attributes (bar widths, the reader's text scale), which a nonce cannot cover; CSS
 * cannot run script. 'unsafe-eval' only in development, where React's debugging needs it.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error('a CSP nonce must be 16+ base64 characters');
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    ['script-src', `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** A fresh nonce per response: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
