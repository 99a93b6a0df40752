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
});
