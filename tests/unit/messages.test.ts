import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routing } from '../../lib/i18n/routing';

/** Every key path of a messages object, e.g. "Term.renderings". */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const load = (locale: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages', `${locale}.json`), 'utf8')) as unknown;

describe('UI messages', () => {
  it('every locale has exactly the keys of English', () => {
    const english = keys(load('en')).sort();
    for (const locale of routing.locales) expect(keys(load(locale)).sort(), locale).toEqual(english);
  });

  it('name no number, date or time style the precompiled messages cannot resolve', () => {
    // next.config.ts precompiles messages (icu-minify): a named style such as `{n, number,
    // percent}` is looked up in the app's `formats`, which define none, and in production the
    // number comes out raw ("0.892" for 89%). A skeleton (`::percent`) compiles to the options.
    const named = /\{\s*\w+\s*,\s*(?:number|date|time)\s*,\s*(?!::)[^}\s]/;
    for (const locale of routing.locales) {
      const raw = readFileSync(path.join(import.meta.dirname, '../../messages', `${locale}.json`), 'utf8');
      const offending = raw.split('\n').filter((line) => named.test(line));
      expect(offending, locale).toEqual([]);
    }
  });
});
