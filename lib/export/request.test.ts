import { describe, expect, it } from 'vitest';
import { exportFilename, FORMAT_INFO } from './formats';
import { checkExportRequest } from './request';

describe('checkExportRequest', () => {
  it.each([
    ['?format=tmx', { format: 'tmx', doc: undefined }],
    ['?format=tsv&doc=2026-05-20-xi-putin-talks', { format: 'tsv', doc: '2026-05-20-xi-putin-talks' }],
    ['?doc=a-1&format=tmx', { format: 'tmx', doc: 'a-1' }],
    ['?format=tbx', { format: 'tbx', doc: undefined }],
    ['?format=csv&', { format: 'csv', doc: undefined }],
  ])('accepts %s', (search, value) => {
    expect(checkExportRequest(search)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'missing', /Missing format/],
    ['?doc=a', 'missing', /Missing format/],
    ['?format=', 'empty', /format is empty/],
    ['?format=xml', 'invalid', /Unknown format: use one of tmx, tsv, tbx, csv/],
    ['?format=TMX', 'invalid', /Unknown format/],
    ['?format=tmx&format=tsv', 'repeated', /Give "format" once, not 2 times/],
    ['?format=tmx&doc=a&doc=b', 'repeated', /Give "doc" once/],
    ['?format=%E4%B8', 'malformed', /percent-encoded/],
    ['?format=tmx&doc=%ZZ', 'malformed', /percent-encoded/],
    ['?format=tmx&doc=..%2Fmanifest', 'invalid', /not a document id/],
    ['?format=tmx&doc=', 'invalid', /not a document id/],
    ['?format=tmx&doc=A-Doc', 'invalid', /not a document id/],
    ['?format=tbx&doc=a', 'invalid', /"doc" does not apply to format=tbx/],
    ['?format=csv&doc=a', 'invalid', /glossary covers the whole corpus/],
    ['?format=tmx&docs=a', 'invalid', /Unknown parameter "docs"/],
    ['?format=tmx&__proto__=1', 'invalid', /Unknown parameter "__proto__"/],
  ])('refuses %j with a 400 (%s)', (search, reason, message) => {
    const checked = checkExportRequest(search);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.status).toBe(400);
    expect(checked.reason).toBe(reason);
    expect(checked.message).toMatch(message);
  });
});

describe('export formats', () => {
  it('name the file after the document, the corpus or the glossary', () => {
    expect(exportFilename('tmx', 'doc-1')).toBe('duizhao-doc-1.tmx');
    expect(exportFilename('tsv')).toBe('duizhao-corpus.tsv');
    expect(exportFilename('tbx')).toBe('duizhao-glossary.tbx');
    expect(exportFilename('csv')).toBe('duizhao-glossary.csv');
  });

  it('declare UTF-8 for every format', () => {
    for (const info of Object.values(FORMAT_INFO)) expect(info.contentType).toMatch(/; charset=utf-8/);
  });
});
