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
    expect(() => parseMeta({ ...valid, translation: { file: '/etc/passwd', format: 'text', translator: 't', note: 'n' } }, 'doc-1', 'm')).toThrow(/file name inside/);
  });

  it('row 13: an id that differs from its folder (two documents with one id) is refused', () => {
    expect(() => parseMeta(valid, 'doc-2', 'corpus/doc-2/meta.json')).toThrow(/does not match its folder/);
  });

  it('names the problem: variant, encoding, date, missing titles', () => {
    expect(() => parseMeta({ ...valid, variant: 'twp' }, 'doc-1', 'm')).toThrow(/variant/);
    expect(() => parseMeta({ ...valid, encoding: 'latin-9' }, 'doc-1', 'm')).toThrow(/unsupported encoding/);
    expect(() => parseMeta({ ...valid, date: '20 May' }, 'doc-1', 'm')).toThrow(/YYYY-MM-DD/);
    expect(() => parseMeta({ ...valid, title: 'x' }, 'doc-1', 'm')).toThrow(/"title"/);
    expect(() => parseMeta([], 'doc-1', 'm')).toThrow(/JSON object/);
  });
});
