import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMeta } from '../pipeline/meta';
import { sampleMeta } from '../../tests/fixtures/meta';
import { deriveDocId, isDocId, RESERVED_IDS } from './doc-id';

const root = path.resolve(import.meta.dirname, '../..');

/** The plain segments of every route of the app (folders holding a page or a route handler, and their parents). */
function routeSegments(app: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(app, { recursive: true, encoding: 'utf8' })) {
    if (!/(^|\/)(page\.tsx|route\.ts)$/.test(file)) continue;
    for (const segment of path.dirname(file).split(path.sep)) if (/^[a-z0-9-]+$/.test(segment)) names.add(segment);
  }
  return [...names];
}

describe('row 22.7g: reserved document ids', () => {
  it('row 22.7g: Windows device names and every route segment of the app are not ids', () => {
    for (const id of [
      'con',
      'prn',
      'aux',
      'nul',
      'com1',
      'com9',
      'lpt1',
      'api',
      'glossary',
      'en',
      'zh-hans',
      'zh-hant',
    ])
      expect(isDocId(id), id).toBe(false);
    const segments = routeSegments(path.join(root, 'app'));
    expect(segments).toContain('glossary');
    for (const segment of segments) expect(RESERVED_IDS.has(segment), `app/…/${segment} is reserved`).toBe(true);
  });

  it('row 22.7g: ids that merely begin with one are fine, and a derived id is never reserved', () => {
    for (const id of ['console', 'con-1', 'api-docs', 'glossary-2026', 'nullable']) expect(isDocId(id), id).toBe(true);
    expect(isDocId(deriveDocId('2026-05-20', 'con', 'doc-1'))).toBe(true);
  });

  it('row 22.7g: meta.json naming a reserved id is refused by the ingest, saying why', () => {
    expect(() => parseMeta({ ...sampleMeta('con') }, 'con', 'corpus/con/meta.json')).toThrow(
      /"con" is a reserved name/,
    );
  });
});

describe('row 22.7h: /en/read/con%00', () => {
  it('row 22.7h: neither con nor con with a NUL is a document id, so no reader URL can serve a document called con', () => {
    expect(isDocId('con')).toBe(false);
    expect(isDocId('con\u0000')).toBe(false);
    expect(isDocId('con%00')).toBe(false);
  });
});
