import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CONTENT_SECURITY_POLICY, COMMON_SECURITY_HEADERS } from './lib/security/headers';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    // The catalogs are compiled at build time, so the browser gets next-intl's small formatter
    // instead of the ICU parser (intl-messageformat, about 12 kB compressed on every page).
    messages: { path: './messages', format: 'json', locales: 'infer', precompile: true },
  },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: [...COMMON_SECURITY_HEADERS] },
      // Pages get a nonce'd policy from proxy.ts; the APIs answer data and may run nothing.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
