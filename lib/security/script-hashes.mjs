/**
 * A page rendered once and served to many cannot carry a per-request nonce, so a cached page's
 * policy allows its inline scripts by their SHA-256 hashes instead (CSP Level 2 hash sources).
 * Plain JavaScript because the page cache (page-cache.mjs) is preloaded into `next start` before
 * any TypeScript is compiled.
 *
 * Only the scripts that carry the nonce of the render that produced the HTML are hashed: those are
 * the ones Next wrote. A script that reached the markup any other way (a hole in sanitising) has no
 * nonce, so it gets no hash and stays refused, exactly as under the nonce policy.
 */
import { createHash } from 'node:crypto';

/** `<script attrs>body</script>`: Next never writes `>` inside an attribute nor `</script` in a body. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The nonce a page policy names in script-src, or null. */
export function policyNonce(policy) {
  const match = /(?:^|;)\s*script-src\b[^;]*'nonce-([A-Za-z0-9+/_=-]+)'/.exec(String(policy ?? ''));
  return match ? match[1] : null;
}

/**
 * The HTML without the render's nonce attributes, and the hash sources of its inline scripts that
 * carried that nonce. External scripts (`src`) need no hash: they load from 'self'.
 */
export function hashInlineScripts(html, nonce) {
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(String(nonce))) throw new Error('a CSP nonce must be 16+ base64 characters');
  const attribute = ` nonce="${nonce}"`;
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (!attrs.includes(attribute) || /\ssrc\s*=/i.test(attrs)) continue;
    const source = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    if (!hashes.includes(source)) hashes.push(source);
  }
  return { html: html.split(attribute).join(''), hashes };
}

/**
 * The page policy with its script sources swapped: the nonce and 'strict-dynamic' out (with
 * 'strict-dynamic' a browser ignores 'self', and the page's own `<script src>` tags carry no nonce
 * any more), the hashes in. Every other directive is the nonce policy's own (lib/security/headers.ts).
 */
export function hashedPolicy(policy, hashes) {
  const directives = String(policy)
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  let found = false;
  const out = directives.map((directive) => {
    const [name, ...sources] = directive.split(/\s+/);
    if (name !== 'script-src') return directive;
    found = true;
    const kept = sources.filter((s) => !s.startsWith("'nonce-") && s !== "'strict-dynamic'");
    return ['script-src', ...kept, ...hashes].join(' ');
  });
  if (!found) throw new Error('the page policy has no script-src directive');
  return out.join('; ');
}
