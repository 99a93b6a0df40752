import Link from 'next/link';
import './globals.css';

// Reached only outside the locale segment (the proxy sends everything else to /<locale>/…), so
// there is no UI language to speak: offer all three.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main" className="not-found">
          <h1>Page not found · 页面不存在 · 找不到頁面</h1>
          <p>
            <Link href="/en">Library</Link> ·{' '}
            <Link href="/zh-Hans" lang="zh-Hans">
              文库
            </Link>{' '}
            ·{' '}
            <Link href="/zh-Hant" lang="zh-Hant">
              文庫
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
