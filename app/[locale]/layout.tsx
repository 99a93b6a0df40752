import type { Metadata, Viewport } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/app/_components/layout/SiteFooter';
import { SiteHeader } from '@/app/_components/layout/SiteHeader';
import { clientMessages } from '@/lib/i18n/client-messages';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';
import '../styles/reader.css';
import '../styles/vocabulary.css';
import '../styles/import.css';

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return {
    title: { default: t('siteName'), template: `%s · ${t('siteName')}` },
    description: t('description'),
    // The other languages of each page are announced by next-intl's proxy in a `Link` header.
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#faf8f3' },
    { media: '(prefers-color-scheme: dark)', color: '#17191c' },
  ],
};

export default async function LocaleLayout({ children, params }: Props) {
  // The one check of the locale: only the three UI languages exist, anything else is a 404. The
  // pages below render per request (app/layout.tsx) and read it with getLocale().
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body>
        {/* The locale for next-intl's client navigation, and the strings of the one client
            component outside the pages (the language switcher). Each page wraps its own client
            components in a provider with exactly their messages (ARCHITECTURE.md, "Strings"). */}
        <NextIntlClientProvider messages={await clientMessages({ Header: ['language'] })}>
          <SiteHeader locale={locale} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter locale={locale} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
