import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy } from './headers';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('security headers', () => {
  it('lets page scripts run only with the nonce, never inline or eval in production', () => {
    const nonce = newNonce();
    const policy = pageContentSecurityPolicy(nonce);
    expect(directive(policy, 'script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(pageContentSecurityPolicy(nonce, { development: true }), 'script-src')).toContain("'unsafe-eval'");
  });

  it('makes a new 16-byte nonce each time and refuses one that could break out of the header', () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
    expect(() => pageContentSecurityPolicy("abc'; script-src *")).toThrow(/nonce/);
    expect(() => pageContentSecurityPolicy('short')).toThrow(/nonce/);
  });

  it('gives the APIs a policy that loads and runs nothing', () => {
    expect(directive(API_CONTENT_SECURITY_POLICY, 'default-src')).toEqual(["'none'"]);
    expect(directive(API_CONTENT_SECURITY_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
  });
});
