import { getTranslations } from 'next-intl/server';
import { routing, type AppLocale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { SearchForm } from '@/app/_components/search/SearchForm';
import { LocaleSwitcher } from './LocaleSwitcher';

/** The names of the UI languages, each written in itself. */
const LOCALE_NAMES: Record<AppLocale, string> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
};

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'Header' });
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <div className="site-header-inner">
        <Link href="/" className="brand" aria-label={t('home')}>
          <span className="brand-zh" lang={locale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans'}>
            {locale === 'zh-Hant' ? '對照' : '对照'}
          </span>
          <span className="brand-en" lang="en">
            Duizhao
          </span>
        </Link>
        <nav className="site-nav" aria-label={t('library')}>
          <Link href="/">{t('library')}</Link>
          <Link href="/glossary">{t('glossary')}</Link>
          <Link href="/vocabulary">{t('vocabulary')}</Link>
          <Link href="/import">{t('import')}</Link>
        </nav>
        <SearchForm
          locale={locale}
          id="header-search"
          className="header-search"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          submit={t('searchSubmit')}
        />
        <LocaleSwitcher
          current={locale}
          locales={routing.locales.map((code) => ({ code, name: LOCALE_NAMES[code] }))}
        />
      </div>
    </header>
  );
}
