import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { normaliseAcceptLanguage } from './lib/i18n/negotiate';
import { routing } from './lib/i18n/routing';

const handleI18nRouting = createMiddleware(routing);

/**
 * Locale negotiation and the `/en/…` prefix. Chinese Accept-Language tags are first rewritten to
 * the script they imply (zh-HK → zh-Hant) because our locales are scripts, not regions.
 */
export default function proxy(request: NextRequest) {
  const accept = request.headers.get('accept-language');
  if (accept === null) return handleI18nRouting(request);
  const headers = new Headers(request.headers);
  headers.set('accept-language', normaliseAcceptLanguage(accept));
  return handleI18nRouting(new NextRequest(request, { headers }));
}

export const config = {
  // Everything except the API, Next's own files and files with an extension (favicon.ico, …).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
