import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import { listDocs } from '@/lib/store';

const CEDICT_URL = 'https://cc-cedict.org/wiki/';
const LICENCE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

/** One line per publisher, with the documents' links where the meta gives them. */
async function sourcesOf(locale: AppLocale) {
  const byPublisher = new Map<string, { name: string; lang: string; urls: string[] }>();
  for (const { meta } of await listDocs()) {
    const key = meta.publication.zh;
    const entry = byPublisher.get(key) ?? {
      name: locale === 'en' ? `${meta.publication.en} (${meta.publication.zh})` : meta.publication.zh,
      lang: locale === 'en' ? 'en' : 'zh',
      urls: [],
    };
    // meta.json is input too: only web links become hrefs.
    if (meta.url && /^https?:\/\//i.test(meta.url) && !entry.urls.includes(meta.url)) entry.urls.push(meta.url);
    byPublisher.set(key, entry);
  }
  return [...byPublisher.values()];
}

export async function SiteFooter({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  const sources = await sourcesOf(locale);
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <section aria-labelledby="footer-credits">
          <h2 id="footer-credits">{t('credits')}</h2>
          <p>
            {t.rich('dictionary', {
              cedict: (chunks) => <a href={CEDICT_URL}>{chunks}</a>,
              licence: (chunks) => (
                <a href={LICENCE_URL} rel="license">
                  {chunks}
                </a>
              ),
            })}
          </p>
          <p>{t('project')}</p>
        </section>
        <section aria-labelledby="footer-sources">
          <h2 id="footer-sources">{t('sources')}</h2>
          <ul className="sources">
            {sources.map((s) => (
              <li key={s.name} lang={s.lang}>
                {s.name}
                {s.urls.map((url, i) => (
                  <span key={url}>
                    {' '}
                    <a href={url} rel="noopener noreferrer external">
                      [{i + 1}]
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <p className="fine">{t('sourcesNote')}</p>
        </section>
      </div>
    </footer>
  );
}
