import { defineRouting } from 'next-intl/routing';

/**
 * The UI languages. Script subtags rather than regions: the reader cares about simplified vs.
 * traditional characters, not about mainland vs. Taiwan vocabulary.
 */
export const routing = defineRouting({
  locales: ['en', 'zh-Hans', 'zh-Hant'],
  defaultLocale: 'en',
  localePrefix: 'always',
});

export type AppLocale = (typeof routing.locales)[number];
