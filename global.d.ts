import type { routing } from '@/lib/i18n/routing';
import type messages from './messages/en.json';

// Typed messages: a key missing from en.json, or a wrong locale, fails the type check.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
