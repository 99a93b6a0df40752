import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { routing } from '../i18n/routing';
import { IMPORT_ERROR_CODES, isImportErrorDetail } from './error-detail';

const messagesOf = (locale: string) =>
  (
    JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages', `${locale}.json`), 'utf8')) as {
      ImportErrors: Record<string, string>;
    }
  ).ImportErrors;

/** Values for every argument a message may name: each code's throw site gives a subset of these. */
const SAMPLE = {
  limit: '9 MiB',
  size: '5.2 MiB',
  date: '2025-02-30',
  id: 'read',
  count: 30_000,
  format: 'tmx',
  encoding: 'utf-8',
  reason: 'a.docx: not a Word file',
  seconds: 120,
};

describe('the import page’s refusals in every locale', () => {
  it('every code has its message in English, simplified and traditional Chinese, and no message lacks a code', () => {
    for (const locale of routing.locales)
      expect(Object.keys(messagesOf(locale)).sort(), locale).toEqual([...IMPORT_ERROR_CODES].sort());
  });

  it('every message formats with its values, and names the side it is about', () => {
    for (const locale of routing.locales) {
      for (const [code, message] of Object.entries(messagesOf(locale))) {
        // A message that fails to parse or lacks a value throws, rather than printing its key.
        const t = createTranslator({
          locale,
          messages: { m: message },
          onError: (error) => {
            throw error;
          },
        });
        const format = (side: string) => t('m', { ...SAMPLE, side });
        const zh = format('zh');
        expect(zh, `${locale} ${code}`).not.toMatch(/[{}]/);
        if (message.includes('{side, select'))
          expect(format('en'), `${locale} ${code}: the translation is not the Chinese text`).not.toBe(zh);
      }
    }
  });

  it('only a known code with scalar values is taken from an answer', () => {
    expect(isImportErrorDetail({ code: 'busy' })).toBe(true);
    expect(isImportErrorDetail({ code: 'tooManyLines', params: { side: 'zh', count: 3, limit: 2 } })).toBe(true);
    expect(isImportErrorDetail({ code: 'toString' })).toBe(false);
    expect(isImportErrorDetail({ code: 'busy', params: { side: { nested: 1 } } })).toBe(false);
    expect(isImportErrorDetail({ code: 'busy', params: null })).toBe(false);
    expect(isImportErrorDetail('busy')).toBe(false);
  });
});
