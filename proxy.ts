import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { normaliseAcceptLanguage } from './lib/i18n/negotiate';
import { routing } from './lib/i18n/routing';
import { newNonce, pageContentSecurityPolicy } from './lib/security/headers';
import { CACHEABLE_HEADER, CAPTURE_HEADER } from './lib/security/page-cache.mjs';

const handleI18nRouting = createMiddleware(routing);

/** A path whose last segment has an extension (favicon.ico, icon.svg, robots.txt): not a page of a locale. */
const FILE_PATH = /\.[^/]*$/;

/**
 * Pages whose HTML depends on more than their URL and the published build: the import page reads
 * who asks (a loopback peer, a token) to offer writing or not. Every other page may be kept.
 */
const PER_REQUEST_PAGE = /^\/[^/]+\/import(?:\/|$)/;

/**
 * Every page passes here. Two jobs:
 * - a Content-Security-Policy with a fresh nonce. Next reads the nonce from the request's policy
 *   header and puts it on its own scripts, so the pages render per request (see app/layout.tsx);
 * - locale negotiation and the `/en/…` prefix (next-intl). Chinese Accept-Language tags are first
 *   rewritten to the script they imply (zh-HK → zh-Hant) because our locales are scripts, not regions.
 * When the pages' cache asks (lib/security/page-cache-preload.mjs), a page that depends only on its
 * URL and the build is marked so: the cache keeps it and serves it again with its scripts' hashes
 * in place of the nonce.
 * The APIs and Next's static files get their headers from next.config.ts instead.
 */
export default function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const accept = request.headers.get('accept-language');
  if (accept !== null) headers.set('accept-language', normaliseAcceptLanguage(accept));
  const response = FILE_PATH.test(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers } })
    : handleI18nRouting(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  if (request.headers.has(CAPTURE_HEADER) && !PER_REQUEST_PAGE.test(request.nextUrl.pathname))
    response.headers.set(CACHEABLE_HEADER, 'build');
  return response;
}

export const config = {
  // Everything except the API and Next's static files, which need no nonce.
  matcher: '/((?!api/|api$|_next/static|_next/image).*)',
};
