import { connection } from 'next/server';
import type { ReactNode } from 'react';

// The real root layout is app/[locale]/layout.tsx, which knows the language for <html lang>.
// This one exists so that app/not-found.tsx can answer requests outside any locale.
//
// Every page renders per request: the Content-Security-Policy's nonce (proxy.ts) is new for each
// response and Next stamps it on its scripts while rendering, so prerendered HTML would carry no
// nonce and its scripts would be refused. A page that depends only on its URL and the build is
// rendered so once per build: the cache in front of Next (lib/security/page-cache-preload.mjs)
// keeps it and serves it again with its scripts' hashes in place of the nonce.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
