import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/lib/i18n/routing';
import type { TranslationMeta } from '@/lib/model';
import { translationNoteKey } from '@/lib/base/translation-notes';

/**
 * Who translated a document and whether the translation is official: the project's own notes in
 * the page's language, a note written by hand as it stands (in English, marked so).
 */
export async function Provenance({
  translation,
  locale,
  long = false,
}: {
  translation: TranslationMeta;
  locale: AppLocale;
  long?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'Provenance' });
  const key = translationNoteKey(translation.note);
  const by = translation.translator
    ? t(long ? 'translationBy' : 'translatedBy', { translator: translation.translator })
    : t(long ? 'translationNotNamed' : 'translatorNotNamed');
  return (
    <p className="provenance">
      {by} {key ? <span>{t(`note.${key}`)}</span> : <span lang="en">{translation.note}</span>}
    </p>
  );
}
