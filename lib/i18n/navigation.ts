import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

/** Locale-aware wrappers around Next's navigation APIs: `<Link href="/search">` keeps the locale. */
export const { Link, getPathname } = createNavigation(routing);
