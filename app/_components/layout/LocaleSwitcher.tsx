'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';

interface Props {
  current: string;
  locales: Array<{ code: string; name: string }>;
}

/** Replaces the first path segment (the locale) of a pathname. */
function withLocale(pathname: string, locale: string): string {
  const rest = pathname.split('/').slice(2).join('/');
  return rest === '' ? `/${locale}` : `/${locale}/${rest}`;
}

/**
 * Plain links to the same page in the other languages. A full page load (not client navigation)
 * so that `<html lang>` and the fonts follow; the query and the `#p-N` anchor are carried over at
 * click time, since the server-rendered href cannot know them.
 */
export function LocaleSwitcher({ current, locales }: Props) {
  const t = useTranslations('Header');
  const pathname = usePathname();
  const keepQueryAndHash = (event: MouseEvent<HTMLAnchorElement>) => {
    const { search, hash } = window.location;
    event.currentTarget.href = `${event.currentTarget.pathname}${search}${hash}`;
  };
  return (
    <nav className="locale-switcher" aria-label={t('language')}>
      <ul>
        {locales.map(({ code, name }) => (
          <li key={code}>
            {code === current ? (
              <span aria-current="true" lang={code}>
                {name}
              </span>
            ) : (
              <a href={withLocale(pathname, code)} hrefLang={code} lang={code} onClick={keepQueryAndHash}>
                {name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
