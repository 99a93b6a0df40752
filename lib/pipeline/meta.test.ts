import { describe, expect, it } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import { MetaError, parseMeta } from './meta';

const valid = sampleMeta('doc-1');

describe('parseMeta', () => {
  it('accepts a valid meta and keeps its fields', () => {
    expect(parseMeta(valid, 'doc-1', 'corpus/doc-1/meta.json')).toMatchObject({ id: 'doc-1', variant: 'simplified' });
  });

  it('row 13: refuses ids and file names that could leave the corpus', () => {
    expect(() => parseMeta({ ...valid, id: '../../x' }, '../../x', 'm')).toThrow(MetaError);
    expect(() => parseMeta({ ...valid, source: '../../etc/passwd' }, 'doc-1', 'm')).toThrow(/file name inside/);
    expect(() =>
      parseMeta(
        { ...valid, translation: { file: '/etc/passwd', format: 'text', translator: 't', note: 'n' } },
        'doc-1',
        'm',
      ),
    ).toThrow(/file name inside/);
  });

  it('a translation may leave its translator out (not named), but not give an empty one', () => {
    expect(
      parseMeta({ ...valid, translation: { file: 'en.md', format: 'markdown', note: 'n' } }, 'doc-1', 'm').translation,
    ).toEqual({ file: 'en.md', format: 'markdown', note: 'n' });
    expect(() =>
      parseMeta(
        { ...valid, translation: { file: 'en.md', format: 'markdown', translator: ' ', note: 'n' } },
        'doc-1',
        'm',
      ),
    ).toThrow(/translation.translator/);
  });

  it('row 13: an id that differs from its folder (two documents with one id) is refused', () => {
    expect(() => parseMeta(valid, 'doc-2', 'corpus/doc-2/meta.json')).toThrow(/does not match its folder/);
  });

  it('keeps a date given only to the month (a report of December 2024)', () => {
    expect(parseMeta({ ...valid, date: '2024-12' }, 'doc-1', 'm').date).toBe('2024-12');
  });

  it('names the problem: variant, encoding, date, missing titles', () => {
    expect(() => parseMeta({ ...valid, variant: 'twp' }, 'doc-1', 'm')).toThrow(/variant/);
    expect(() => parseMeta({ ...valid, encoding: 'latin-9' }, 'doc-1', 'm')).toThrow(/unsupported encoding/);
    expect(() => parseMeta({ ...valid, date: '20 May' }, 'doc-1', 'm')).toThrow(/YYYY-MM-DD/);
    expect(() => parseMeta({ ...valid, date: '2024-13' }, 'doc-1', 'm')).toThrow(/YYYY-MM-DD/);
    expect(() => parseMeta({ ...valid, title: 'x' }, 'doc-1', 'm')).toThrow(/"title"/);
    expect(() => parseMeta([], 'doc-1', 'm')).toThrow(/JSON object/);
  });
});

describe('parseMeta: source formats', () => {
  it('accepts every source format, and html and docx translations', () => {
    for (const format of ['text', 'markdown', 'html', 'docx']) {
      expect(
        parseMeta(
          { ...valid, format, translation: { file: 'en.html', format: 'html', translator: 't', note: 'n' } },
          'doc-1',
          'm',
        ).format,
      ).toBe(format);
      expect(
        parseMeta(
          { ...valid, format, translation: { file: 'en.docx', format: 'docx', translator: 't', note: 'n' } },
          'doc-1',
          'm',
        ).translation?.format,
      ).toBe('docx');
    }
    expect(parseMeta({ ...valid, format: 'tmx', source: 'source.tmx' }, 'doc-1', 'm').format).toBe('tmx');
    expect(parseMeta({ ...valid, format: 'xliff', source: 'source.xlf' }, 'doc-1', 'm').format).toBe('xliff');
    expect(() => parseMeta({ ...valid, format: 'pdf' }, 'doc-1', 'm')).toThrow(
      /format must be one of text, markdown, html, docx, tmx, xliff/,
    );
  });

  it('a memory translates itself: a separate translation file is refused, crediting the memory is allowed', () => {
    const tmx = { ...valid, format: 'tmx', source: 'source.tmx' };
    expect(() =>
      parseMeta(
        { ...tmx, translation: { file: 'en.md', format: 'markdown', translator: 't', note: 'n' } },
        'doc-1',
        'm',
      ),
    ).toThrow(/holds its own translation/);
    expect(
      parseMeta(
        { ...tmx, translation: { file: 'source.tmx', format: 'tmx', translator: 't', note: 'n' } },
        'doc-1',
        'm',
      ).translation?.translator,
    ).toBe('t');
    expect(() =>
      parseMeta({ ...valid, translation: { file: 'en.tmx', format: 'tmx', translator: 't', note: 'n' } }, 'doc-1', 'm'),
    ).toThrow(/translation.format must be one of text, markdown, html, docx/);
  });
});
